package io.github.qdrantscope.lc4jdemo;

import java.util.List;
import java.util.Objects;

import io.grpc.ClientInterceptor;

/**
 * Where the library's own Qdrant client connects, and the gRPC interceptors it adds to the connection (tracing,
 * auth headers, or a test harness's scoping: whatever the deployment needs).
 *
 * @param interceptors in {@code ManagedChannelBuilder.intercept} order: the last one sees a call first
 */
public record LibrarySettings(String host, int port, boolean useTls, String apiKey, List<ClientInterceptor> interceptors) {

    public LibrarySettings {
        Objects.requireNonNull(host, "host");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("Qdrant's gRPC port must be 1..65535, was " + port);
        }
        interceptors = List.copyOf(interceptors);
    }

    /** A plaintext connection without API key or interceptors. */
    public static LibrarySettings of(String host, int port) {
        return new LibrarySettings(host, port, false, null, List.of());
    }

    /** The same settings with {@code interceptors} on the connection. */
    public LibrarySettings withInterceptors(ClientInterceptor... more) {
        return new LibrarySettings(this.host, this.port, this.useTls, this.apiKey, List.of(more));
    }
}
