package io.github.qdrantscope.autoconfigure.scope;

import java.lang.reflect.Field;
import java.util.Random;
import java.util.concurrent.ExecutionException;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.store.embedding.qdrant.QdrantEmbeddingStore;
import io.qdrant.client.QdrantClient;
import io.qdrant.client.grpc.Collections.Distance;
import io.qdrant.client.grpc.Collections.VectorParams;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
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
        HOST_PORT(HostPortStore.class);

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

    /** The client the store talks through (its only {@code QdrantClient} field). */
    static QdrantClient clientOf(QdrantEmbeddingStore store) {
        Field field = ReflectionUtils.findField(QdrantEmbeddingStore.class, null, QdrantClient.class);
        ReflectionUtils.makeAccessible(field);
        return (QdrantClient) ReflectionUtils.getField(field, store);
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
