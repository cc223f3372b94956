package io.github.qdrantscope.autoconfigure.fork;

import io.github.qdrantscope.core.fork.ForkRuntime;

import io.github.qdrantscope.autoconfigure.QdrantScopeProperties;
import io.github.qdrantscope.autoconfigure.metrics.ContextScopeMetrics;
import io.github.qdrantscope.core.metrics.JvmScopeMeters;
import io.github.qdrantscope.core.metrics.ScopeMetrics;
import io.github.qdrantscope.autoconfigure.server.QdrantConnectionCheck;
import io.github.qdrantscope.autoconfigure.server.QdrantServerAutoConfiguration;
import io.github.qdrantscope.core.fork.ForkCollections;
import io.github.qdrantscope.core.fork.ForkCollectionsInterceptor;
import io.qdrant.client.QdrantClient;
import org.springframework.ai.vectorstore.qdrant.QdrantVectorStore;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Binds the fork's collections in contexts the {@link QdrantScopeContextCustomizer} bound: the collections every
 * Qdrant client of the context names are mapped into the fork's namespace at the wire, and Spring AI's store, when
 * there is one, gets the fork's own collection claimed before it initializes.
 */
@AutoConfiguration(after = QdrantServerAutoConfiguration.class,
        beforeName = "org.springframework.ai.vectorstore.qdrant.autoconfigure.QdrantVectorStoreAutoConfiguration")
@ConditionalOnClass(QdrantClient.class)
@ConditionalOnProperty(prefix = "qdrant-scope", name = "enabled", havingValue = "true", matchIfMissing = true)
public class QdrantScopeForkAutoConfiguration {

    /**
     * Maps the collection names of every {@code QdrantClient} of the context into the fork's namespace (its bound
     * collection name), so hard-coded names ({@code "documents"}) are the fork's own; the collections the
     * application creates there are dropped when the JVM ends (unless {@code qdrant-scope.keep-collections}). The
     * namespace is leased to this JVM first, so two JVMs never share it.
     */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnProperty(name = QdrantScopeContextCustomizer.BOUND_COLLECTION)
    ForkCollectionsInterceptor qdrantScopeForkCollectionsInterceptor(Environment environment,
            ConfigurableListableBeanFactory beanFactory) {
        String namespace = environment.getRequiredProperty(QdrantScopeContextCustomizer.BOUND_COLLECTION);
        QdrantScopeProperties properties = Binder.get(environment)
            .bindOrCreate(QdrantScopeProperties.PREFIX, QdrantScopeProperties.class);
        // the namespace is leased before the context's first mapped request (NamespaceLease), not when the bean is
        // created: a context that never talks to Qdrant never needs its server
        return new ForkCollectionsInterceptor(new ForkCollections(namespace), () -> {
            ScopeMetrics metrics = beanFactory.getBeanProvider(ScopeMetrics.class)
                .getIfAvailable(() -> new ContextScopeMetrics(JvmScopeMeters.jvm(), properties.failOnContention()));
            ForkRuntime.jvm().mapsInto(QdrantConnectionCheck.resolveEndpoint(beanFactory, environment),
                    properties.collectionPrefix(), namespace, properties.keepCollections(), properties.connectTimeout(),
                    properties.leaseSettings(), metrics);
        });
    }

    /** Spring AI's store, when the application has it. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(QdrantVectorStore.class)
    static class VectorStoreConfiguration {

        /** Claims the bound collection before the vector store initializes. */
        @Bean
        @ConditionalOnMissingBean
        @ConditionalOnProperty(name = QdrantScopeContextCustomizer.BOUND_COLLECTION)
        static ForkCollectionBinder qdrantScopeForkCollectionBinder() {
            return new ForkCollectionBinder();
        }
    }
}
