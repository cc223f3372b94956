package io.github.qdrantscope.junit;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import io.github.qdrantscope.core.UnscopedPolicy;
import io.github.qdrantscope.core.fork.CollectionNames;
import io.github.qdrantscope.core.lease.LeaseSettings;
import io.github.qdrantscope.core.server.EmbeddedTransport;

/**
 * The extension's settings, read from JUnit configuration parameters (a system property,
 * {@code junit-platform.properties}, or the build's {@code configurationParameters}) and, for each, the environment
 * variable of the same name in upper case with {@code _} ({@code qdrant-scope.server.port} →
 * {@code QDRANT_SCOPE_SERVER_PORT}); a configuration parameter wins. The names are the Spring starter's. Each
 * test class reads and validates them; the binding they select (server, namespace) is set up once per JVM.
 *
 * <p>Every value is validated; a wrong one, or a {@code qdrant-scope.*} name the extension does not know (a typo),
 * fails the test class with a message naming the setting and where it came from ({@link OptionSources}).
 *
 * @param host the external server's host, or {@code null} for the embedded server
 * @param port the external server's gRPC port
 * @param useTls whether the external server is reached over TLS
 * @param apiKey the external server's API key, or {@code null}
 * @param external why the server is external (the settings that were given), or {@code null} when embedded
 * @param connectTimeout the deadline of the health check and of each administrative call
 * @param callTimeout the deadline of the cleanup calls and of every call of a scoped client that has none
 * @param lease lease TTL, heartbeat and reaper ({@value #LEASE_TTL}, {@value #LEASE_HEARTBEAT},
 *     {@value #REAPER_ENABLED}, {@value #REAPER_TIMEOUT}, {@value #REAPER_MAX_COLLECTIONS})
 * @param collectionPrefix the first part of the fork's namespace {@code <prefix>_<run>_f<fork>}
 * @param keepCollections whether the fork's collections outlive the JVM
 * @param unscoped what happens to a call outside a project scope that bypasses projects
 * @param failOnContention whether counted contention fails the test at once
 * @param embeddedTransport how the extension's clients reach the embedded server (an external one is always TCP)
 */
