package io.github.qdrantscope.autoconfigure.scope;

import io.github.qdrantscope.embedded.EmbeddedQdrant;
import io.grpc.ClientInterceptor;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.qdrant.client.QdrantClient;
import io.qdrant.client.QdrantGrpcClient;

import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * One embedded Qdrant for the whole test JVM, started on first use (like the starter does), and the
 * helpers tests use to point Spring AI at it and to read it independently of the scoping proxy.
 */
final class TestQdrant {

    private TestQdrant() {
    }

    private static final class Holder {

        static final EmbeddedQdrant SERVER = start();

        private static EmbeddedQdrant start() {
            EmbeddedQdrant server = EmbeddedQdrant.builder().port(0).start();
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "embedded-qdrant-stop"));
            return server;
        }
    }

    static EmbeddedQdrant server() {
        return Holder.SERVER;
    }

    /** Host, port and schema initialisation; each test class sets its own collection name. */
    static void register(DynamicPropertyRegistry registry) {
        registry.add("spring.ai.vectorstore.qdrant.host", () -> server().host());
        registry.add("spring.ai.vectorstore.qdrant.port", () -> server().grpcPort());
        registry.add("spring.ai.vectorstore.qdrant.initialize-schema", () -> "true");
    }

    /**
     * A client on the Qdrant a context is configured for (whatever put the address into its Environment),
     * optionally with interceptors, as the starter's client bean has.
     */
    static QdrantClient client(Environment environment, ClientInterceptor... interceptors) {
        String host = environment.getRequiredProperty("spring.ai.vectorstore.qdrant.host");
        int port = environment.getRequiredProperty("spring.ai.vectorstore.qdrant.port", Integer.class);
        return client(host, port, interceptors);
    }

    /** A client on this JVM's test server, optionally with interceptors. */
    static QdrantClient client(ClientInterceptor... interceptors) {
        return client(server().host(), server().grpcPort(), interceptors);
    }

    private static QdrantClient client(String host, int port, ClientInterceptor... interceptors) {
        ManagedChannel channel = ManagedChannelBuilder.forAddress(host, port)
            .usePlaintext()
            .intercept(interceptors)
            .build();
        return new QdrantClient(QdrantGrpcClient.newBuilder(channel, true).build());
    }
}
