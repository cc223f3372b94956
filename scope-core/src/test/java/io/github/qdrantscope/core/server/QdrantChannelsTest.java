package io.github.qdrantscope.core.server;

import io.github.qdrantscope.embedded.testing.TransportProbe;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.net.InetSocketAddress;

import io.github.qdrantscope.embedded.EmbeddedQdrant;
import io.grpc.inprocess.InProcessSocketAddress;
import io.qdrant.client.QdrantClient;
import org.junit.jupiter.api.Test;

class QdrantChannelsTest {

    @Test
    void theJvmsEmbeddedServerIsReachedInProcess() {
        QdrantEndpoint embedded = SharedEmbeddedQdrant.endpoint();
        try (QdrantClient client = new QdrantClient(
                QdrantChannels.grpcClient(embedded, EmbeddedTransport.IN_PROCESS).build())) {
            assertThat(TransportProbe.remoteOf(client)).isInstanceOf(InProcessSocketAddress.class);
            assertThat(client.grpcClient().channel().authority()).isEqualTo(embedded.host() + ":" + embedded.port());
        }
    }

    @Test
    void tcpKeepsTheJvmsEmbeddedServerOnItsPort() {
        QdrantEndpoint embedded = SharedEmbeddedQdrant.endpoint();
        try (QdrantClient client = new QdrantClient(QdrantChannels.grpcClient(embedded, EmbeddedTransport.TCP)
                .build())) {
            assertThat(TransportProbe.remoteOf(client)).isInstanceOfSatisfying(InetSocketAddress.class,
                    remote -> assertThat(remote.getPort()).isEqualTo(embedded.port()));
        }
    }

    @Test
    void anyOtherServerIsReachedOverTcpEvenWhenInProcessIsAskedFor() {
        SharedEmbeddedQdrant.endpoint();
        try (EmbeddedQdrant other = EmbeddedQdrant.builder().start()) {
            QdrantEndpoint external = new QdrantEndpoint(QdrantEndpoint.Mode.EXTERNAL, other.host(), other.grpcPort(),
                    null, false, "a test");
            try (QdrantClient client = new QdrantClient(
                    QdrantChannels.grpcClient(external, EmbeddedTransport.IN_PROCESS).build())) {
                assertThat(TransportProbe.remoteOf(client)).isInstanceOfSatisfying(InetSocketAddress.class,
                        remote -> assertThat(remote.getPort()).isEqualTo(other.grpcPort()));
            }
        }
    }

    @Test
    void transportsParseByTheirSettingValues() {
        assertThat(EmbeddedTransport.parse("in-process", "x")).isEqualTo(EmbeddedTransport.IN_PROCESS);
        assertThat(EmbeddedTransport.parse(" TCP ", "x")).isEqualTo(EmbeddedTransport.TCP);
        assertThatIllegalArgumentException().isThrownBy(() -> EmbeddedTransport.parse("socket",
                "qdrant-scope.embedded.transport"))
            .withMessage("qdrant-scope: qdrant-scope.embedded.transport='socket' is invalid: "
                    + "expected in-process or tcp");
    }
}
