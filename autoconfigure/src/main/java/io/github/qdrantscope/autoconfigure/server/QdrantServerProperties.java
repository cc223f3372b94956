package io.github.qdrantscope.autoconfigure.server;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The Qdrant server, under {@code qdrant-scope.server}: set, an external server to use instead of the embedded
 * one; unset, published by {@link QdrantServerSelector} with the chosen server's address, for an application's
 * own {@code QdrantClient} (for example {@code app.qdrant.port=${qdrant-scope.server.port}} in the test
 * properties).
 *
 * @param host Host of an external Qdrant to use instead of the embedded one. Unset, the chosen server's host is
 *     published here for the application's own QdrantClient.
 * @param port gRPC port (usually 6334, not the REST port 6333) of an external Qdrant to use instead of the
 *     embedded one. Unset, the chosen server's port is published here for the application's own QdrantClient.
 * @param apiKey API key of the external Qdrant; setting it also selects the external server.
 * @param useTls Whether the external Qdrant is reached over TLS; published as false for the embedded server.
 */
@ConfigurationProperties(prefix = "qdrant-scope.server")
public record QdrantServerProperties(String host, Integer port, String apiKey, Boolean useTls) {
}
