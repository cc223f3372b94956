package io.github.qdrantscope.autoconfigure.scope;

import java.lang.reflect.Field;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.store.embedding.qdrant.QdrantEmbeddingStore;
import io.qdrant.client.QdrantClient;
import io.qdrant.client.grpc.Collections.Distance;
import io.qdrant.client.grpc.Collections.VectorParams;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;

import org.springframework.aop.Advisor;
import org.springframework.aop.framework.AopProxyUtils;
import org.springframework.aop.framework.autoproxy.DefaultAdvisorAutoProxyCreator;
import org.springframework.aop.support.NameMatchMethodPointcutAdvisor;
import org.springframework.aop.support.RootClassFilter;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.util.ReflectionUtils;

/**
 * LangChain4j's {@link QdrantEmbeddingStore} as an application defines it as a bean, on the collection the context
 * is configured for ({@code spring.ai.vectorstore.qdrant.collection-name}), in the two ways its builder allows, and
 * the helpers the LangChain4j tests share.
 */
final class LangChain4jStores {

    /** Optional test property: the store's {@code payloadTextKey} (LangChain4j's default otherwise). */
    static final String PAYLOAD_TEXT_KEY = "test.langchain4j.payload-text-key";

    static final String HOST = "spring.ai.vectorstore.qdrant.host";

    static final String PORT = "spring.ai.vectorstore.qdrant.port";

    static final String COLLECTION = "spring.ai.vectorstore.qdrant.collection-name";

    private LangChain4jStores() {
    }

    /** How the application builds its store. */
    enum Wiring {

        /** {@code .client(qdrantClientBean)}: the context's {@code QdrantClient} bean. */
        CLIENT_BEAN(ClientBeanStore.class),

        /** {@code .host(..).port(..)}: the store builds a client of its own. */
        HOST_PORT(HostPortStore.class),

        /** The application's own subclass of the store, built from host and port: a client of its own too. */
        SUBCLASS_HOST_PORT(SubclassStore.class),

        /** Built from host and port, with an aspect on it: the bean is a CGLIB proxy of the store. */
        ADVISED_HOST_PORT(AdvisedStore.class);

        final Class<?> configuration;

