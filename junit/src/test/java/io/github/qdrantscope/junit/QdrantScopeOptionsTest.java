package io.github.qdrantscope.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import io.github.qdrantscope.core.UnscopedPolicy;
import io.github.qdrantscope.core.lease.LeaseSettings;
import io.github.qdrantscope.core.server.EmbeddedTransport;
import org.junit.jupiter.api.Test;

/** Reading and validating the options, from fake sources (configuration parameters, environment, files). */
class QdrantScopeOptionsTest {

    @Test
    void withNothingSetTheServerIsEmbeddedAndEveryDefaultIsTheStarters() {
        QdrantScopeOptions options = QdrantScopeOptions.from(sources(Map.of(), Map.of(), Map.of()));

        assertThat(options.isExternal()).isFalse();
        assertThat(options.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(options.lease()).isEqualTo(new LeaseSettings(Duration.ofMinutes(2), Duration.ofSeconds(30), true,
                Duration.ofSeconds(10), 50));
        assertThat(options.collectionPrefix()).isEqualTo("qdrant_scope");
        assertThat(options.keepCollections()).isFalse();
        assertThat(options.unscoped()).isEqualTo(UnscopedPolicy.WARN);
        assertThat(options.failOnContention()).isFalse();
        assertThat(options.embeddedTransport()).isEqualTo(EmbeddedTransport.IN_PROCESS);
    }

    @Test
    void environmentVariablesCountAndAConfigurationParameterWins() {
        QdrantScopeOptions options = QdrantScopeOptions.from(sources(Map.of("qdrant-scope.server.port", "7000"),
                Map.of("QDRANT_SCOPE_SERVER_PORT", "6000", "QDRANT_SCOPE_SERVER_HOST", "qdrant.ci",
                        "QDRANT_SCOPE_SERVER_USE_TLS", "TRUE", "QDRANT_SCOPE_UNSCOPED", "fail"), Map.of()));

        assertThat(options.host()).isEqualTo("qdrant.ci");
        assertThat(options.port()).isEqualTo(7000);
        assertThat(options.useTls()).isTrue();
        assertThat(options.unscoped()).isEqualTo(UnscopedPolicy.FAIL);
        assertThat(options.external()).isEqualTo("qdrant-scope.server.host (environment variable "
                + "QDRANT_SCOPE_SERVER_HOST), qdrant-scope.server.port (JUnit configuration parameter) set");
    }

    @Test
    void anApiKeyAloneSelectsTheExternalServerOnTheDefaultPortAndIsNeverPrinted() {
        QdrantScopeOptions options = QdrantScopeOptions.from(sources(Map.of("qdrant-scope.server.api-key", "k3y"),
                Map.of(), Map.of()));

        assertThat(options.host()).isEqualTo("localhost");
        assertThat(options.port()).isEqualTo(6334);
        assertThat(options.apiKey()).isEqualTo("k3y");
        assertThat(options.external()).doesNotContain("k3y");
        assertThat(options.toString()).doesNotContain("k3y").contains("external localhost:6334 with an API key");
    }

    @Test
    void durationsTakeBootsUnitsOrIso8601() {
        assertThat(QdrantScopeOptions.duration("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(QdrantScopeOptions.duration("750")).isEqualTo(Duration.ofMillis(750));
        assertThat(QdrantScopeOptions.duration("30s")).isEqualTo(Duration.ofSeconds(30));
        assertThat(QdrantScopeOptions.duration("2m")).isEqualTo(Duration.ofMinutes(2));
        assertThat(QdrantScopeOptions.duration("24h")).isEqualTo(Duration.ofHours(24));
        assertThat(QdrantScopeOptions.duration("1d")).isEqualTo(Duration.ofDays(1));
        assertThat(QdrantScopeOptions.duration("PT10S")).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void leaseSettingsAreReadAndTheTtlMustExceedTwoHeartbeats() {
        QdrantScopeOptions options = QdrantScopeOptions.from(sources(Map.of("qdrant-scope.lease-ttl", "5m",
                "qdrant-scope.reaper-enabled", "false", "qdrant-scope.reaper-max-collections", "7"),
                Map.of("QDRANT_SCOPE_LEASE_HEARTBEAT", "1m", "QDRANT_SCOPE_REAPER_TIMEOUT", "3s"), Map.of()));

        assertThat(options.lease()).isEqualTo(new LeaseSettings(Duration.ofMinutes(5), Duration.ofMinutes(1), false,
                Duration.ofSeconds(3), 7));
        assertThatIllegalArgumentException().isThrownBy(() -> QdrantScopeOptions.from(sources(
                Map.of("qdrant-scope.lease-heartbeat", "1m"), Map.of(), Map.of())))
            .withMessage("qdrant-scope: qdrant-scope.lease-ttl=PT2M must be more than twice "
                    + "qdrant-scope.lease-heartbeat=PT1M, so that a live JVM renews its leases at least twice per "
                    + "TTL; raise qdrant-scope.lease-ttl or lower qdrant-scope.lease-heartbeat (qdrant-scope.lease-ttl "
                    + "from the default, qdrant-scope.lease-heartbeat from JUnit configuration parameter)");
        assertThatIllegalArgumentException().isThrownBy(() -> QdrantScopeOptions.from(sources(
                Map.of("qdrant-scope.reaper-max-collections", "0"), Map.of(), Map.of())))
            .withMessage("qdrant-scope: qdrant-scope.reaper-max-collections='0' (JUnit configuration parameter) is "
                    + "invalid: expected a whole number from 1");
    }

    @Test
    void invalidValuesNameTheSettingTheValueAndTheRule() {
        assertThatIllegalArgumentException().isThrownBy(() -> QdrantScopeOptions.from(sources(
                Map.of("qdrant-scope.lease-ttl", "0s"), Map.of(), Map.of())))
            .withMessage("qdrant-scope: qdrant-scope.lease-ttl='0s' (JUnit configuration parameter) is invalid: "
                    + "expected a positive duration such as 10s, 500ms, 2m, 24h or PT10S");
        assertThatIllegalArgumentException().isThrownBy(() -> QdrantScopeOptions.from(sources(Map.of(),
                Map.of("QDRANT_SCOPE_KEEP_COLLECTIONS", "yes"), Map.of())))
            .withMessage("qdrant-scope: qdrant-scope.keep-collections='yes' (environment variable "
                    + "QDRANT_SCOPE_KEEP_COLLECTIONS) is invalid: expected true or false");
        assertThatIllegalArgumentException().isThrownBy(() -> QdrantScopeOptions.from(sources(
                Map.of("qdrant-scope.unscoped", "sometimes"), Map.of(), Map.of())))
            .withMessage("qdrant-scope: qdrant-scope.unscoped='sometimes' (JUnit configuration parameter) is "
                    + "invalid: expected allow, warn or fail");
        assertThatIllegalArgumentException().isThrownBy(() -> QdrantScopeOptions.from(sources(
                Map.of("qdrant-scope.collection-prefix", "9lives"), Map.of(), Map.of())))
            .withMessage("qdrant-scope: qdrant-scope.collection-prefix='9lives' (JUnit configuration parameter) is "
                    + "invalid: use a letter followed by letters, digits, '_' or '-', at most 64 characters");
    }

    @Test
    void unknownNamesInThePropertiesFileOrTheEnvironmentAreTypos() {
        assertThatIllegalArgumentException().isThrownBy(() -> QdrantScopeOptions.from(new OptionSources(
                name -> Optional.empty(), Map.of(), Map.of(), Map.of("qdrant-scope.conect-timeout", "5s"))))
            .withMessageStartingWith("qdrant-scope: unknown setting qdrant-scope.conect-timeout "
                    + "(junit-platform.properties); the JUnit extension reads [");
        assertThatIllegalArgumentException().isThrownBy(() -> QdrantScopeOptions.from(sources(Map.of(),
                Map.of("QDRANT_SCOPE_SERVER_HOSTNAME", "q"), Map.of())))
            .withMessageStartingWith("qdrant-scope: unknown setting QDRANT_SCOPE_SERVER_HOSTNAME (environment "
                    + "variable); the JUnit extension reads [");
    }

    @Test
    void theStartersOwnSettingsAndTheJvmIdentityAsSystemPropertiesAreAccepted() {
        OptionSources sources = new OptionSources(name -> Optional.empty(),
                Map.of("qdrant-scope.fork-id", "3", "qdrant-scope.audit", "true"),
                Map.of("QDRANT_SCOPE_RUN_ID", "ci-7", "QDRANT_SCOPE_ENABLED", "true"), Map.of());

        assertThat(QdrantScopeOptions.from(sources).isExternal()).isFalse();
    }

    /** Configuration parameters {@code parameters} (also as the properties file), environment {@code env}. */
    private static OptionSources sources(Map<String, String> parameters, Map<String, String> env,
            Map<String, String> systemProperties) {
        return new OptionSources(name -> Optional.ofNullable(parameters.get(name)), systemProperties, env,
                Map.of());
    }
}
