package io.github.qdrantscope.core.server;

import java.util.Optional;

import io.grpc.ManagedChannelBuilder;
import io.qdrant.client.QdrantGrpcClient;

/**
 * The connections of the clients qdrant-scope builds: to this JVM's embedded server over gRPC's in-process
 * transport (unless {@link EmbeddedTransport#TCP} is asked for), to any other server over TCP.
 */
public final class QdrantChannels {

    private QdrantChannels() {
    }

    /**
     * An in-process channel builder when {@code host:port} is the address of this JVM's embedded server, it is
     * running and {@code transport} is {@link EmbeddedTransport#IN_PROCESS}; empty otherwise (connect over TCP).
     */
    public static Optional<ManagedChannelBuilder<?>> inProcess(String host, int port, EmbeddedTransport transport) {
        // isStarted first: with an external server, the embedded server's classes need not be on the class path
        if (transport != EmbeddedTransport.IN_PROCESS || !SharedEmbeddedQdrant.isStarted()) {
            return Optional.empty();
        }
        return SharedEmbeddedQdrant.inProcessChannel(host, port);
    }

    /**
     * A client builder for {@code endpoint} carrying its API key, on a channel of its own that the client closes;
     * no version check (the caller's {@link QdrantHealthCheck} makes it, with a deadline).
     */
    public static QdrantGrpcClient.Builder grpcClient(QdrantEndpoint endpoint, EmbeddedTransport transport) {
        Optional<ManagedChannelBuilder<?>> inProcess = endpoint.useTls() ? Optional.empty()
                : inProcess(endpoint.host(), endpoint.port(), transport);
        QdrantGrpcClient.Builder grpc = inProcess.isPresent()
                ? QdrantGrpcClient.newBuilder(inProcess.get().build(), true, false)
                : QdrantGrpcClient.newBuilder(endpoint.host(), endpoint.port(), endpoint.useTls(), false);
        if (endpoint.apiKey() != null && !endpoint.apiKey().isEmpty()) {
            grpc.withApiKey(endpoint.apiKey());
        }
        return grpc;
    }
}
