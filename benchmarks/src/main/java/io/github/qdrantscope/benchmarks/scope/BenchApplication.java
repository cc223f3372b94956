package io.github.qdrantscope.benchmarks.scope;

import org.springframework.ai.embedding.EmbeddingModel;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The smallest realistic application: Spring Boot auto-configuration (Spring AI's Qdrant vector store,
 * and the starter's scoping when on the classpath) plus an embedding model. A real application's
 * context is larger, so a context reload measured here is a lower bound of what teams pay.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class BenchApplication {

    /** Matches {@link io.github.qdrantscope.benchmarks.SearchBenchmark}'s 384 dimensions. */
    public static final int DIMENSIONS = 384;

    @Bean
    EmbeddingModel embeddingModel() {
        return new SeededEmbeddingModel(DIMENSIONS);
    }
}
