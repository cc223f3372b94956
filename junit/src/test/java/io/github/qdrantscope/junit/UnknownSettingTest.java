package io.github.qdrantscope.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * A misspelt setting as a system property, the way a build passes one: the JVM's system properties are shared,
 * so nothing else runs meanwhile ({@code @Isolated}) and the property is removed again at once.
 */
@Isolated
class UnknownSettingTest {

    @Test
    void aMisspeltSystemPropertyFailsTheClassNamingItAndTheKnownSettings() {
        TestExecutionSummary summary;
        System.setProperty("qdrant-scope.sever.host", "qdrant.internal");
        try {
            summary = Scenarios.run(BadInputTest.Plain.class, Map.of());
        }
        finally {
            System.clearProperty("qdrant-scope.sever.host");
        }

        assertThat(summary.getTestsSucceededCount()).isZero();
        assertThat(Scenarios.failures(summary)).singleElement().asString()
            .isEqualTo("qdrant-scope: unknown setting qdrant-scope.sever.host (system property); the JUnit extension "
                    + "reads [qdrant-scope.call-timeout, qdrant-scope.collection-prefix, qdrant-scope.connect-timeout, "
                    + "qdrant-scope.embedded.transport, qdrant-scope.fail-on-contention, qdrant-scope.keep-collections, "
                    + "qdrant-scope.lease-heartbeat, qdrant-scope.lease-ttl, qdrant-scope.reaper-enabled, "
                    + "qdrant-scope.reaper-max-collections, qdrant-scope.reaper-timeout, qdrant-scope.server.api-key, "
                    + "qdrant-scope.server.host, qdrant-scope.server.port, "
                    + "qdrant-scope.server.use-tls, qdrant-scope.unscoped], and the system properties "
                    + "[qdrant-scope.build-dir, qdrant-scope.fork-id, qdrant-scope.run-id, "
                    + "qdrant-scope.surefire-fork-number]");
    }
}
