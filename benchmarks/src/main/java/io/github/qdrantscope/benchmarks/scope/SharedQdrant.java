package io.github.qdrantscope.benchmarks.scope;

import io.github.qdrantscope.benchmarks.QdrantFixture;
import io.github.qdrantscope.embedded.EmbeddedQdrant;

/**
 * The embedded Qdrant of a benchmark fork. Static because the test classes learn its address the way
 * real tests do, from a static {@code @DynamicPropertySource} method.
 */
final class SharedQdrant {

    private static volatile EmbeddedQdrant server;

    private SharedQdrant() {
    }

    static synchronized void start() {
        if (server == null) {
            server = EmbeddedQdrant.builder().port(0).start();
        }
    }

    static synchronized void stop() {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    /** A fresh official client for the running server. */
    static io.qdrant.client.QdrantClient connect() {
        return QdrantFixture.connect(running());
    }

    static String host() {
        return running().host();
    }

    static int port() {
        return running().grpcPort();
    }

    private static EmbeddedQdrant running() {
        EmbeddedQdrant current = server;
        if (current == null) {
            throw new IllegalStateException("SharedQdrant.start() was not called before a test context was built");
        }
        return current;
    }
}
