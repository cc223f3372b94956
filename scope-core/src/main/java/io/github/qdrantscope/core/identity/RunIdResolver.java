package io.github.qdrantscope.core.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Resolves the run id, so that two builds or CI shards sharing one Qdrant never bind the same collection,
 * while every fork of one build agrees on it. In order:
 * <ol>
 *   <li>explicit: system property {@value #RUN_ID_PROPERTY} or environment variable {@value #RUN_ID_ENV};</li>
 *   <li>GitHub Actions: {@code gh<GITHUB_RUN_ID>-<GITHUB_RUN_ATTEMPT>-<hash of GITHUB_JOB and RUNNER_NAME>}
 *       (matrix legs share the run id and job, but not the runner);</li>
 *   <li>GitLab CI: {@code gl<CI_JOB_ID>} (each parallel job has its own);</li>
 *   <li>Buildkite: {@code bk<BUILDKITE_BUILD_NUMBER>-<hash of BUILDKITE_JOB_ID>};</li>
 *   <li>CircleCI: {@code cc<CIRCLE_BUILD_NUM>-n<CIRCLE_NODE_INDEX>};</li>
 *   <li>Jenkins: {@code jk<BUILD_NUMBER>-<hash of BUILD_TAG, NODE_NAME and EXECUTOR_NUMBER>};</li>
 *   <li>otherwise {@code local-<hash>} of the host name and the build process (id and start time; see
 *       {@link BuildProcess}). Every fork of one Maven or Gradle build descends from the same build JVM, so
 *       they agree without any file or configuration, and a later build gets a new value (source
 *       {@code build-process}). Without a visible build process, the hash is of this JVM (source
 *       {@code jvm}).</li>
 * </ol>
 */
public class RunIdResolver {

    /** System property carrying an explicit run id. */
    public static final String RUN_ID_PROPERTY = "qdrant-scope.run-id";

    /** Environment variable carrying an explicit run id. */
    public static final String RUN_ID_ENV = "QDRANT_SCOPE_RUN_ID";

    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9-]{1,64}");

    private final SystemLookup lookup;
    private final String hostName;
    private final Optional<ProcessHandle> buildProcess;

    /**
     * @param lookup where system properties and environment variables come from
     * @param hostName this machine's name
     * @param buildProcess the process that started this JVM (the build tool), when visible
     */
    public RunIdResolver(SystemLookup lookup, String hostName, Optional<ProcessHandle> buildProcess) {
        this.lookup = lookup;
        this.hostName = hostName;
        this.buildProcess = buildProcess;
    }

    /** Resolves the run id. */
    public RunId resolve() {
        String explicit = SystemLookup.nonBlank(lookup.property(RUN_ID_PROPERTY));
        if (explicit != null) {
            return validated(explicit, "qdrant-scope.run-id", "system property " + RUN_ID_PROPERTY);
        }
        String explicitEnv = SystemLookup.nonBlank(lookup.env(RUN_ID_ENV));
        if (explicitEnv != null) {
            return validated(explicitEnv, RUN_ID_ENV, "environment variable " + RUN_ID_ENV);
        }
        String github = env("GITHUB_RUN_ID");
        if (github != null) {
            return ci("github-actions", "gh" + github + "-" + orElse(env("GITHUB_RUN_ATTEMPT"), "1") + "-"
                    + hash(6, env("GITHUB_JOB"), env("RUNNER_NAME")));
        }
        String gitlab = env("CI_JOB_ID");
        if (gitlab != null) {
            return ci("gitlab", "gl" + gitlab);
        }
        String buildkite = env("BUILDKITE_JOB_ID");
        if (buildkite != null) {
            return ci("buildkite", "bk" + orElse(env("BUILDKITE_BUILD_NUMBER"), "0") + "-" + hash(8, buildkite));
        }
        String circle = env("CIRCLE_BUILD_NUM");
        if (circle != null) {
            return ci("circleci", "cc" + circle + "-n" + orElse(env("CIRCLE_NODE_INDEX"), "0"));
        }
        String jenkinsTag = env("BUILD_TAG");
        if (jenkinsTag != null && (env("JENKINS_URL") != null || env("JENKINS_HOME") != null)) {
            return ci("jenkins", "jk" + orElse(env("BUILD_NUMBER"), "0") + "-"
                    + hash(6, jenkinsTag, env("NODE_NAME"), env("EXECUTOR_NUMBER")));
        }
        if (buildProcess.isPresent()) {
            ProcessHandle parent = buildProcess.get();
            String started = parent.info().startInstant().map(Object::toString).orElse("?");
            return new RunId("local-" + hash(8, hostName, Long.toString(parent.pid()), started), "build-process");
        }
        ProcessHandle self = ProcessHandle.current();
        return new RunId("local-" + hash(8, hostName, Long.toString(self.pid()),
                self.info().startInstant().map(Object::toString).orElse("?")), "jvm");
    }

    private String env(String name) {
        return SystemLookup.nonBlank(lookup.env(name));
    }

    private static RunId ci(String source, String value) {
        // CI values are digits in practice; anything else is hashed rather than trusted in a collection name
        String safe = VALID.matcher(value).matches() ? value : source.substring(0, 2) + "-" + hash(12, value);
        return new RunId(safe, source);
    }

    private static RunId validated(String value, String source, String origin) {
        if (!VALID.matcher(value).matches()) {
            throw new IllegalArgumentException("qdrant-scope: run id '" + value + "' from " + origin
                    + " is invalid: use 1 to 64 characters of [A-Za-z0-9-]");
        }
        return new RunId(value, source);
    }

    private static String orElse(String value, String fallback) {
        return value != null ? value : fallback;
    }

    static String hash(int hexChars, String... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String part : parts) {
                digest.update(String.valueOf(part).getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            return HexFormat.of().formatHex(digest.digest()).substring(0, hexChars);
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("SHA-256 is required by the Java platform", ex);
        }
    }
}
