package io.github.qdrantscope.rawdemo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the application's Qdrant is: the application's own properties, nothing qdrant-scope knows about.
 *
 * @param host the Qdrant host
 * @param port Qdrant's gRPC port
 */
@ConfigurationProperties("app.qdrant")
public record QdrantSettings(@DefaultValue("localhost") String host, @DefaultValue("6334") int port) {
}
