package io.github.qdrantscope.core.identity;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;


/**
 * Who this JVM is within the build: its fork id, the run id and the build directory. Resolved once per
 * JVM, before anything (a Spring context, a JUnit extension) uses it, so everything derived from it is constant within a fork.
 *
 * @param fork the fork id
 * @param run the run id
 * @param host this machine's name
 * @param buildDirectory {@code target} (Maven) or {@code build} (Gradle), or {@value #BUILD_DIR_PROPERTY}
 */
public record ForkIdentity(ForkId fork, RunId run, String host, Path buildDirectory) {

    /** System property overriding the build directory (reports, Gradle slot locks). */
    public static final String BUILD_DIR_PROPERTY = "qdrant-scope.build-dir";

    private static final System.Logger logger = System.getLogger(ForkIdentity.class.getName());

    private static volatile ForkIdentity jvm;

    /** This JVM's identity, resolved on first call from system properties, environment and build layout. */
    public static ForkIdentity jvm() {
        ForkIdentity current = jvm;
        if (current == null) {
            synchronized (ForkIdentity.class) {
                current = jvm;
                if (current == null) {
                    current = resolve(SystemLookup.jvm(), Path.of("").toAbsolutePath(), hostName(),
                            ProcessHandle.current().pid(), BuildProcess.of(ProcessHandle.current()).orElse(null));
                    current.logResolved();
                    jvm = current;
                }
            }
        }
        return current;
    }

    /** Logs the fork and run id and where each came from (once per JVM, when first resolved). */
    void logResolved() {
        logger.log(System.Logger.Level.INFO, "qdrant-scope: fork id " + fork.value() + " (from " + fork.source() + "), run id " + run.value()
                + " (from " + run.source() + ")");
    }

    /** Resolves an identity from explicit inputs (the layers are documented on the resolvers). */
    public static ForkIdentity resolve(SystemLookup lookup, Path workingDirectory, String host, long pid,
            ProcessHandle buildProcess) {
        Path buildDirectory = buildDirectory(lookup, workingDirectory);
        ForkId fork = new ForkIdResolver(lookup, buildDirectory, pid).resolve();
        RunId run = new RunIdResolver(lookup, host, java.util.Optional.ofNullable(buildProcess)).resolve();
        return new ForkIdentity(fork, run, host, buildDirectory);
    }

    static Path buildDirectory(SystemLookup lookup, Path workingDirectory) {
        String explicit = SystemLookup.nonBlank(lookup.property(BUILD_DIR_PROPERTY));
        if (explicit != null) {
            return workingDirectory.resolve(explicit);
        }
        boolean gradle = !Files.exists(workingDirectory.resolve("pom.xml"))
                && (Files.exists(workingDirectory.resolve("build.gradle"))
                        || Files.exists(workingDirectory.resolve("build.gradle.kts")));
        return workingDirectory.resolve(gradle ? "build" : "target");
    }

    static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        }
        catch (UnknownHostException ex) {
            String env = System.getenv("HOSTNAME");
            return env != null ? env : "unknown-host";
        }
    }
}
