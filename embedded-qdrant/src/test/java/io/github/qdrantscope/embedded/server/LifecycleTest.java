package io.github.qdrantscope.embedded.server;

import static io.github.qdrantscope.embedded.server.ServerTestSupport.clientFor;
import static io.github.qdrantscope.embedded.server.ServerTestSupport.failure;
import static io.github.qdrantscope.embedded.server.ServerTestSupport.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import grpc.health.v1.HealthCheck.HealthCheckRequest;
import grpc.health.v1.HealthCheck.HealthCheckResponse.ServingStatus;
import grpc.health.v1.HealthGrpc;
import io.github.qdrantscope.embedded.EmbeddedQdrant;
import io.grpc.Status;
import io.qdrant.client.QdrantClient;
import io.qdrant.client.grpc.Collections.CreateShardKeyRequest;
import io.qdrant.client.grpc.QdrantOuterClass.HealthCheckReply;
import io.qdrant.client.grpc.ShardSnapshotsGrpc;
import io.qdrant.client.grpc.ShardSnapshotsService.ListShardSnapshotsRequest;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;

class LifecycleTest {

    @Test
    void startsOnAFreePortAndAnswersBothHealthChecks() {
        try (EmbeddedQdrant qdrant = EmbeddedQdrant.builder().port(0).host("127.0.0.1").apiKey(null).start();
                QdrantClient client = clientFor(qdrant, null)) {
            assertThat(qdrant.host()).isEqualTo("127.0.0.1");
            assertThat(qdrant.grpcPort()).isBetween(1, 65535);

            HealthCheckReply reply = get(client.healthCheckAsync());
            assertThat(reply.getTitle()).isEqualTo("qdrant - vector search engine");
            assertThat(reply.getVersion()).isEqualTo("1.17.0");
            assertThat(reply.hasCommit()).isTrue();

            var health = HealthGrpc.newBlockingStub(client.grpcClient().channel())
                    .check(HealthCheckRequest.getDefaultInstance());
            assertThat(health.getStatus()).isEqualTo(ServingStatus.SERVING);
        }
    }

    @Test
    void closeIsIdempotentAndStopsServing() {
        EmbeddedQdrant qdrant = EmbeddedQdrant.builder().start();
        try (QdrantClient client = clientFor(qdrant, null)) {
            get(client.healthCheckAsync());
            qdrant.close();
            qdrant.close();
            assertThat(failure(client.healthCheckAsync()).getCode()).isEqualTo(Status.Code.UNAVAILABLE);
        }
    }

    @Test
    void aPortInUseIsReportedWithTheAddress() {
        try (EmbeddedQdrant first = EmbeddedQdrant.builder().start()) {
            assertThatThrownBy(() -> EmbeddedQdrant.builder().port(first.grpcPort()).start())
                    .isInstanceOf(UncheckedIOException.class)
                    .hasMessageContaining("127.0.0.1:" + first.grpcPort());
        }
    }

    @Test
    void badBuilderArgumentsAreRejectedByName() {
        assertThatThrownBy(() -> EmbeddedQdrant.builder().port(70000))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("port").hasMessageContaining("70000");
        assertThatThrownBy(() -> EmbeddedQdrant.builder().host(" "))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("host");
        assertThatThrownBy(() -> EmbeddedQdrant.builder().apiKey(""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("API key");
    }

    @Test
    void unimplementedRpcsAnswerUnimplementedNamingTheRpc() {
        try (EmbeddedQdrant qdrant = EmbeddedQdrant.builder().start();
                QdrantClient client = clientFor(qdrant, null)) {
            // qdrant.ShardSnapshots is not registered: grpc-java's own "Method not found" names it
            Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> ShardSnapshotsGrpc
                    .newBlockingStub(client.grpcClient().channel())
                    .list(ListShardSnapshotsRequest.newBuilder().setCollectionName("any").setShardId(0).build()));
            Status snapshots = Status.fromThrowable(thrown);
            assertThat(snapshots.getCode()).isEqualTo(Status.Code.UNIMPLEMENTED);
            assertThat(snapshots.getDescription()).contains("qdrant.ShardSnapshots/List");

            Status shardKey = failure(client.createShardKeyAsync(
                    CreateShardKeyRequest.newBuilder().setCollectionName("any").build()));
            // tonic's answer to a CreateShardKeyRequest without its request (collections_api.rs)
            assertThat(shardKey.getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
            assertThat(shardKey.getDescription()).isEqualTo("empty request");
        }
    }
}
