package io.github.qdrantscope.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import io.github.qdrantscope.core.lease.LeaseSettings;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

class QdrantScopePropertiesTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(QdrantScopeProperties.class)
    static class Config {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Config.class);

    @Test
    void defaults() {
        runner.run(context -> assertThat(context.getBean(QdrantScopeProperties.class))
                .isEqualTo(QdrantScopeProperties.defaults()));
    }

    @Test
    void everyPropertyBinds() {
        runner.withPropertyValues("qdrant-scope.enabled=false", "qdrant-scope.unscoped=fail", "qdrant-scope.audit=true",
                "qdrant-scope.fail-on-contention=true", "qdrant-scope.keep-collections=true", "qdrant-scope.fork-id=7",
                "qdrant-scope.collection-prefix=shop-it", "qdrant-scope.embedding=hashing",
                "qdrant-scope.embedding-dimensions=64",
                "qdrant-scope.connect-timeout=3s", "qdrant-scope.call-timeout=45s", "qdrant-scope.lease-ttl=2h", "qdrant-scope.lease-heartbeat=1m",
                "qdrant-scope.reaper-enabled=false", "qdrant-scope.reaper-timeout=4s",
                "qdrant-scope.reaper-max-collections=9")
                .run(context -> assertThat(context.getBean(QdrantScopeProperties.class)).isEqualTo(
                        new QdrantScopeProperties(false, io.github.qdrantscope.core.UnscopedPolicy.FAIL, true, true, true, "7",
                                "shop-it", QdrantScopeProperties.Embedding.HASHING, 64, Duration.ofSeconds(3),
                                Duration.ofSeconds(45), Duration.ofHours(2), Duration.ofMinutes(1), false, Duration.ofSeconds(4), 9)));
    }

    @Test
    void theDefaultLeaseSettingsReapADeadOwnerWithinMinutes() {
        assertThat(QdrantScopeProperties.defaults().leaseSettings()).isEqualTo(new LeaseSettings(Duration.ofMinutes(2),
                Duration.ofSeconds(30), true, Duration.ofSeconds(10), 50));
    }

    @Test
    void aTtlNotAboveTwoHeartbeatsIsRejectedNamingBothProperties() {
        runner.withPropertyValues("qdrant-scope.lease-ttl=1m", "qdrant-scope.lease-heartbeat=30s").run(context ->
                assertThat(context).getFailure().rootCause().isInstanceOf(IllegalArgumentException.class)
                        .hasMessage("qdrant-scope: qdrant-scope.lease-ttl=PT1M must be more than twice "
                                + "qdrant-scope.lease-heartbeat=PT30S, so that a live JVM renews its leases at least "
                                + "twice per TTL; raise qdrant-scope.lease-ttl or lower qdrant-scope.lease-heartbeat"));
    }

    @Test
    void aReaperBoundBelowOneIsRejectedNamingTheProperty() {
        runner.withPropertyValues("qdrant-scope.reaper-max-collections=0").run(context ->
                assertThat(context).getFailure().rootCause().isInstanceOf(IllegalArgumentException.class)
                        .hasMessage("qdrant-scope: qdrant-scope.reaper-max-collections=0 is invalid: it must be at "
                                + "least 1 (switch the reaper off with qdrant-scope.reaper-enabled=false)"));
    }

    @Test
    void prefixWithForbiddenCharactersIsRejectedNamingTheProperty() {
        runner.withPropertyValues("qdrant-scope.collection-prefix=my/tests").run(context ->
                assertThat(context).getFailure().rootCause()
                        .hasMessageContaining("qdrant-scope.collection-prefix='my/tests' is invalid"));
    }

    @Test
    void prefixStartingWithDigitIsRejected() {
        runner.withPropertyValues("qdrant-scope.collection-prefix=1tests").run(context ->
                assertThat(context).getFailure().rootCause().hasMessageContaining("qdrant-scope.collection-prefix"));
    }

    @Test
    void tooLongPrefixIsRejected() {
        runner.withPropertyValues("qdrant-scope.collection-prefix=p" + "x".repeat(64)).run(context ->
                assertThat(context).getFailure().rootCause()
                        .hasMessageContaining("qdrant-scope.collection-prefix").hasMessageContaining("at most 64"));
    }

    @Test
    void badForkIdIsRejectedNamingTheProperty() {
        runner.withPropertyValues("qdrant-scope.fork-id=fork 1").run(context ->
                assertThat(context).getFailure().rootCause()
                        .hasMessageContaining("qdrant-scope.fork-id='fork 1' is invalid"));
    }

    @Test
    void unknownUnscopedPolicyIsRejectedNamingTheProperty() {
        runner.withPropertyValues("qdrant-scope.unscoped=sometimes").run(context ->
                assertThat(context).getFailure().hasStackTraceContaining("qdrant-scope.unscoped"));
    }

    @Test
    void nonPositiveTimeoutIsRejected() {
        runner.withPropertyValues("qdrant-scope.connect-timeout=0s").run(context ->
                assertThat(context).getFailure().rootCause().hasMessageContaining("qdrant-scope.connect-timeout"));
    }

    @Test
    void zeroLeaseTtlIsRejectedNamingThePropertyAndTheValue() {
        runner.withPropertyValues("qdrant-scope.lease-ttl=0").run(context ->
                assertThat(context).getFailure().rootCause().isInstanceOf(IllegalArgumentException.class)
                        .hasMessage("qdrant-scope.lease-ttl=PT0S is invalid: it must be positive"));
    }

    @Test
    void negativeLeaseTtlIsRejectedNamingThePropertyAndTheValue() {
        runner.withPropertyValues("qdrant-scope.lease-ttl=-1h").run(context ->
                assertThat(context).getFailure().rootCause().isInstanceOf(IllegalArgumentException.class)
                        .hasMessage("qdrant-scope.lease-ttl=PT-1H is invalid: it must be positive"));
    }

    @Test
    void nonBooleanKeepCollectionsIsRejectedByTheBinderNamingTheProperty() {
        assertBindFailure("qdrant-scope.keep-collections", "sometimes");
    }

    @Test
    void nonBooleanFailOnContentionIsRejectedByTheBinderNamingTheProperty() {
        assertBindFailure("qdrant-scope.fail-on-contention", "yes-please");
    }

    private void assertBindFailure(String property, String value) {
        runner.withPropertyValues(property + "=" + value).run(context -> {
            assertThat(context).hasFailed();
            BindException failure = null;
            for (Throwable t = context.getStartupFailure(); t != null && failure == null; t = t.getCause()) {
                failure = t instanceof BindException bind ? bind : null;
            }
            assertThat(failure).isNotNull();
            assertThat(failure.getName()).hasToString(property);
            assertThat(failure).hasMessage("Failed to bind properties under '" + property + "' to boolean");
            assertThat(failure.getProperty().getValue()).isEqualTo(value);
        });
    }
}
