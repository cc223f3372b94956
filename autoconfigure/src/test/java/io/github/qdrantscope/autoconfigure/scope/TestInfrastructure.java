package io.github.qdrantscope.autoconfigure.scope;

import io.github.qdrantscope.core.metrics.ScopeMetrics;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What a user's test application provides (an embedding model) and a recording {@code ScopeMetrics}. The
 * QdrantClient is the starter's own ({@link InstrumentedQdrantClientAutoConfiguration}), carrying the
 * unscoped-call interceptor.
 */
@Configuration(proxyBeanMethods = false)
class TestInfrastructure {

    @Bean
    FakeEmbeddingModel embeddingModel() {
        return new FakeEmbeddingModel();
    }

    @Bean
    RecordingScopeMetrics scopeMetrics() {
        return new RecordingScopeMetrics();
    }
}
