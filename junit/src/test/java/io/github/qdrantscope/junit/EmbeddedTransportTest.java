package io.github.qdrantscope.junit;

import io.github.qdrantscope.embedded.testing.TransportProbe;
import static io.github.qdrantscope.junit.Documents.get;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.util.Map;

import io.grpc.inprocess.InProcessSocketAddress;
import io.qdrant.client.QdrantClient;
import io.qdrant.client.QdrantGrpcClient;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/** Which transport the extension's clients take to the JVM's embedded server. */
@QdrantScopeTest
class EmbeddedTransportTest {

    @Test
    void theInjectedClientAndNewClientsReachTheEmbeddedServerInProcess(QdrantClient client,
            QdrantScopeEndpoint endpoint) {
        assertThat(TransportProbe.remoteOf(client)).isInstanceOf(InProcessSocketAddress.class);
        try (QdrantClient mine = endpoint.newClient()) {
            assertThat(TransportProbe.remoteOf(mine)).isInstanceOf(InProcessSocketAddress.class);
        }
    }

    @Test
    void aClientTheTestBuildsFromHostAndPortStillUsesTheTcpPort(QdrantScopeEndpoint endpoint) throws Exception {
        try (QdrantClient mine = endpoint.scope(new QdrantClient(
                QdrantGrpcClient.newBuilder(endpoint.host(), endpoint.port(), false).build()))) {
            assertThat(TransportProbe.remoteOf(mine)).isInstanceOfSatisfying(InetSocketAddress.class,
                    remote -> assertThat(remote.getPort()).isEqualTo(endpoint.port()));
            assertThat(get(mine.collectionExistsAsync("never-created-" + endpoint.namespace()))).isFalse();
        }
    }

    @Test
    void tcpIsTheOptOut() {
        TestExecutionSummary summary = Scenarios.run(OverTcp.class,
                Map.of(QdrantScopeOptions.EMBEDDED_TRANSPORT, "tcp"));

        assertThat(Scenarios.failures(summary)).isEmpty();
        assertThat(summary.getTestsSucceededCount()).isEqualTo(1);
    }

    @Test
    void anUnknownTransportFailsTheClassNamingTheSetting() {
        TestExecutionSummary summary = Scenarios.run(OverTcp.class,
                Map.of(QdrantScopeOptions.EMBEDDED_TRANSPORT, "shared-memory"));

        assertThat(summary.getTestsSucceededCount()).isZero();
        assertThat(Scenarios.failures(summary)).containsExactly("qdrant-scope: qdrant-scope.embedded.transport="
                + "'shared-memory' (JUnit configuration parameter) is invalid: expected in-process or tcp");
    }

    @Scenarios.Scenario
    @QdrantScopeTest
    static class OverTcp {

        @Test
        void everyClientUsesTheTcpPort(QdrantClient client, QdrantScopeEndpoint endpoint) {
            assertThat(TransportProbe.remoteOf(client)).isInstanceOfSatisfying(InetSocketAddress.class,
                    remote -> assertThat(remote.getPort()).isEqualTo(endpoint.port()));
            try (QdrantClient mine = endpoint.newClient()) {
                assertThat(TransportProbe.remoteOf(mine)).isInstanceOf(InetSocketAddress.class);
            }
        }
    }
}
