package io.github.qdrantscope.autoconfigure.server;

import io.github.qdrantscope.core.server.EmbeddedTransport;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The embedded server, under {@code qdrant-scope.embedded}.
 *
 * @param transport How the starter's QdrantClient bean (and so Spring AI's QdrantVectorStore) reaches the embedded
 *     server of the test JVM: 'in-process' (gRPC's in-process transport, no socket) or 'tcp' (its loopback port).
 *     QdrantClient beans the application builds itself, and clients built inside methods, keep the connection they
 *     were built with; the TCP port stays open for them either way. Ignored for an external server.
 */
@ConfigurationProperties(prefix = QdrantEmbeddedProperties.PREFIX)
public record QdrantEmbeddedProperties(@DefaultValue("in-process") EmbeddedTransport transport) {

    /** The property prefix. */
    public static final String PREFIX = "qdrant-scope.embedded";

    /** In-process unless set. */
    public QdrantEmbeddedProperties {
        if (transport == null) {
            transport = EmbeddedTransport.IN_PROCESS;
        }
    }
}
