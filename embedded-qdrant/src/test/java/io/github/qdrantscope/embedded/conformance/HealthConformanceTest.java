package io.github.qdrantscope.embedded.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Status;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import io.qdrant.client.grpc.QdrantOuterClass.HealthCheckReply;
import org.junit.jupiter.api.Test;

/** Qdrant/HealthCheck, grpc.health.v1 Health/Check, and UNIMPLEMENTED for what the server does not serve. */
class HealthConformanceTest extends ConformanceTestBase {

    @Test
    void healthCheckReportsQdrantTitleAndVersion() {
        HealthCheckReply reply = await(client.healthCheckAsync());

        // src/tonic/api/qdrant_api.rs: title "qdrant - vector search engine", version = crate version
        assertThat(reply.getTitle()).isEqualTo("qdrant - vector search engine");
        assertThat(reply.getVersion()).isEqualTo("1.17.0");
    }

    @Test
    void standardGrpcHealthCheckIsServing() {
        HealthCheckResponse response = HealthGrpc.newBlockingStub(client.grpcClient().channel())
                .withDeadlineAfter(CALL_TIMEOUT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)
                .check(HealthCheckRequest.newBuilder().build());

        assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.ServingStatus.SERVING);
    }

    @Test
    void unsupportedRequestFeatureAnswersUnimplementedNamingIt() {
        String collection = uniqueName("sharded");
        await(client.createCollectionAsync(io.qdrant.client.grpc.Collections.CreateCollection.newBuilder()
                .setCollectionName(collection).setShardingMethod(io.qdrant.client.grpc.Collections.ShardingMethod.Custom)
                .build()));

        Status status = grpcError(() -> await(client.createShardKeyAsync(
                io.qdrant.client.grpc.Collections.CreateShardKeyRequest.newBuilder().setCollectionName(collection)
                        .setRequest(io.qdrant.client.grpc.Collections.CreateShardKey.newBuilder()
                                .setShardKey(io.qdrant.client.ShardKeyFactory.shardKey("k")).setShardsNumber(1001))
                        .build())));

        assertThat(status.getCode()).isEqualTo(Status.Code.UNIMPLEMENTED);
        assertThat(status.getDescription()).isEqualTo("Embedded Qdrant does not implement shard keys with 1001 shards "
                + "(shards_number, or the collection's shard_number) (see docs/embedded-qdrant.md)");
    }
}
