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
    void unsupportedRpcAnswersUnimplementedNamingTheRpc() {
        String collection = newCollection(2, io.qdrant.client.grpc.Collections.Distance.Dot);

        Status status = grpcError(() -> await(client.createShardKeyAsync(
                io.qdrant.client.grpc.Collections.CreateShardKeyRequest.newBuilder().setCollectionName(collection).build())));

        assertThat(status.getCode()).isEqualTo(Status.Code.UNIMPLEMENTED);
        assertThat(status.getDescription()).contains("Collections/CreateShardKey");
    }
}
