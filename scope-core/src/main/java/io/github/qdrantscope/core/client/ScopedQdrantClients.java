package io.github.qdrantscope.core.client;

import java.lang.reflect.Field;
import java.time.Duration;

import io.grpc.CallCredentials;
import io.grpc.ClientInterceptor;
import io.grpc.ManagedChannel;
import io.qdrant.client.QdrantClient;
import io.qdrant.client.QdrantGrpcClient;

/**
 * Gives an already built {@link QdrantClient} the project scope: a new client on the same connection, whose
 * calls go through the interceptors and keep the original's credentials (API key) and default timeout.
 *
 * <p>The Qdrant client keeps credentials and timeout in private fields with no accessor, so they are read
 * reflectively; a client library whose fields differ fails here, naming them, rather than losing its API key.
 */
public final class ScopedQdrantClients {

    private ScopedQdrantClients() {
    }

    /** Whether {@code client}'s calls already go through a {@link ScopedChannel}. */
    public static boolean isScoped(QdrantClient client) {
        return client.grpcClient().channel() instanceof ScopedChannel;
    }

    /**
     * A client on {@code client}'s connection whose calls go through {@code interceptors}; {@code client} itself
     * when it is already scoped. Closing the new client closes the connection, as closing the original would.
     */
    public static QdrantClient scoped(QdrantClient client, ClientInterceptor... interceptors) {
        if (isScoped(client)) {
            return client;
        }
        QdrantGrpcClient grpc = client.grpcClient();
        ManagedChannel channel = new ScopedChannel(grpc.channel(), interceptors);
        QdrantGrpcClient.Builder builder = QdrantGrpcClient.newBuilder(channel, true, false);
        CallCredentials credentials = read(grpc, "callCredentials", CallCredentials.class);
        if (credentials != null) {
            builder.withCallCredentials(credentials);
        }
        Duration timeout = read(grpc, "timeout", Duration.class);
        if (timeout != null) {
            builder.withTimeout(timeout);
        }
        return new QdrantClient(builder.build());
    }

    private static <T> T read(QdrantGrpcClient grpc, String name, Class<T> type) {
        try {
            Field field = QdrantGrpcClient.class.getDeclaredField(name);
            field.setAccessible(true);
            return type.cast(field.get(grpc));
        }
        catch (ReflectiveOperationException | RuntimeException ex) {
            throw new IllegalStateException("qdrant-scope cannot scope this QdrantClient: it reads the client's "
                    + type.getSimpleName() + " from QdrantGrpcClient." + name + ", which this version of"
                    + " io.qdrant:client does not have (qdrant-scope is built against 1.17.0)", ex);
        }
    }
}
