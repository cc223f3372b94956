package io.github.qdrantscope.autoconfigure.embedding;

import org.springframework.ai.embedding.EmbeddingModel;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Provides a {@link HashingEmbeddingModel} as the {@link EmbeddingModel} bean unless the context already
 * has one. Import it directly (for example {@code @Import(HashingEmbeddingConfiguration.class)} on a test
 * configuration) to use the offline model without setting {@code qdrant-scope.embedding=hashing}.
 *
 * <p>The vector size comes from {@code qdrant-scope.embedding-dimensions} (default
 * {@value HashingEmbeddingModel#DEFAULT_DIMENSIONS}).
 */
@Configuration(proxyBeanMethods = false)
public class HashingEmbeddingConfiguration {

    /** The property that sets the vector size of the hashing model. */
    public static final String DIMENSIONS_PROPERTY = "qdrant-scope.embedding-dimensions";

    /**
     * The offline embedding model.
     *
     * @param environment where {@value #DIMENSIONS_PROPERTY} is read from
     * @return a model with the configured dimensions
     * @throws IllegalArgumentException naming the property when the dimension is out of range
     */
    @Bean
    @ConditionalOnMissingBean(EmbeddingModel.class)
    public HashingEmbeddingModel hashingEmbeddingModel(Environment environment) {
        int dimensions = Binder.get(environment)
            .bind(DIMENSIONS_PROPERTY, Integer.class)
            .orElse(HashingEmbeddingModel.DEFAULT_DIMENSIONS);
        if (dimensions < 1 || dimensions > HashingEmbeddingModel.MAX_DIMENSIONS) {
            throw new IllegalArgumentException(DIMENSIONS_PROPERTY + " must be between 1 and "
                    + HashingEmbeddingModel.MAX_DIMENSIONS + ", but was " + dimensions);
        }
        return new HashingEmbeddingModel(dimensions);
    }
}
