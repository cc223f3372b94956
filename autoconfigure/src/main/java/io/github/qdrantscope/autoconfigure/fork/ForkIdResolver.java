package io.github.qdrantscope.autoconfigure.fork;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;

import io.github.qdrantscope.autoconfigure.QdrantScopeProperties.ForkIds;

/**
 * Resolves the fork id of this JVM, trying in order:
 * <ol>
 *   <li>the system property {@value #FORK_ID_PROPERTY} (source {@code qdrant-scope.fork-id});</li>
 *   <li>the environment variable {@value #FORK_ID_ENV} (source {@code QDRANT_SCOPE_FORK_ID});</li>
 *   <li>the system property {@value #SUREFIRE_PROPERTY}, which Surefire does not set by itself: pass it with
 *       <pre>{@code
 * <systemPropertyVariables>
 *   <qdrant-scope.surefire-fork-number>${surefire.forkNumber}</qdrant-scope.surefire-fork-number>
 * </systemPropertyVariables>}</pre>
 *       (source {@code surefire}; an unreplaced {@code ${surefire.forkNumber}}, as with {@code forkCount=0},
 *       is ignored);</li>
 *   <li>Gradle's {@value #GRADLE_WORKER_PROPERTY}, which grows without bound over a build, mapped to a dense
 *       slot 1, 2, ... by {@link GradleWorkerSlots} (source {@code gradle});</li>
 *   <li>last resort, {@code p<pid>-<4 random hex>} (source {@code pid}): unique, but a new collection name in
 *       every run.</li>
 * </ol>
 * An explicit value that is not a valid fork id is an error naming where it came from.
 */
public class ForkIdResolver {

    /** System property carrying an explicit fork id. */
    public static final String FORK_ID_PROPERTY = "qdrant-scope.fork-id";

    /** Environment variable carrying an explicit fork id. */
    public static final String FORK_ID_ENV = "QDRANT_SCOPE_FORK_ID";

    /** System property the Surefire configuration sets to {@code ${surefire.forkNumber}}. */
    public static final String SUREFIRE_PROPERTY = "qdrant-scope.surefire-fork-number";

    /** System property Gradle sets in every test worker. */
    public static final String GRADLE_WORKER_PROPERTY = "org.gradle.test.worker";

    private final SystemLookup lookup;
    private final Path buildDirectory;
    private final long pid;

    /**
     * @param lookup where system properties and environment variables come from
     * @param buildDirectory where Gradle slot locks live
     * @param pid this process's id, for the last resort
     */
    public ForkIdResolver(SystemLookup lookup, Path buildDirectory, long pid) {
        this.lookup = lookup;
        this.buildDirectory = buildDirectory;
        this.pid = pid;
    }

    /** Resolves the fork id. */
    public ForkId resolve() {
        String explicit = SystemLookup.nonBlank(lookup.property(FORK_ID_PROPERTY));
        if (explicit != null) {
            return validated(explicit, "qdrant-scope.fork-id", "system property " + FORK_ID_PROPERTY);
        }
        String fromEnv = SystemLookup.nonBlank(lookup.env(FORK_ID_ENV));
        if (fromEnv != null) {
            return validated(fromEnv, FORK_ID_ENV, "environment variable " + FORK_ID_ENV);
        }
        String surefire = SystemLookup.nonBlank(lookup.property(SUREFIRE_PROPERTY));
        if (surefire != null && !surefire.contains("${")) {
            return validated(surefire, "surefire", "system property " + SUREFIRE_PROPERTY
                    + " (set it to ${surefire.forkNumber} in Surefire's systemPropertyVariables)");
        }
        String gradleWorker = SystemLookup.nonBlank(lookup.property(GRADLE_WORKER_PROPERTY));
        if (gradleWorker != null) {
            int slot = new GradleWorkerSlots(buildDirectory.resolve("qdrant-scope").resolve("gradle-slots")).claim();
            return new ForkId(Integer.toString(slot), "gradle");
        }
        byte[] random = new byte[2];
        new SecureRandom().nextBytes(random);
        return new ForkId("p" + pid + "-" + HexFormat.of().formatHex(random), "pid");
    }

    private static ForkId validated(String value, String source, String origin) {
        if (!ForkIds.isValid(value)) {
            throw new IllegalArgumentException("qdrant-scope: fork id '" + value + "' from " + origin
                    + " is invalid: " + ForkIds.RULE);
        }
        return new ForkId(value, source);
    }
}
