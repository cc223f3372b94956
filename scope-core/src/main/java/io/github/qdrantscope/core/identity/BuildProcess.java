package io.github.qdrantscope.core.identity;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the build tool's process (Maven's JVM, the Gradle daemon, the IDE) above this JVM: the nearest
 * ancestor that is itself a Java process. Surefire starts each fork through a shell of its own, so the
 * direct parent differs between forks of one build, while the Java ancestor is shared.
 */
public final class BuildProcess {

    private static final int MAX_DEPTH = 8;

    private BuildProcess() {
    }

    /** The nearest Java ancestor of {@code process}, else its direct parent, else empty. */
    public static Optional<ProcessHandle> of(ProcessHandle process) {
        Optional<ProcessHandle> parent = process.parent();
        Optional<ProcessHandle> ancestor = parent;
        for (int depth = 0; depth < MAX_DEPTH && ancestor.isPresent(); depth++) {
            if (isJava(ancestor.get())) {
                return ancestor;
            }
            ancestor = ancestor.get().parent();
        }
        return parent;
    }

    static boolean isJava(ProcessHandle process) {
        return process.info().command()
                .map(command -> Path.of(command).getFileName().toString())
                .map(name -> name.equals("java") || name.equals("java.exe"))
                .orElse(false);
    }
}
