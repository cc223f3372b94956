package io.github.qdrantscope.core.identity;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;


/**
 * Resolves the fork id of this JVM, trying in order:
 * <ol>
 *   <li>the system property {@value #FORK_ID_PROPERTY} (source {@code qdrant-scope.fork-id});</li>
 *   <li>the environment variable {@value #FORK_ID_ENV} (source {@code QDRANT_SCOPE_FORK_ID});</li>
 *   <li>the system property {@value #SUREFIRE_PROPERTY}, which Surefire does not set by itself: pass it with
 *       <pre>{@code
 * <systemPropertyVariables>
 *   <qdrant-scope.surefire-fork-number>fork${surefire.forkNumber}</qdrant-scope.surefire-fork-number>
 * </systemPropertyVariables>}</pre>
 *       The fork id is the number (source {@code surefire}). The {@code fork} prefix is needed because Maven
 *       replaces a value consisting only of the unknown expression {@code ${surefire.forkNumber}} with an empty
 *       string before Surefire sees it; an empty or malformed value is an error. An unreplaced
 *       {@code ${surefire.forkNumber}}, as with {@code forkCount=0}, is ignored;</li>
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

    /** {@code fork<n>}: the documented value; {@code <n>} alone is accepted when a build manages to pass it. */
    private static final Pattern SUREFIRE_VALUE = Pattern.compile("(?:fork)?([0-9]{1,9})");

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
        ForkId surefire = surefire(lookup.property(SUREFIRE_PROPERTY));
        if (surefire != null) {
            return surefire;
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

    private static ForkId surefire(String value) {
        if (value == null || value.contains("${")) {
            // absent, or forkCount=0 (Surefire runs in Maven's JVM and leaves the placeholder as it is)
            return null;
        }
        Matcher matcher = SUREFIRE_VALUE.matcher(value.trim());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("qdrant-scope: system property " + SUREFIRE_PROPERTY + "='" + value
                    + "' is invalid: set it to fork${surefire.forkNumber} in Surefire's systemPropertyVariables (the "
                    + "'fork' prefix matters: Maven replaces a value that is only ${surefire.forkNumber} with an empty "
                    + "string before Surefire can fill in the fork number)");
        }
        return new ForkId(matcher.group(1), "surefire");
    }

    private static ForkId validated(String value, String source, String origin) {
        if (!ForkIds.isValid(value)) {
            throw new IllegalArgumentException("qdrant-scope: fork id '" + value + "' from " + origin
                    + " is invalid: " + ForkIds.RULE);
        }
        return new ForkId(value, source);
    }
}
