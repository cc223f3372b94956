package io.github.qdrantscope.autoconfigure.server;

import io.github.qdrantscope.embedded.EmbeddedQdrant;

/**
 * The embedded Qdrant of this JVM: started on first use, shared by every Spring context, stopped only
 * when the JVM exits. It is deliberately not a Spring bean, so pausing or evicting a cached context
 * never stops the server the other contexts use.
 */
public final class SharedEmbeddedQdrant {

    private static volatile QdrantEndpoint endpoint;

    private SharedEmbeddedQdrant() {
    }

    /** The running server's address, starting the server on first call. */
    public static QdrantEndpoint endpoint() {
        QdrantEndpoint current = endpoint;
        if (current == null) {
            synchronized (SharedEmbeddedQdrant.class) {
                current = endpoint;
                if (current == null) {
                    EmbeddedQdrant server = EmbeddedQdrant.builder().port(0).apiKey(null).start();
                    JvmExit.register(JvmExit.Phase.SERVER, "stopping the embedded Qdrant", server::close);
                    current = new QdrantEndpoint(QdrantEndpoint.Mode.EMBEDDED, server.host(), server.grpcPort(),
                            null, false, "embedded Qdrant started by qdrant-scope");
                    endpoint = current;
                }
            }
        }
        return current;
    }

    /** Whether the server has been started in this JVM. */
    public static boolean isStarted() {
        return endpoint != null;
    }
}
