package io.github.qdrantscope.core.server;

import java.util.Optional;

import io.github.qdrantscope.embedded.EmbeddedQdrant;
import io.grpc.ManagedChannelBuilder;

/**
 * The embedded Qdrant of this JVM: started on first use, shared by every Spring context and JUnit test class,
 * stopped only when the JVM exits (after the fork's collections are dropped, see {@link JvmExit}). It is
 * deliberately not tied to a Spring context or a test class, so pausing or evicting a cached context, or a class
 * finishing, never stops the server the others use. Needs {@code qdrant-scope-embedded} on the classpath (an
 * optional dependency of scope-core that the starter and the JUnit extension bring).
 */
public final class SharedEmbeddedQdrant {

    private static volatile QdrantEndpoint endpoint;

    private static volatile EmbeddedQdrant server;

    private SharedEmbeddedQdrant() {
    }

    /** The running server's address, starting the server on first call. */
    public static QdrantEndpoint endpoint() {
        QdrantEndpoint current = endpoint;
        if (current == null) {
            synchronized (SharedEmbeddedQdrant.class) {
                current = endpoint;
                if (current == null) {
                    EmbeddedQdrant started = EmbeddedQdrant.builder().port(0).apiKey(null).start();
                    JvmExit.register(JvmExit.Phase.SERVER, "stopping the embedded Qdrant", started::close);
                    current = new QdrantEndpoint(QdrantEndpoint.Mode.EMBEDDED, started.host(), started.grpcPort(),
                            null, false, "embedded Qdrant started by qdrant-scope");
                    server = started;
                    endpoint = current;
                }
            }
        }
        return current;
    }

    /**
     * A builder of a channel to the running server over gRPC's in-process transport when {@code host} and
     * {@code port} are its published address; empty when the server is not started or the address is another.
     */
    static Optional<ManagedChannelBuilder<?>> inProcessChannel(String host, int port) {
        QdrantEndpoint current = endpoint;
        if (current == null || current.port() != port || !current.host().equals(host)) {
            return Optional.empty();
        }
        return Optional.of(server.inProcessChannel());
    }

    /** Whether the server has been started in this JVM. */
    public static boolean isStarted() {
        return endpoint != null;
    }
}
