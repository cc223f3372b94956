package io.github.qdrantscope.autoconfigure.scope;

import java.lang.reflect.Field;
import java.util.Set;

import io.github.qdrantscope.core.client.ScopedQdrantClients;
import io.github.qdrantscope.core.fork.ForkCollectionsInterceptor;
import io.grpc.ClientInterceptor;
import io.github.qdrantscope.core.wire.ProjectScopeInterceptor;
import io.qdrant.client.QdrantClient;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.aop.framework.AopProxyUtils;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.util.ReflectionUtils;
import org.springframework.util.function.SingletonSupplier;

/**
 * Puts the project scope and the fork's collection names on every Qdrant client of the context: each
 * {@link QdrantClient} bean (the starter's, or one the application builds itself) is replaced by a client on the
 * same connection whose calls go through the context's {@link ForkCollectionsInterceptor} (in a fork-bound
 * context) and {@link ProjectScopeInterceptor}; a store bean holding a client it built itself (Spring AI's
 * {@code QdrantVectorStore}, LangChain4j's {@code QdrantEmbeddingStore} built from host and port) gets its
 * client field replaced the same way, also when the store bean is an application's subclass of one of them or is
 * proxied by an aspect (the target's field is replaced). Clients already scoped are left alone, so nothing is
 * scoped twice.
 *
 * <p>A client that is never a bean, nor inside one of those stores (built inside a method), cannot be reached
 * here; see the user guide.
 */
final class ScopedQdrantClientPostProcessor implements BeanPostProcessor, BeanFactoryAware, Ordered {

    private static final Log logger = LogFactory.getLog(ScopedQdrantClientPostProcessor.class);

    /** Stores known to keep their own {@code QdrantClient} in a field (which their subclasses inherit). */
    private static final Set<String> STORES = Set.of("org.springframework.ai.vectorstore.qdrant.QdrantVectorStore",
            "dev.langchain4j.store.embedding.qdrant.QdrantEmbeddingStore");

    private SingletonSupplier<ClientInterceptor[]> interceptors;

    @Override
    public void setBeanFactory(BeanFactory beanFactory) {
        // resolved on first use: the interceptors must not be created while post-processors are. The fork's name
        // mapping comes first, closest to the connection: the project scope (last, so it sees each call first)
        // then works on the application's collection names.
        this.interceptors = SingletonSupplier.of(() -> {
            ProjectScopeInterceptor scope = beanFactory.getBean(ProjectScopeInterceptor.class);
            ForkCollectionsInterceptor fork = beanFactory.getBeanProvider(ForkCollectionsInterceptor.class)
                .getIfAvailable();
            return fork == null ? new ClientInterceptor[] { scope } : new ClientInterceptor[] { fork, scope };
        });
    }

    /** Before the VectorStore scoping proxy, which must see the store with its client already scoped. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE - 1;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) throws BeansException {
        if (bean instanceof QdrantClient client) {
            if (ScopedQdrantClients.isScoped(client)) {
                return bean;
            }
            logger.debug("qdrant-scope scopes QdrantClient bean '" + beanName + "'");
            return ScopedQdrantClients.scoped(client, this.interceptors.obtain());
        }
        Object store = target(bean);
        Class<?> storeClass = storeClass(store.getClass());
        if (storeClass != null) {
            scopeClientField(store, storeClass, beanName);
        }
        return bean;
    }

    /**
     * The object behind {@code bean}'s AOP proxies: an aspect on a store bean (Spring's auto-proxy creators run
     * before this post-processor) proxies it with a CGLIB subclass whose own fields are empty; the client is the
     * target's.
     */
    private static Object target(Object bean) {
        Object target = bean;
        for (Object next = AopProxyUtils.getSingletonTarget(target); next != null;
                next = AopProxyUtils.getSingletonTarget(target)) {
            target = next;
        }
        return target;
    }

    /**
     * The one of {@link #STORES} that {@code type} is or extends (an application's subclass holds the store's
     * client just the same), or {@code null}.
     */
    private static Class<?> storeClass(Class<?> type) {
        for (Class<?> candidate = type; candidate != null; candidate = candidate.getSuperclass()) {
            if (STORES.contains(candidate.getName())) {
                return candidate;
            }
        }
        return null;
    }

    private void scopeClientField(Object store, Class<?> storeClass, String beanName) {
        // the store's own field, not one a subclass may declare
        Field field = ReflectionUtils.findField(storeClass, null, QdrantClient.class);
        if (field == null) {
            throw new IllegalStateException("qdrant-scope cannot scope " + store.getClass().getName() + " bean '"
                    + beanName + "': it has no QdrantClient field in this version; define the client as a bean and"
                    + " build the store with it");
        }
        ReflectionUtils.makeAccessible(field);
        QdrantClient client = (QdrantClient) ReflectionUtils.getField(field, store);
        if (client != null && !ScopedQdrantClients.isScoped(client)) {
            logger.debug("qdrant-scope scopes the QdrantClient of " + store.getClass().getSimpleName() + " bean '"
                    + beanName + "'");
            ReflectionUtils.setField(field, store, ScopedQdrantClients.scoped(client, this.interceptors.obtain()));
        }
    }
}
