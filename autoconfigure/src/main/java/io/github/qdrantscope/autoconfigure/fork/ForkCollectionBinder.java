package io.github.qdrantscope.autoconfigure.fork;

import io.github.qdrantscope.core.fork.ForkRuntime;

import io.github.qdrantscope.core.ScopedProject;

import io.github.qdrantscope.autoconfigure.QdrantScopeProperties;
import io.github.qdrantscope.autoconfigure.metrics.ContextScopeMetrics;
import io.github.qdrantscope.core.metrics.JvmScopeMeters;
import io.github.qdrantscope.core.metrics.ScopeMetrics;
import io.github.qdrantscope.core.server.QdrantEndpoint;
import io.github.qdrantscope.autoconfigure.server.QdrantServerSelector;
import org.springframework.ai.embedding.EmbeddingModel;
import org.springframework.ai.vectorstore.qdrant.QdrantVectorStore;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;

/**
 * Claims the fork's collection just before the context's {@code QdrantVectorStore} initializes: created
 * with the {@code EmbeddingModel}'s dimension, indexed on the project key, leased to this JVM (see
 * {@link ForkRuntime#claim}). Spring AI's own schema initialization then finds the collection in place.
 * Active only in contexts bound by {@link QdrantScopeContextCustomizer}, and only for the bound collection.
 */
public class ForkCollectionBinder implements BeanPostProcessor, BeanFactoryAware, EnvironmentAware {

    /** Payload key indexed for projects: the default of {@code @ScopedProject.key()}. */
    public static final String PROJECT_KEY = "qdrant_scope_project";

    private ConfigurableListableBeanFactory beanFactory;
    private ConfigurableEnvironment environment;

    @Override
    public void setBeanFactory(BeanFactory beanFactory) {
        this.beanFactory = (ConfigurableListableBeanFactory) beanFactory;
    }

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = (ConfigurableEnvironment) environment;
    }

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) throws BeansException {
        if (!(bean instanceof QdrantVectorStore)) {
            return bean;
        }
        String bound = environment.getProperty(QdrantScopeContextCustomizer.BOUND_COLLECTION);
        String collection = environment.getProperty("spring.ai.vectorstore.qdrant.collection-name");
        if (bound == null || !bound.equals(collection)
                || !beanFactory.containsBean(QdrantServerSelector.ENDPOINT_BEAN_NAME)) {
            return bean;
        }
        QdrantScopeProperties properties = Binder.get(environment)
                .bindOrCreate(QdrantScopeProperties.PREFIX, QdrantScopeProperties.class);
        QdrantEndpoint endpoint = beanFactory.getBean(QdrantServerSelector.ENDPOINT_BEAN_NAME, QdrantEndpoint.class);
        int dimension = beanFactory.getBean(EmbeddingModel.class).dimensions();
        ScopeMetrics metrics = beanFactory.getBeanProvider(ScopeMetrics.class)
                .getIfAvailable(() -> new ContextScopeMetrics(JvmScopeMeters.jvm(), properties.failOnContention()));
        String contentField = environment.getProperty("spring.ai.vectorstore.qdrant.content-field-name", "doc_content");
        ForkRuntime.jvm().claim(endpoint, collection, properties.collectionPrefix(), dimension, PROJECT_KEY,
                contentField, properties.keepCollections(), properties.connectTimeout(), properties.leaseSettings(),
                metrics);
        return bean;
    }
}
