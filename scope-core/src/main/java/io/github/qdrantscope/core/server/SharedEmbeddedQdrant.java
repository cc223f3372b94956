package io.github.qdrantscope.core.server;

import io.github.qdrantscope.embedded.EmbeddedQdrant;

/**
 * The embedded Qdrant of this JVM: started on first use, shared by every Spring context and JUnit test class,
 * stopped only when the JVM exits (after the fork's collections are dropped, see {@link JvmExit}). It is
 * deliberately not tied to a Spring context or a test class, so pausing or evicting a cached context, or a class
 * finishing, never stops the server the others use. Needs {@code qdrant-scope-embedded} on the classpath (an
 * optional dependency of scope-core that the starter and the JUnit extension bring).
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
