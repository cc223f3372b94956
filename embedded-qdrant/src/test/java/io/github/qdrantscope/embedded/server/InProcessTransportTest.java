package io.github.qdrantscope.embedded.server;

import io.github.qdrantscope.embedded.testing.TransportProbe;
import static io.github.qdrantscope.embedded.server.ServerTestSupport.assertFails;
import static io.github.qdrantscope.embedded.server.ServerTestSupport.failure;
import static io.github.qdrantscope.embedded.server.ServerTestSupport.get;
import static io.github.qdrantscope.embedded.server.ServerTestSupport.uniqueName;
import static io.qdrant.client.PointIdFactory.id;
import static io.qdrant.client.VectorsFactory.vectors;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.qdrantscope.embedded.EmbeddedQdrant;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Status;
import io.grpc.inprocess.InProcessSocketAddress;
import io.qdrant.client.QdrantClient;
import io.qdrant.client.QdrantGrpcClient;
import io.qdrant.client.grpc.Collections.Distance;
import io.qdrant.client.grpc.Collections.VectorParams;
import io.qdrant.client.grpc.Points.PointStruct;
import io.qdrant.client.grpc.Points.ScoredPoint;
import io.qdrant.client.grpc.Points.SearchPoints;
import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The same services on gRPC's in-process transport as on the TCP port: one server, one set of data. */
class InProcessTransportTest {

    @Test
    void inProcessCallsReachTheSameDataAsTcpCallsWithoutASocket() {
        try (EmbeddedQdrant qdrant = EmbeddedQdrant.builder().start()) {
            TransportProbe inProcessProbe = new TransportProbe();
            TransportProbe tcpProbe = new TransportProbe();
            try (QdrantClient inProcess = inProcessClient(qdrant, null, inProcessProbe);
                    QdrantClient tcp = new QdrantClient(QdrantGrpcClient.newBuilder(ManagedChannelBuilder
                            .forAddress(qdrant.host(), qdrant.grpcPort()).usePlaintext().intercept(tcpProbe).build(), true, false).build())) {
                String name = uniqueName("inproc");
                get(inProcess.createCollectionAsync(name,
                        VectorParams.newBuilder().setSize(2).setDistance(Distance.Dot).build()));
                get(tcp.upsertAsync(name, List.of(PointStruct.newBuilder().setId(id(7))
                        .setVectors(vectors(1f, 0f)).build())));

                List<ScoredPoint> found = get(inProcess.searchAsync(SearchPoints.newBuilder()
                        .setCollectionName(name).addAllVector(List.of(1f, 0f)).setLimit(5).build()));

                assertThat(found).extracting(point -> point.getId().getNum()).containsExactly(7L);
                InProcessSocketAddress inProcessAddress = new InProcessSocketAddress(qdrant.inProcessName());
                assertThat(inProcessProbe.remotes()).containsExactly(inProcessAddress, inProcessAddress);
                assertThat(tcpProbe.remotes()).singleElement().isInstanceOfSatisfying(InetSocketAddress.class,
                        remote -> assertThat(remote.getPort()).isEqualTo(qdrant.grpcPort()));
            }
        }
    }

    @Test
    void theInProcessChannelReportsTheTcpAddressAsItsAuthority() {
        try (EmbeddedQdrant qdrant = EmbeddedQdrant.builder().start()) {
            ManagedChannel channel = qdrant.inProcessChannel().build();
            try {
                assertThat(channel.authority()).isEqualTo(qdrant.host() + ":" + qdrant.grpcPort());
            } finally {
                channel.shutdownNow();
            }
        }
    }

    @Test
    void twoServersHaveTheirOwnInProcessNamesAndData() {
        try (EmbeddedQdrant first = EmbeddedQdrant.builder().start();
                EmbeddedQdrant second = EmbeddedQdrant.builder().start();
                QdrantClient firstClient = inProcessClient(first, null, new TransportProbe());
                QdrantClient secondClient = inProcessClient(second, null, new TransportProbe())) {
            String name = uniqueName("only-first");
            get(firstClient.createCollectionAsync(name,
                    VectorParams.newBuilder().setSize(2).setDistance(Distance.Dot).build()));

            assertThat(first.inProcessName()).isNotEqualTo(second.inProcessName());
            assertThat(get(firstClient.collectionExistsAsync(name))).isTrue();
            assertThat(get(secondClient.collectionExistsAsync(name))).isFalse();
        }
    }

    @Test
    void theApiKeyIsCheckedInProcessToo() {
        try (EmbeddedQdrant qdrant = EmbeddedQdrant.builder().apiKey("k3y").start();
                QdrantClient withKey = inProcessClient(qdrant, "k3y", new TransportProbe());
                QdrantClient withoutKey = inProcessClient(qdrant, null, new TransportProbe())) {
            assertThat(get(withKey.listCollectionsAsync())).isEmpty();
            assertFails(withoutKey.listCollectionsAsync(), Status.Code.UNAUTHENTICATED,
                    "Must provide an API key or an Authorization bearer token");
        }
    }

    @Test
    void aClosedServerIsUnavailableInProcess() {
        EmbeddedQdrant qdrant = EmbeddedQdrant.builder().start();
        try (QdrantClient client = inProcessClient(qdrant, null, new TransportProbe())) {
            assertThat(get(client.listCollectionsAsync())).isEmpty();
            qdrant.close();

            assertThat(failure(client.listCollectionsAsync()).getCode()).isEqualTo(Status.Code.UNAVAILABLE);
        }
    }

    private static QdrantClient inProcessClient(EmbeddedQdrant qdrant, String apiKey, TransportProbe probe) {
        QdrantGrpcClient.Builder grpc = QdrantGrpcClient.newBuilder(qdrant.inProcessChannel().intercept(probe).build(),
                true, false);
        if (apiKey != null) {
            grpc.withApiKey(apiKey);
        }
        return new QdrantClient(grpc.build());
    }

    /** Records the remote address each completed call went to, as its transport reports it. */}
