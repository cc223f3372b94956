package io.github.qdrantscope.autoconfigure.scope;

import io.qdrant.client.QdrantClient;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * What a user's test application provides (an embedding model), a recording {@code ScopeMetrics}, and a
 * QdrantClient on the embedded server carrying the unscoped-call interceptor bean, as the starter's own
 * client bean does.
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

    @Bean(destroyMethod = "close")
    QdrantClient qdrantClient(UnscopedQdrantCallCounter counter, Environment environment) {
        return TestQdrant.client(environment, counter);
    }
}
