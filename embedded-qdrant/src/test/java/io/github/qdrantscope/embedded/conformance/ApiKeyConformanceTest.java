package io.github.qdrantscope.embedded.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.qdrantscope.embedded.EmbeddedQdrant;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.stub.MetadataUtils;
import io.qdrant.client.QdrantClient;
import io.qdrant.client.QdrantGrpcClient;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * API key: accepted in the {@code api-key} header or as {@code authorization: Bearer}; missing or wrong
 * keys are UNAUTHENTICATED; health checks are exempt. Messages from Qdrant's
 * src/common/auth/mod.rs (validate_request).
 */
class ApiKeyConformanceTest extends ConformanceTestBase {

    private static final String KEY = "s3cr3t-key";

    private EmbeddedQdrant securedServer;

    @BeforeAll
    void startSecuredServer() {
        securedServer = EmbeddedQdrant.builder().port(0).apiKey(KEY).start();
    }

    @AfterAll
    void stopSecuredServer() {
        if (securedServer != null) {
            securedServer.close();
        }
    }

    @Test
    void apiKeyHeaderIsAccepted() {
        try (QdrantClient keyed = clientWithHeaders(header("api-key", KEY))) {
            String name = uniqueName("auth");
            await(keyed.createCollectionAsync(name, io.qdrant.client.grpc.Collections.VectorParams.newBuilder()
                    .setSize(2).setDistance(io.qdrant.client.grpc.Collections.Distance.Dot).build()));

            assertThat(await(keyed.listCollectionsAsync())).contains(name);
        }
    }

    @Test
    void apiKeyThroughTheClientBuilderIsAccepted() {
        QdrantGrpcClient grpc = QdrantGrpcClient.newBuilder(securedServer.host(), securedServer.grpcPort(), false)
                .withApiKey(KEY).build();
        try (QdrantClient keyed = new QdrantClient(grpc)) {
            assertThat(await(keyed.collectionExistsAsync("nothing_here"))).isFalse();
        }
    }

    @Test
    void bearerTokenIsAccepted() {
        try (QdrantClient bearer = clientWithHeaders(header("authorization", "Bearer " + KEY))) {
            assertThat(await(bearer.listCollectionsAsync())).isNotNull();
        }
    }

    @Test
    void missingKeyIsUnauthenticated() {
        try (QdrantClient anonymous = clientWithHeaders(new Metadata())) {
            assertGrpcError(() -> await(anonymous.listCollectionsAsync()), Status.Code.UNAUTHENTICATED,
                    "Must provide an API key or an Authorization bearer token");
        }
    }

    @Test
    void wrongKeyIsUnauthenticated() {
        try (QdrantClient wrong = clientWithHeaders(header("api-key", "not-the-key"))) {
            assertGrpcError(() -> await(wrong.listCollectionsAsync()), Status.Code.UNAUTHENTICATED,
                    "Invalid API key or JWT");
        }
    }

    @Test
    void wrongBearerTokenIsUnauthenticated() {
        try (QdrantClient wrong = clientWithHeaders(header("authorization", "Bearer nope"))) {
            assertGrpcError(() -> await(wrong.listCollectionsAsync()), Status.Code.UNAUTHENTICATED,
                    "Invalid API key or JWT");
        }
    }

    @Test
    void healthChecksNeedNoKey() {
        // src/tonic/auth.rs: health check paths are whitelisted from authentication
        try (QdrantClient anonymous = clientWithHeaders(new Metadata())) {
            assertThat(await(anonymous.healthCheckAsync()).getVersion()).isEqualTo("1.17.0");

            HealthCheckResponse response = HealthGrpc.newBlockingStub(anonymous.grpcClient().channel())
                    .withDeadlineAfter(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                    .check(HealthCheckRequest.getDefaultInstance());
            assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.ServingStatus.SERVING);
        }
    }

    private static Metadata header(String name, String value) {
        Metadata metadata = new Metadata();
        metadata.put(Metadata.Key.of(name, Metadata.ASCII_STRING_MARSHALLER), value);
        return metadata;
    }

    private QdrantClient clientWithHeaders(Metadata headers) {
        ManagedChannel channel = ManagedChannelBuilder
                .forAddress(securedServer.host(), securedServer.grpcPort())
                .usePlaintext()
                .intercept(MetadataUtils.newAttachHeadersInterceptor(headers))
                .build();
        return new QdrantClient(QdrantGrpcClient.newBuilder(channel, true, false).build());
    }
}
