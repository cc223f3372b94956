package io.github.qdrantscope.autoconfigure.scope;

import io.github.qdrantscope.core.metrics.NoOpScopeMetrics;

import java.lang.reflect.Modifier;
import java.util.function.Supplier;

import io.github.qdrantscope.autoconfigure.QdrantScopeProperties;
import io.github.qdrantscope.autoconfigure.fork.QdrantScopeContextCustomizer;
import io.github.qdrantscope.core.metrics.ScopeMetrics;

import org.springframework.aop.Advisor;
import org.springframework.aop.framework.Advised;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.aop.support.AopUtils;
import org.springframework.ai.vectorstore.VectorStore;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.util.function.SingletonSupplier;

/**
 * Wraps every {@link VectorStore} bean — including Spring AI's auto-configured {@code QdrantVectorStore} —
 * in a class-based proxy, so the bean keeps its type and injection points typed
 * {@code QdrantVectorStore} still work. The proxy's advice is a {@link ScopingVectorStoreInterceptor}.
 */
final class ScopedVectorStorePostProcessor implements BeanPostProcessor, EnvironmentAware, BeanFactoryAware, Ordered {

    private Environment environment;

    private Supplier<ScopeMetrics> metrics = () -> NoOpScopeMetrics.INSTANCE;

    private Supplier<QdrantScopeProperties> settings;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
        // Bound (and validated, naming the property) on first use: a post-processor is created too early
        // to receive the @ConfigurationProperties bean, so it binds the same record itself.
        this.settings = SingletonSupplier.of(() -> Binder.get(this.environment)
            .bindOrCreate(QdrantScopeProperties.PREFIX, QdrantScopeProperties.class));
    }

    @Override
    public void setBeanFactory(BeanFactory beanFactory) {
        // Resolved on first use: the metrics bean must not be created while post-processors are.
        this.metrics = SingletonSupplier.of(() -> beanFactory.getBeanProvider(ScopeMetrics.class)
            .getIfAvailable(() -> NoOpScopeMetrics.INSTANCE));
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (!(bean instanceof VectorStore store) || scopingAdvice(bean) != null) {
            return bean;
        }
        ProxyFactory factory = new ProxyFactory(bean);
        boolean classProxyPossible = !AopUtils.isJdkDynamicProxy(bean)
                && !Modifier.isFinal(bean.getClass().getModifiers());
        factory.setProxyTargetClass(classProxyPossible);
        factory.addAdvice(new ScopingVectorStoreInterceptor(store, this.settings.get(), this.metrics,
                () -> this.environment.getProperty(QdrantScopeContextCustomizer.BOUND_COLLECTION)));
        return factory.getProxy(bean.getClass().getClassLoader());
    }

    /** Scoping proxies run last so other post-processors see the user's store, not the proxy. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    /** The scoping advice of a proxy this post-processor created, or {@code null}. */
    static ScopingVectorStoreInterceptor scopingAdvice(Object bean) {
        if (bean instanceof Advised advised) {
            for (Advisor advisor : advised.getAdvisors()) {
                if (advisor.getAdvice() instanceof ScopingVectorStoreInterceptor interceptor) {
                    return interceptor;
                }
            }
        }
        return null;
    }
}
