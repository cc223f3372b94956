package io.github.qdrantscope.autoconfigure;

import org.springframework.ai.vectorstore.qdrant.autoconfigure.QdrantConnectionDetails;

/**
 * Connection details with fixed values, as a {@code @ServiceConnection} on a container or a test's own bean
 * would contribute them.
 *
 * @param host the gRPC host
 * @param port the gRPC port
 * @param apiKey the API key, or {@code null}
 */
public record FixedQdrantConnectionDetails(String host, int port, String apiKey) implements QdrantConnectionDetails {

    @Override
    public String getHost() {
        return this.host;
    }

    @Override
    public int getPort() {
        return this.port;
    }

    @Override
    public String getApiKey() {
        return this.apiKey;
    }
}
