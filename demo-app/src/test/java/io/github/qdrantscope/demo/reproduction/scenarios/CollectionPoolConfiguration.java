package io.github.qdrantscope.demo.reproduction.scenarios;

import io.qdrant.client.QdrantClient;
import org.springframework.ai.embedding.EmbeddingModel;
import org.springframework.ai.vectorstore.qdrant.QdrantVectorStore;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Three extra vector stores, one per pool collection (named after the fork's collection, so each fork has
 * its own pool). They are beans, so the starter wraps them like any other {@code VectorStore}.
 */
@TestConfiguration(proxyBeanMethods = false)
class CollectionPoolConfiguration {

    @Bean(autowireCandidate = false)
    QdrantVectorStore poolStore0(QdrantClient client, EmbeddingModel model, Environment environment) {
        return poolStore(client, model, environment, 0);
    }

    @Bean(autowireCandidate = false)
    QdrantVectorStore poolStore1(QdrantClient client, EmbeddingModel model, Environment environment) {
        return poolStore(client, model, environment, 1);
    }

    @Bean(autowireCandidate = false)
    QdrantVectorStore poolStore2(QdrantClient client, EmbeddingModel model, Environment environment) {
        return poolStore(client, model, environment, 2);
    }

    @Bean
    CollectionPool collectionPool(ApplicationContext context) {
        return new CollectionPool(context);
    }

    private static QdrantVectorStore poolStore(QdrantClient client, EmbeddingModel model, Environment environment,
            int index) {
        String collection = environment.getRequiredProperty("spring.ai.vectorstore.qdrant.collection-name") + "_pool" + index;
        return QdrantVectorStore.builder(client, model).collectionName(collection).initializeSchema(true).build();
    }
}