public record QdrantScopeOptions(String host, int port, boolean useTls, String apiKey, String external,
        Duration connectTimeout, Duration callTimeout, LeaseSettings lease, String collectionPrefix, boolean keepCollections,
        UnscopedPolicy unscoped, boolean failOnContention, EmbeddedTransport embeddedTransport) {

    /** External server host. */
    public static final String SERVER_HOST = "qdrant-scope.server.host";

    /** External server gRPC port (usually 6334, not the REST port 6333). */
    public static final String SERVER_PORT = "qdrant-scope.server.port";

    /** Whether the external server is reached over TLS. */
    public static final String SERVER_USE_TLS = "qdrant-scope.server.use-tls";

    /** The external server's API key. */
    public static final String SERVER_API_KEY = "qdrant-scope.server.api-key";

    /** Deadline of the health check and of each administrative call. */
    public static final String CONNECT_TIMEOUT = "qdrant-scope.connect-timeout";

    /** Deadline of cleanup calls and of calls of scoped clients that have none. */
    public static final String CALL_TIMEOUT = "qdrant-scope.call-timeout";

    /** How long after its last renewal another host's lease counts as live. */
    public static final String LEASE_TTL = LeaseSettings.TTL;

    /** How often this JVM renews its leases. */
    public static final String LEASE_HEARTBEAT = LeaseSettings.HEARTBEAT;

    /** Whether the first lease on a server reaps what gone JVMs left there. */
    public static final String REAPER_ENABLED = LeaseSettings.REAPER_ENABLED;

    /** How long that reaping may take. */
    public static final String REAPER_TIMEOUT = LeaseSettings.REAPER_TIMEOUT;

    /** How many leases that reaping drops at most. */
    public static final String REAPER_MAX_COLLECTIONS = LeaseSettings.REAPER_MAX_COLLECTIONS;

    /** The namespace's first part. */
    public static final String COLLECTION_PREFIX = "qdrant-scope.collection-prefix";

    /** Whether the fork's collections are kept at JVM exit. */
    public static final String KEEP_COLLECTIONS = "qdrant-scope.keep-collections";

    /** {@code allow}, {@code warn} or {@code fail}: calls outside a scope that bypass projects. */
    public static final String UNSCOPED = "qdrant-scope.unscoped";

    /** Whether contention fails the test at once. */
    public static final String FAIL_ON_CONTENTION = "qdrant-scope.fail-on-contention";

    /**
     * {@code in-process} (the default) or {@code tcp}: how the injected clients,
     * {@link QdrantScopeEndpoint#newClient()} and the extension's own clients reach the embedded server.
     */
    public static final String EMBEDDED_TRANSPORT = "qdrant-scope.embedded.transport";

    /** The settings the extension reads. */
    public static final Set<String> NAMES = Set.of(SERVER_HOST, SERVER_PORT, SERVER_USE_TLS, SERVER_API_KEY,
            CONNECT_TIMEOUT, CALL_TIMEOUT, LEASE_TTL, LEASE_HEARTBEAT, REAPER_ENABLED, REAPER_TIMEOUT,
            REAPER_MAX_COLLECTIONS, COLLECTION_PREFIX, KEEP_COLLECTIONS, UNSCOPED, FAIL_ON_CONTENTION,
            EMBEDDED_TRANSPORT);

    /** The fork identity's settings: read once per JVM from system properties only, by scope-core. */
    public static final Set<String> JVM_NAMES = Set.of("qdrant-scope.fork-id", "qdrant-scope.run-id",
            "qdrant-scope.surefire-fork-number", "qdrant-scope.build-dir");

    /** The Spring starter's own settings: accepted (a JVM may run both kinds of tests) and ignored here. */
    public static final Set<String> SPRING_NAMES = Set.of("qdrant-scope.enabled", "qdrant-scope.audit",
            "qdrant-scope.embedding", "qdrant-scope.embedding-dimensions");

    /** Reads and validates the options from {@code sources}. */
    public static QdrantScopeOptions from(OptionSources sources) {
        rejectUnknown(sources);
        Reader read = new Reader(sources);
        String host = read.text(SERVER_HOST);
        Integer port = read.value(SERVER_PORT, QdrantScopeOptions::port, "a port number from 1 to 65535");
        String apiKey = read.text(SERVER_API_KEY);
        Boolean useTls = read.value(SERVER_USE_TLS, QdrantScopeOptions::bool, "true or false");
        Set<String> given = new TreeSet<>();
        for (String name : new String[] { SERVER_HOST, SERVER_PORT, SERVER_API_KEY }) {
            if (sources.get(name).isPresent()) {
                given.add(name + " (" + sources.origin(name) + ")");
            }
        }
        String prefix = orElse(read.text(COLLECTION_PREFIX), CollectionNames.DEFAULT_PREFIX);
        if (!CollectionNames.isValidPrefix(prefix)) {
            throw read.invalid(COLLECTION_PREFIX, prefix, CollectionNames.PREFIX_RULE);
        }
        return new QdrantScopeOptions(given.isEmpty() ? null : orElse(host, "localhost"), orElse(port, 6334),
                orElse(useTls, false), apiKey, given.isEmpty() ? null : String.join(", ", given) + " set",
                orElse(read.value(CONNECT_TIMEOUT, QdrantScopeOptions::duration, DURATION_RULE), Duration.ofSeconds(10)),
                orElse(read.value(CALL_TIMEOUT, QdrantScopeOptions::duration, DURATION_RULE), Duration.ofSeconds(60)),
                lease(read, sources), prefix, orElse(read.value(KEEP_COLLECTIONS, QdrantScopeOptions::bool, "true or false"), false),
                orElse(read.value(UNSCOPED, QdrantScopeOptions::policy, "allow, warn or fail"), UnscopedPolicy.WARN),
                orElse(read.value(FAIL_ON_CONTENTION, QdrantScopeOptions::bool, "true or false"), false),
                orElse(read.value(EMBEDDED_TRANSPORT, text -> EmbeddedTransport.parse(text, EMBEDDED_TRANSPORT),
                        "in-process or tcp"), EmbeddedTransport.IN_PROCESS));
    }

    private static LeaseSettings lease(Reader read, OptionSources sources) {
        Duration ttl = orElse(read.value(LEASE_TTL, QdrantScopeOptions::duration, DURATION_RULE),
                LeaseSettings.DEFAULT_TTL);
        Duration heartbeat = orElse(read.value(LEASE_HEARTBEAT, QdrantScopeOptions::duration, DURATION_RULE),
                LeaseSettings.DEFAULT_HEARTBEAT);
        boolean reaper = orElse(read.value(REAPER_ENABLED, QdrantScopeOptions::bool, "true or false"), true);
        Duration reaperTimeout = orElse(read.value(REAPER_TIMEOUT, QdrantScopeOptions::duration, DURATION_RULE),
                LeaseSettings.DEFAULT_REAPER_TIMEOUT);
        int reaperMax = orElse(read.value(REAPER_MAX_COLLECTIONS, QdrantScopeOptions::positiveInt,
                "a whole number from 1"), LeaseSettings.DEFAULT_REAPER_MAX_COLLECTIONS);
        try {
            return new LeaseSettings(ttl, heartbeat, reaper, reaperTimeout, reaperMax);
        }
        catch (IllegalArgumentException ex) {
            // the TTL against the heartbeat: say where each came from
            throw new IllegalArgumentException(ex.getMessage() + " (" + LEASE_TTL + " from " + origin(sources, LEASE_TTL)
                    + ", " + LEASE_HEARTBEAT + " from " + origin(sources, LEASE_HEARTBEAT) + ")", ex);
        }
    }

    private static String origin(OptionSources sources, String name) {
        return sources.get(name).isPresent() ? sources.origin(name) : "the default";
    }

    private static Integer positiveInt(String text) {
        int value = Integer.parseInt(text.trim());
        if (value < 1) {
            throw new IllegalArgumentException("below 1");
        }
        return value;
    }

    /** Never prints the API key. */
    @Override
    public String toString() {
        return "QdrantScopeOptions[" + (isExternal() ? "external " + this.host + ":" + this.port
                + (this.useTls ? " (TLS)" : "") + (this.apiKey != null ? " with an API key" : "") : "embedded")
                + ", connectTimeout=" + this.connectTimeout + ", callTimeout=" + this.callTimeout + ", lease=" + this.lease + ", collectionPrefix="
                + this.collectionPrefix + ", keepCollections=" + this.keepCollections + ", unscoped=" + this.unscoped
                + ", failOnContention=" + this.failOnContention + ", embeddedTransport=" + this.embeddedTransport + "]";
    }

    /** Whether the server is an external one (any of host, port, API key set). */
    public boolean isExternal() {
        return this.external != null;
    }

    private static final String DURATION_RULE = "a positive duration such as 10s, 500ms, 2m, 24h or PT10S";

    private static void rejectUnknown(OptionSources sources) {
        for (String name : JVM_NAMES) {
            if (sources.get(name).isPresent() && !sources.isSystemPropertyOrEnv(name)) {
                throw new IllegalArgumentException("qdrant-scope: " + name + " is set as a " + sources.origin(name)
                        + ", but the fork identity is resolved once per JVM from system properties and environment "
                        + "variables only: set -D" + name + "=... (Surefire: systemPropertyVariables) instead");
            }
        }
        for (String name : sources.names()) {
            if (NAMES.contains(name) || JVM_NAMES.contains(name) || SPRING_NAMES.contains(name)
                    || name.startsWith("qdrant-scope.binding.")) {
                continue;
            }
            throw new IllegalArgumentException("qdrant-scope: unknown setting " + name + " ("
                    + sources.origin(name) + "); the JUnit extension reads " + new TreeSet<>(NAMES)
                    + ", and the system properties " + new TreeSet<>(JVM_NAMES));
        }
    }

    private static Integer port(String text) {
        int port = Integer.parseInt(text.trim());
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("out of range");
        }
        return port;
    }

    private static Boolean bool(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new IllegalArgumentException("not a boolean");
        };
    }

    private static UnscopedPolicy policy(String text) {
        return UnscopedPolicy.valueOf(text.trim().toUpperCase(Locale.ROOT));
    }

    /** Spring Boot's simple format ({@code 10s}, {@code 500ms}; a bare number is milliseconds) or ISO-8601. */
    static Duration duration(String text) {
        String value = text.trim().toLowerCase(Locale.ROOT);
        Duration duration;
        if (value.startsWith("pt") || value.startsWith("p")) {
            duration = Duration.parse(value.toUpperCase(Locale.ROOT));
        }
        else {
            int unit = 0;
            while (unit < value.length() && Character.isDigit(value.charAt(unit))) {
                unit++;
            }
            long amount = Long.parseLong(value.substring(0, unit));
            duration = switch (value.substring(unit)) {
                case "", "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                case "d" -> Duration.ofDays(amount);
                default -> throw new IllegalArgumentException("unknown unit");
            };
        }
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("not positive");
        }
        return duration;
    }

    private static <T> T orElse(T value, T fallback) {
        return value != null ? value : fallback;
    }

    /** Reads one setting at a time, turning a parse failure into an error naming the setting. */
    private record Reader(OptionSources sources) {

        String text(String name) {
            return this.sources.get(name).map(String::trim).filter(value -> !value.isEmpty()).orElse(null);
        }

        <T> T value(String name, Function<String, T> parse, String rule) {
            Optional<String> raw = this.sources.get(name);
            if (raw.isEmpty()) {
                return null;
            }
            try {
                return parse.apply(raw.get());
            }
            catch (RuntimeException ex) {
                throw invalid(name, raw.get(), "expected " + rule);
            }
        }

        IllegalArgumentException invalid(String name, String value, String rule) {
            return new IllegalArgumentException("qdrant-scope: " + name + "='" + value + "' ("
                    + this.sources.origin(name) + ") is invalid: " + rule);
        }
    }
}
