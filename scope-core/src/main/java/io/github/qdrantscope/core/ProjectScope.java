package io.github.qdrantscope.core;

import java.util.Objects;
import java.util.Optional;

/**
 * The project a test runs in: a unique name and the payload key that carries it on every stored point.
 *
 * <p>A scope is bound to the current thread; each concurrently running test thread has its own. The
 * {@link ScopedProjectTestExecutionListener} opens one before each test method of a
 * {@link ScopedProject @ScopedProject} test and closes it afterwards. Code under test normally never
 * touches this class; tests read the name through {@link #current()} or the injectable
 * {@link CurrentProject} bean.
 *
 * <pre>{@code
 * try (ProjectScope.Binding ignored = ProjectScope.open(new ProjectScope("orders-1a2b3c4d", "qdrant_scope_project"))) {
 *     vectorStore.add(documents);   // stamped with qdrant_scope_project = orders-1a2b3c4d
 * }
 * }</pre>
 *
 * @param name the project name, {@code <prefix>-<8 hex digits>}
 * @param key the payload key carrying the project
 */
public record ProjectScope(String name, String key) {

    private static final ThreadLocal<ProjectScope> CURRENT = new ThreadLocal<>();

    /** Validates both parts; use {@link ProjectNames} to generate a name. */
    public ProjectScope {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(key, "key");
        ProjectNames.requireValidKey(key, () -> "ProjectScope key");
        ProjectNames.requireValidProjectName(name);
    }

    /** The scope bound to the calling thread, if any. */
    public static Optional<ProjectScope> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    /**
     * Binds {@code scope} to the calling thread until the returned binding is closed, which restores
     * whatever was bound before (so nested bindings unwind correctly).
     */
    public static Binding open(ProjectScope scope) {
        Objects.requireNonNull(scope, "scope");
        ProjectScope previous = CURRENT.get();
        CURRENT.set(scope);
        return new Binding(scope, previous);
    }

    /** Raw access for context-propagation libraries, which save and restore values themselves. */
    public static ProjectScope currentOrNull() {
        return CURRENT.get();
    }

    /** Binds {@code scope} (or nothing, for {@code null}) to the calling thread; for context-propagation libraries. */
    public static void restore(ProjectScope scope) {
        if (scope == null) {
            CURRENT.remove();
        }
        else {
            CURRENT.set(scope);
        }
    }

    /** An open binding of a {@link ProjectScope} to a thread; closing it restores the previous one. */
    public static final class Binding implements AutoCloseable {

        private final ProjectScope scope;

        private final ProjectScope previous;

        private final Thread thread = Thread.currentThread();

        private Binding(ProjectScope scope, ProjectScope previous) {
            this.scope = scope;
            this.previous = previous;
        }

        /** The scope this binding opened. */
        public ProjectScope scope() {
            return this.scope;
        }

        /**
         * Restores the previously bound scope. Must be called on the thread that opened the binding:
         * a thread-bound scope cannot be closed from elsewhere.
         */
        @Override
        public void close() {
            if (Thread.currentThread() != this.thread) {
                throw new IllegalStateException("Project scope '" + this.scope.name() + "' was opened on thread '"
                        + this.thread.getName() + "' and cannot be closed on thread '"
                        + Thread.currentThread().getName() + "'");
            }
            restore(this.previous);
        }
    }
}
