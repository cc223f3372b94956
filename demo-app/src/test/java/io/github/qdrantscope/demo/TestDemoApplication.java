package io.github.qdrantscope.demo;

import io.github.qdrantscope.autoconfigure.embedding.HashingEmbeddingConfiguration;
import io.github.qdrantscope.embedded.EmbeddedQdrant;
import org.springframework.ai.vectorstore.qdrant.autoconfigure.QdrantConnectionDetails;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * Runs the demo for development with nothing installed: an embedded Qdrant in this JVM and the offline
 * hashing embedding model. Start it with {@code ./mvnw -pl demo-app -am spring-boot:test-run} (or run this
 * class from the IDE) and call the API on http://localhost:8080 (see {@code docs/demo.md}).
 */
public final class TestDemoApplication {

    private TestDemoApplication() {
    }

    public static void main(String[] args) {
        SpringApplication.from(DemoApplication::main).with(DevelopmentQdrant.class).run(args);
    }

    /** An embedded Qdrant the application connects to as if it were external; stopped with the context. */
    @TestConfiguration(proxyBeanMethods = false)
    @Import(HashingEmbeddingConfiguration.class)
    static class DevelopmentQdrant {

        @Bean(destroyMethod = "close")
        EmbeddedQdrant embeddedQdrant() {
            return EmbeddedQdrant.builder().start();
        }

        @Bean
        QdrantConnectionDetails qdrantConnectionDetails(EmbeddedQdrant qdrant) {
            return new QdrantConnectionDetails() {
                @Override
                public String getHost() {
                    return qdrant.host();
                }

                @Override
                public int getPort() {
                    return qdrant.grpcPort();
                }

                @Override
                public String getApiKey() {
                    return null;
                }
            };
        }
    }
}
