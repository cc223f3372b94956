package io.github.qdrantscope.core.fork;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.qdrantscope.core.client.ScopedQdrantClients;
import io.github.qdrantscope.core.client.UncoveredClients;
import io.github.qdrantscope.core.server.EmbeddedTransport;
import io.github.qdrantscope.core.server.QdrantChannels;
import io.github.qdrantscope.core.server.QdrantEndpoint;
import io.github.qdrantscope.core.server.ServerWatch;
import io.qdrant.client.QdrantClient;
import io.qdrant.client.QdrantGrpcClient;

/**
 * qdrant-scope's own clients, one per server: claims, listings and drops go through them, so they outlive the
 * application's clients (closed at exit, concurrently with the exit work) and are never scoped, mapped or counted
 * as unscoped access.
 */
final class AdminClients {

    private final Map<String, QdrantClient> clients = new ConcurrentHashMap<>();

    /** The client of {@code endpoint}, built on first use with {@code timeout} as its default deadline. */
    QdrantClient of(QdrantEndpoint endpoint, Duration timeout) {
        // exempt from the uncovered-client count: administrative calls look at the server as it is on purpose
        return this.clients.computeIfAbsent(key(endpoint), k -> UncoveredClients.exempt(() -> {
            // in-process to the JVM's own embedded server: these calls are qdrant-scope's, whatever transport the
            // application's clients use; no version check (the caller's QdrantHealthCheck made it, with a deadline)
            QdrantGrpcClient.Builder grpc = QdrantChannels.grpcClient(endpoint, EmbeddedTransport.IN_PROCESS)
                .withTimeout(timeout);
            // deadline failures name connect-timeout; a gone server fails these calls at once, too
            return ScopedQdrantClients.scoped(new QdrantClient(grpc.build()), ServerWatch.forOwnCalls(timeout));
        }));
    }

    /** Closes every client; a later {@link #of} builds a new one. */
    void closeAll() {
        this.clients.values().forEach(QdrantClient::close);
        this.clients.clear();
    }

    /** One key per server: host, port and TLS. */
    static String key(QdrantEndpoint endpoint) {
        return endpoint.host() + ":" + endpoint.port() + (endpoint.useTls() ? "+tls" : "");
    }
}
