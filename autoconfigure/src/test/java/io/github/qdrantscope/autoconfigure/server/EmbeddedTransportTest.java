package io.github.qdrantscope.autoconfigure.server;

import io.github.qdrantscope.embedded.testing.TransportProbe;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.github.qdrantscope.autoconfigure.FakeEmbeddingModel;
import io.github.qdrantscope.autoconfigure.scope.InstrumentedQdrantClientAutoConfiguration;
import io.github.qdrantscope.core.server.QdrantEndpoint;
import io.github.qdrantscope.core.server.SharedEmbeddedQdrant;
import io.github.qdrantscope.embedded.EmbeddedQdrant;
import io.grpc.ClientInterceptor;
import io.grpc.ManagedChannelBuilder;
import io.grpc.inprocess.InProcessSocketAddress;
import io.qdrant.client.QdrantClient;
import io.qdrant.client.QdrantGrpcClient;
import org.junit.jupiter.api.Test;
import org.springframework.ai.document.Document;
import org.springframework.ai.embedding.EmbeddingModel;
import org.springframework.ai.vectorstore.SearchRequest;
import org.springframework.ai.vectorstore.VectorStore;
import org.springframework.ai.vectorstore.qdrant.autoconfigure.QdrantVectorStoreAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Which transport the starter's {@code QdrantClient} (and Spring AI's store on it) takes to the JVM's embedded
 * server: the remote address of every call, as the transport reports it to a {@link ClientInterceptor} bean that
 * the starter puts on its channel.
 */
class EmbeddedTransportTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(QdrantServerAutoConfiguration.class,
                    InstrumentedQdrantClientAutoConfiguration.class, QdrantVectorStoreAutoConfiguration.class))
            .withUserConfiguration(Probed.class)
            .withPropertyValues("spring.ai.vectorstore.qdrant.initialize-schema=true",
                    "spring.ai.vectorstore.qdrant.collection-name=transport_" + UUID.randomUUID().toString()
                        .replace("-", ""));

    @Test
    void theStartersClientAndSpringAisStoreReachTheEmbeddedServerInProcess() {
        runner.run(context -> {
            TransportProbe probe = context.getBean(TransportProbe.class);
            VectorStore store = context.getBean(VectorStore.class);
            // start-up: the connection check, then the store's schema (collection list, create)
            assertThat(probe.methods()).containsExactly("HealthCheck", "List", "Create");
            assertThat(probe.remotes()).hasSize(3)
                .allSatisfy(remote -> assertThat(remote).isInstanceOf(InProcessSocketAddress.class));
            probe.remotes().clear();
            probe.methods().clear();

            store.add(List.of(new Document("in-process", Map.of())));
            assertThat(store.similaritySearch(SearchRequest.builder().query("in-process").topK(1).build()))
                .extracting(Document::getText).containsExactly("in-process");

            assertThat(probe.methods()).containsExactly("Upsert", "Search");
            assertThat(probe.remotes()).hasSize(2)
                .allSatisfy(remote -> assertThat(remote).isInstanceOf(InProcessSocketAddress.class));
        });
    }

    @Test
    void tcpIsTheOptOut() {
        runner.withPropertyValues("qdrant-scope.embedded.transport=tcp").run(context -> {
            TransportProbe probe = context.getBean(TransportProbe.class);
            probe.remotes().clear();
            context.getBean(QdrantClient.class).listCollectionsAsync().get();

            QdrantEndpoint embedded = SharedEmbeddedQdrant.endpoint();
            assertThat(probe.remotes()).singleElement().satisfies(remote -> assertThat(remote)
                .isInstanceOfSatisfying(InetSocketAddress.class,
                        socket -> assertThat(socket.getPort()).isEqualTo(embedded.port())));
        });
    }

    @Test
    void aClientTheApplicationBuildsFromThePublishedAddressKeepsTheTcpPort() {
        runner.run(context -> {
            Environment environment = context.getEnvironment();
            TransportProbe probe = new TransportProbe();
            String host = environment.getProperty(QdrantServerSelector.SERVER_HOST);
            int port = environment.getProperty(QdrantServerSelector.SERVER_PORT, Integer.class);
            try (QdrantClient own = new QdrantClient(QdrantGrpcClient.newBuilder(ManagedChannelBuilder
                    .forAddress(host, port).usePlaintext().intercept(probe).build(), true, false).build())) {
                assertThat(own.listCollectionsAsync().get()).isNotNull();
            }
            assertThat(probe.remotes()).singleElement().isInstanceOfSatisfying(InetSocketAddress.class,
                    socket -> assertThat(socket.getPort()).isEqualTo(SharedEmbeddedQdrant.endpoint().port()));
        });
    }

    @Test
    void anExternalServerIsReachedOverTcp() {
        try (EmbeddedQdrant other = EmbeddedQdrant.builder().start()) {
            runner.withPropertyValues("spring.ai.vectorstore.qdrant.host=" + other.host(),
                    "spring.ai.vectorstore.qdrant.port=" + other.grpcPort()).run(context -> {
                        TransportProbe probe = context.getBean(TransportProbe.class);
                        probe.remotes().clear();
                        context.getBean(QdrantClient.class).listCollectionsAsync().get();

                        assertThat(probe.remotes()).singleElement().satisfies(remote -> assertThat(remote)
                            .isInstanceOfSatisfying(InetSocketAddress.class,
                                    socket -> assertThat(socket.getPort()).isEqualTo(other.grpcPort())));
                    });
        }
    }

    @Test
    void anUnknownTransportFailsTheContextNamingTheProperty() {
        runner.withPropertyValues("qdrant-scope.embedded.transport=shared-memory").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context).getFailure().hasStackTraceContaining("qdrant-scope.embedded.transport")
                .hasStackTraceContaining("shared-memory");
        });
    }

    @Configuration(proxyBeanMethods = false)
    static class Probed {

        @Bean
        EmbeddingModel embeddingModel() {
            return new FakeEmbeddingModel(8);
        }

        @Bean
        TransportProbe probe() {
            return new TransportProbe();
        }
    }

    /** Records the remote address each completed call went to. */}
