package io.github.qdrantscope.embedded.server;

import static io.github.qdrantscope.embedded.server.ServerTestSupport.assertFails;
import static io.github.qdrantscope.embedded.server.ServerTestSupport.clientFor;
import static io.github.qdrantscope.embedded.server.ServerTestSupport.get;
import static org.assertj.core.api.Assertions.assertThat;

import grpc.health.v1.HealthCheck.HealthCheckRequest;
import grpc.health.v1.HealthCheck.HealthCheckResponse.ServingStatus;
import grpc.health.v1.HealthGrpc;
import io.github.qdrantscope.embedded.EmbeddedQdrant;
import io.grpc.CallCredentials;
import io.grpc.Metadata;
import io.grpc.Status.Code;
import io.qdrant.client.QdrantClient;
import io.qdrant.client.QdrantGrpcClient;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ApiKeyTest {

    private static final String KEY = "s3cret-key";
    private static EmbeddedQdrant qdrant;

    @BeforeAll
    static void start() {
        qdrant = EmbeddedQdrant.builder().apiKey(KEY).start();
    }

    @AfterAll
    static void stop() {
        qdrant.close();
    }

    @Test
    void theRightKeyInTheApiKeyHeaderIsAccepted() {
        try (QdrantClient client = clientFor(qdrant, KEY)) {
            assertThat(get(client.listCollectionsAsync())).isNotNull();
        }
    }

    @Test
    void theRightKeyAsBearerTokenIsAccepted() {
        try (QdrantClient client = new QdrantClient(QdrantGrpcClient
                .newBuilder(qdrant.host(), qdrant.grpcPort(), false)
                .withCallCredentials(header("authorization", "Bearer " + KEY)).build())) {
            assertThat(get(client.listCollectionsAsync())).isNotNull();
        }
    }

    @Test
    void aMissingKeyIsUnauthenticated() {
        try (QdrantClient client = clientFor(qdrant, null)) {
            assertFails(client.listCollectionsAsync(), Code.UNAUTHENTICATED,
                    "Must provide an API key or an Authorization bearer token");
        }
    }

    @Test
    void aWrongKeyIsUnauthenticated() {
        try (QdrantClient client = clientFor(qdrant, "wrong")) {
            assertFails(client.listCollectionsAsync(), Code.UNAUTHENTICATED, "Invalid API key or JWT");
            assertFails(client.countAsync("any"), Code.UNAUTHENTICATED, "Invalid API key or JWT");
        }
    }

    @Test
    void healthChecksNeedNoKey() {
        try (QdrantClient client = clientFor(qdrant, null)) {
            assertThat(get(client.healthCheckAsync()).getVersion()).isEqualTo("1.17.0");
            assertThat(HealthGrpc.newBlockingStub(client.grpcClient().channel())
                    .check(HealthCheckRequest.getDefaultInstance()).getStatus()).isEqualTo(ServingStatus.SERVING);
        }
    }

    private static CallCredentials header(String name, String value) {
        return new CallCredentials() {
            @Override
            public void applyRequestMetadata(RequestInfo info, Executor executor, MetadataApplier applier) {
                Metadata metadata = new Metadata();
                metadata.put(Metadata.Key.of(name, Metadata.ASCII_STRING_MARSHALLER), value);
                applier.apply(metadata);
            }
        };
    }
}
