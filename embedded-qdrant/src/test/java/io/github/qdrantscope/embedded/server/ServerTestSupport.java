package io.github.qdrantscope.embedded.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.qdrantscope.embedded.EmbeddedQdrant;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.qdrant.client.QdrantClient;
import io.qdrant.client.QdrantGrpcClient;
import io.qdrant.client.grpc.Collections.Distance;
import io.qdrant.client.grpc.Collections.VectorParams;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * One embedded server per test class and an official {@link QdrantClient} talking to it over a real
 * socket. State is per test instance (one per class), and tests use fresh collection names, so
 * classes and methods can run in any order and in parallel.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ServerTestSupport {

    EmbeddedQdrant qdrant;
    QdrantClient client;

    @BeforeAll
    void startServer() {
        qdrant = EmbeddedQdrant.builder().port(0).start();
        client = clientFor(qdrant, null);
    }

    @AfterAll
    void stopServer() {
        client.close();
        qdrant.close();
    }

    static QdrantClient clientFor(EmbeddedQdrant server, String apiKey) {
        QdrantGrpcClient.Builder builder = QdrantGrpcClient.newBuilder(server.host(), server.grpcPort(), false);
        if (apiKey != null) {
            builder.withApiKey(apiKey);
        }
        return new QdrantClient(builder.build());
    }

    static String uniqueName(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    /** Creates a collection with one unnamed vector and returns its name. */
    String newCollection(int size, Distance distance) {
        String name = uniqueName("c");
        get(client.createCollectionAsync(name,
                VectorParams.newBuilder().setSize(size).setDistance(distance).build()));
        return name;
    }

    static <T> T get(Future<T> future) {
        try {
            return future.get();
        } catch (ExecutionException e) {
            throw new AssertionError("Call failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The gRPC status a call failed with; fails the test when the call succeeded. */
    static Status failure(Future<?> future) {
        Throwable thrown = catchThrowable(future::get);
        assertThat(thrown).as("call should have failed").isInstanceOf(ExecutionException.class);
        Throwable cause = thrown.getCause();
        assertThat(cause).isInstanceOf(StatusRuntimeException.class);
        return ((StatusRuntimeException) cause).getStatus();
    }

    static void assertFails(Future<?> future, Status.Code code, String message) {
        Status status = failure(future);
        assertThat(status.getCode()).as(status.toString()).isEqualTo(code);
        assertThat(status.getDescription()).isEqualTo(message);
    }
}