        Wiring(Class<?> configuration) {
            this.configuration = configuration;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class ClientBeanStore {

        /** Not closed with the context: the client is the context's bean, not the store's. */
        @Bean(destroyMethod = "")
        QdrantEmbeddingStore embeddingStore(QdrantClient qdrantClient, Environment environment) {
            return QdrantEmbeddingStore.builder()
                .client(qdrantClient)
                .collectionName(environment.getRequiredProperty(COLLECTION))
                .payloadTextKey(environment.getProperty(PAYLOAD_TEXT_KEY, "text_segment"))
                .build();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class HostPortStore {

        /** Closed with the context ({@code close()} is inferred): it closes the client the store built. */
        @Bean
        QdrantEmbeddingStore embeddingStore(Environment environment) {
            return QdrantEmbeddingStore.builder()
                .host(environment.getRequiredProperty(HOST))
                .port(environment.getRequiredProperty(PORT, Integer.class))
                .useTls(false)
                .collectionName(environment.getRequiredProperty(COLLECTION))
                .payloadTextKey(environment.getProperty(PAYLOAD_TEXT_KEY, "text_segment"))
                .build();
        }
    }

    /** An application's store class: LangChain4j's, with something of its own. */
    static class ApplicationEmbeddingStore extends QdrantEmbeddingStore {

        private final String collection;

        ApplicationEmbeddingStore(String collection, String host, int port, String payloadTextKey) {
            super(collection, host, port, false, payloadTextKey, null);
            this.collection = collection;
        }

        String collection() {
            return this.collection;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class SubclassStore {

        @Bean
        ApplicationEmbeddingStore embeddingStore(Environment environment) {
            return new ApplicationEmbeddingStore(environment.getRequiredProperty(COLLECTION),
                    environment.getRequiredProperty(HOST), environment.getRequiredProperty(PORT, Integer.class),
                    environment.getProperty(PAYLOAD_TEXT_KEY, "text_segment"));
        }
    }

    /**
     * The store from host and port with an aspect counting its searches, applied as Spring applies aspects: an
     * auto-proxy creator ordered first ({@code AopConfigUtils} registers Spring's with the highest precedence) that
     * proxies the class (Spring Boot's default {@code spring.aop.proxy-target-class=true}).
     */
    @Configuration(proxyBeanMethods = false)
    @Import(HostPortStore.class)
    static class AdvisedStore {

        @Bean
        static DefaultAdvisorAutoProxyCreator storeAutoProxyCreator() {
            DefaultAdvisorAutoProxyCreator creator = new DefaultAdvisorAutoProxyCreator();
            creator.setProxyTargetClass(true);
            creator.setOrder(Ordered.HIGHEST_PRECEDENCE);
            return creator;
        }

        @Bean
        static StoreSearches storeSearches() {
            return new StoreSearches();
        }

        @Bean
        static Advisor storeSearchesAdvisor(StoreSearches storeSearches) {
            NameMatchMethodPointcutAdvisor advisor = new NameMatchMethodPointcutAdvisor(storeSearches);
            advisor.setMappedName("search");
            advisor.setClassFilter(new RootClassFilter(QdrantEmbeddingStore.class));
            return advisor;
        }
    }

    /** The aspect: counts the store's searches. */
    static final class StoreSearches implements MethodInterceptor {

        final AtomicInteger count = new AtomicInteger();

        @Override
        public Object invoke(MethodInvocation invocation) throws Throwable {
            this.count.incrementAndGet();
            return invocation.proceed();
        }
    }

    /** The store behind the bean's proxies, if any. */
    static QdrantEmbeddingStore target(QdrantEmbeddingStore bean) {
        Object target = bean;
        for (Object next = AopProxyUtils.getSingletonTarget(target); next != null;
                next = AopProxyUtils.getSingletonTarget(target)) {
            target = next;
        }
        return (QdrantEmbeddingStore) target;
    }

    /** The client the store talks through (its only {@code QdrantClient} field), behind any proxy. */
    static QdrantClient clientOf(QdrantEmbeddingStore store) {
        Field field = ReflectionUtils.findField(QdrantEmbeddingStore.class, null, QdrantClient.class);
        ReflectionUtils.makeAccessible(field);
        return (QdrantClient) ReflectionUtils.getField(field, target(store));
    }

    /** Creates what the store does not create itself: a collection of {@code dimension} with Cosine distance. */
    static void createCollection(QdrantClient client, String collection, int dimension)
            throws ExecutionException, InterruptedException {
        client.createCollectionAsync(collection,
                VectorParams.newBuilder().setSize(dimension).setDistance(Distance.Cosine).build()).get();
    }

    /**
     * A unit-length embedding as a normalising model gives it: positive components from {@code seed}, normalised
     * by LangChain4j. Checked to be unit length as Qdrant reads it (squared length summed in f32 within 1e-6 of 1),
     * so the server keeps it as sent and every float comes back bit for bit.
     */
    static Embedding unit(long seed, int dimension) {
        Random random = new Random(seed);
        float[] vector = new float[dimension];
        for (int i = 0; i < dimension; i++) {
            vector[i] = 0.05f + random.nextFloat();
        }
        return unit(vector);
    }

    /** {@code vector} normalised by LangChain4j, checked as in {@link #unit(long, int)}; {@code vector} is kept. */
    static Embedding unit(float[] vector) {
        Embedding embedding = Embedding.from(vector.clone());
        embedding.normalize();
        float squared = 0;
        for (float x : embedding.vector()) {
            squared += x * x;
        }
        if (Math.abs(squared - 1.0f) > 1.0e-6f) {
            throw new IllegalStateException("not unit length as Qdrant reads it: squared length " + squared);
        }
        return embedding;
    }

    /** The exact bits of every component, so that assertions compare floats bit for bit. */
    static int[] bits(float[] vector) {
        int[] bits = new int[vector.length];
        for (int i = 0; i < vector.length; i++) {
            bits[i] = Float.floatToRawIntBits(vector[i]);
        }
        return bits;
    }
}
