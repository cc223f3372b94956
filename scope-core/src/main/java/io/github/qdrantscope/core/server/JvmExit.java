package io.github.qdrantscope.core.server;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;


/**
 * The one JVM shutdown hook of qdrant-scope. JVM shutdown hooks run concurrently in no particular
 * order, but the work at exit has an order: write the report, drop the fork's collections, then stop
 * the embedded server they live in. Tasks run in ascending {@link Phase} order on a single thread.
 */
public final class JvmExit {

    private static final Tasks TASKS = new Tasks();

    private static boolean hookInstalled;

    private JvmExit() {
    }

    /** When a task runs relative to the others. */
    public enum Phase {
        /** Reports and summaries, while everything is still up. */
        REPORT,
        /** Dropping the fork's collections. */
        COLLECTIONS,
        /** Stopping the embedded server. */
        SERVER
    }

    /** Runs {@code task} at JVM exit in {@code phase}; failures are logged, not thrown. */
    public static void register(Phase phase, String description, Runnable task) {
        TASKS.add(phase, description, task);
        synchronized (JvmExit.class) {
            if (!hookInstalled) {
                Runtime.getRuntime().addShutdownHook(new Thread(TASKS::runAll, "qdrant-scope-exit"));
                hookInstalled = true;
            }
        }
    }

    /** An ordered list of exit tasks. */
    static final class Tasks {

        private static final System.Logger logger = System.getLogger(JvmExit.class.getName());

        private final List<Task> tasks = new ArrayList<>();

        synchronized void add(Phase phase, String description, Runnable runnable) {
            tasks.add(new Task(phase, description, runnable));
        }

        void runAll() {
            List<Task> snapshot;
            synchronized (this) {
                snapshot = new ArrayList<>(tasks);
                tasks.clear();
            }
            // stable sort: within a phase, tasks run in registration order
            snapshot.sort(Comparator.comparing(Task::phase));
            for (Task task : snapshot) {
                try {
                    task.runnable().run();
                }
                catch (RuntimeException | Error ex) {
                    logger.log(System.Logger.Level.WARNING, "qdrant-scope: at JVM exit, " + task.description() + " failed: " + ex, ex);
                }
            }
        }
    }

    private record Task(Phase phase, String description, Runnable runnable) {
    }
}
