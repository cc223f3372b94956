package io.github.qdrantscope.embedded;

/**
 * An in-JVM gRPC server speaking Qdrant 1.17's wire protocol, for tests.
 *
 * <pre>{@code
 * try (EmbeddedQdrant qdrant = EmbeddedQdrant.builder().port(0).start()) {
 *     QdrantClient client = new QdrantClient(
 *             QdrantGrpcClient.newBuilder(qdrant.host(), qdrant.grpcPort(), false).build());
 *     ...
 * }
 * }</pre>
 *
 * <p>STUB: the server work replaces this body; the public API below is the contract.
 */
public final class EmbeddedQdrant implements AutoCloseable {

    private EmbeddedQdrant() {
    }

    /** A builder with port 0 (any free port), host {@code 127.0.0.1} and no API key. */
    public static Builder builder() {
        return new Builder();
    }

    /** The host clients should connect to. */
    public String host() {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** The gRPC port the server is bound to (the real port when 0 was requested). */
    public int grpcPort() {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** Stops the server; idempotent. */
    @Override
    public void close() {
    }

    /** Configures and starts an {@link EmbeddedQdrant}. */
    public static final class Builder {

        private Builder() {
        }

        /** The port to bind; 0 (the default) picks a free port. */
        public Builder port(int port) {
            return this;
        }

        /** The address to bind and report; default {@code 127.0.0.1}. */
        public Builder host(String host) {
            return this;
        }

        /** When non-null, every call except health checks must carry this key. */
        public Builder apiKey(String apiKey) {
            return this;
        }

        /** Starts the server and returns once it accepts connections. */
        public EmbeddedQdrant start() {
            throw new UnsupportedOperationException("not implemented yet");
        }
    }
}
