package io.github.qdrantscope.autoconfigure.server;

import io.github.qdrantscope.core.server.QdrantEndpoint;
import io.github.qdrantscope.core.server.SharedEmbeddedQdrant;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicReference;

import io.github.qdrantscope.autoconfigure.FakeEmbeddingModel;
import io.github.qdrantscope.autoconfigure.scope.InstrumentedQdrantClientAutoConfiguration;
import io.qdrant.client.QdrantClient;
import org.junit.jupiter.api.Test;
import org.springframework.ai.embedding.EmbeddingModel;
import org.springframework.ai.vectorstore.qdrant.autoconfigure.QdrantVectorStoreAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.PropertySource;

/** Server choice with the real embedded server: one per JVM, published first, outliving contexts. */
class EmbeddedServerSelectionTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(QdrantServerAutoConfiguration.class,
                    QdrantVectorStoreAutoConfiguration.class))
            .withUserConfiguration(Embedding.class);

    @Test
    void nothingConfiguredMeansTheEmbeddedServerPublishedFirstInTheEnvironment() {
        runner.withPropertyValues("spring.ai.vectorstore.qdrant.collection-name=qdrant_scope_selection").run(context -> {
            QdrantEndpoint shared = SharedEmbeddedQdrant.endpoint();
            assertThat(context.getBean(QdrantServerChoice.class).mode()).isEqualTo(QdrantEndpoint.Mode.EMBEDDED);
            assertThat(context.getBean(QdrantEndpoint.class)).isEqualTo(shared);
            PropertySource<?> first = context.getEnvironment().getPropertySources().iterator().next();
            assertThat(first.getName()).isEqualTo(QdrantServerSelector.PROPERTY_SOURCE_NAME);
            assertThat(context.getEnvironment().getProperty("spring.ai.vectorstore.qdrant.host")).isEqualTo(shared.host());
            assertThat(context.getEnvironment().getProperty("spring.ai.vectorstore.qdrant.port", Integer.class))
                    .isEqualTo(shared.port());
            // the address never leaks into the JVM's system properties
            assertThat(System.getProperty("spring.ai.vectorstore.qdrant.port")).isNull();
            assertThat(context.getBean(QdrantClient.class).healthCheckAsync().get().getVersion()).isEqualTo("1.17.0");
        });
    }

    @Test
    void everyContextOfTheJvmSharesOneServerThatOutlivesClosedContexts() {
        AtomicReference<QdrantEndpoint> first = new AtomicReference<>();
        runner.run(context -> first.set(context.getBean(QdrantEndpoint.class)));
        // the first context is closed now, as when Spring evicts it from the context cache

        runner.run(context -> {
            assertThat(context.getBean(QdrantEndpoint.class)).isEqualTo(first.get());
            assertThat(context.getBean(QdrantClient.class).healthCheckAsync().get().getVersion()).isEqualTo("1.17.0");
        });
    }

    @Test
    void externalServerIsUsedAsConfiguredAndPublishedUnderQdrantScopesNames() {
        QdrantEndpoint running = SharedEmbeddedQdrant.endpoint();
        runner.withPropertyValues("spring.ai.vectorstore.qdrant.host=" + running.host(),
                "spring.ai.vectorstore.qdrant.port=" + running.port()).run(context -> {
                    QdrantEndpoint endpoint = context.getBean(QdrantEndpoint.class);
                    assertThat(endpoint.mode()).isEqualTo(QdrantEndpoint.Mode.EXTERNAL);
                    assertThat(endpoint.port()).isEqualTo(running.port());
                    assertThat(endpoint.source()).contains("spring.ai.vectorstore.qdrant.host is set");
                    assertThat(context.getEnvironment().getPropertySources()
                            .contains(QdrantServerSelector.PROPERTY_SOURCE_NAME)).isFalse();
                    assertThat(context.getEnvironment().getProperty(QdrantServerSelector.SERVER_PORT, Integer.class))
                            .isEqualTo(running.port());
                });
    }

    @Test
    void aQdrantClientOfQdrantScopesOwnAutoConfigurationStillMeansEmbedded() {
        runner.withConfiguration(AutoConfigurations.of(InstrumentedQdrantClientAutoConfiguration.class)).run(context -> {
            assertThat(context.getBean(QdrantServerChoice.class).mode()).isEqualTo(QdrantEndpoint.Mode.EMBEDDED);
            assertThat(context.getBean(QdrantClient.class).healthCheckAsync().get().getVersion()).isEqualTo("1.17.0");
        });
    }

    @Configuration(proxyBeanMethods = false)
    static class Embedding {

        @Bean
        EmbeddingModel embeddingModel() {
            return new FakeEmbeddingModel(8);
        }
    }
}
