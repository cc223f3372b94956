package io.github.qdrantscope.autoconfigure.scope;

import io.github.qdrantscope.autoconfigure.metrics.ScopeMetrics;
import io.micrometer.context.ContextSnapshotFactory;

import org.springframework.ai.vectorstore.VectorStore;
import org.springframework.ai.vectorstore.qdrant.autoconfigure.QdrantVectorStoreAutoConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.task.TaskDecorator;
import org.springframework.core.task.support.ContextPropagatingTaskDecorator;
import org.springframework.util.function.SingletonSupplier;

/**
 * Project scoping for every {@link VectorStore} bean: the scoping post-processor, the {@link CurrentProject}
 * bean, the gRPC {@link UnscopedQdrantCallCounter} and, with Micrometer's context-propagation present, a
 * task decorator so {@code @Async} work runs in the caller's project.
 */
@AutoConfiguration(after = QdrantVectorStoreAutoConfiguration.class)
@ConditionalOnClass(VectorStore.class)
public class ProjectScopeAutoConfiguration {

    /** Static: post-processors must be created before the beans they process. */
    @Bean
    static ScopedVectorStorePostProcessor qdrantScopeVectorStorePostProcessor() {
        return new ScopedVectorStorePostProcessor();
    }

    /** The current test's project, injectable into tests. */
    @Bean
    @ConditionalOnMissingBean
    CurrentProject qdrantScopeCurrentProject() {
        return new CurrentProject();
    }

    /**
     * Counts unscoped raw-client calls on the configured collection
     * ({@code spring.ai.vectorstore.qdrant.collection-name}). The starter's {@code QdrantClient} applies
     * every {@code ClientInterceptor} bean.
     */
    @Bean
    @ConditionalOnClass(name = "io.qdrant.client.QdrantClient")
    @ConditionalOnMissingBean
    UnscopedQdrantCallCounter qdrantScopeUnscopedCallCounter(ObjectProvider<ScopeMetrics> metrics,
            Environment environment) {
        String collection = environment.getProperty("spring.ai.vectorstore.qdrant.collection-name",
                "vector_store");
        return new UnscopedQdrantCallCounter(
                SingletonSupplier.of(() -> metrics.getIfAvailable(() -> NoOpScopeMetrics.INSTANCE)),
                collection::equals);
    }

    /** Carries the project scope (and any other registered thread-local) into {@code @Async} executors. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(ContextSnapshotFactory.class)
    static class ContextPropagationConfiguration {

        @Bean
        @ConditionalOnMissingBean(TaskDecorator.class)
        ContextPropagatingTaskDecorator qdrantScopeContextPropagatingTaskDecorator() {
            return new ContextPropagatingTaskDecorator();
        }
    }
}
