package io.github.qdrantscope.autoconfigure.starter;

import io.github.qdrantscope.autoconfigure.FakeEmbeddingModel;

import org.springframework.ai.embedding.EmbeddingModel;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * A user's application: auto-configuration and an embedding model, nothing else. No Qdrant address, no
 * client, no collection name, no metrics beans: everything else comes from the starter.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
class StarterTestApplication {

    /** The dimension of the fake embedding model; the fork's collection is created with it. */
    static final int DIMENSION = 8;

    @Bean
    EmbeddingModel embeddingModel() {
        return new FakeEmbeddingModel(DIMENSION);
    }
}
