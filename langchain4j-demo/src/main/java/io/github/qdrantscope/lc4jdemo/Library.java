package io.github.qdrantscope.lc4jdemo;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.store.embedding.qdrant.QdrantEmbeddingStore;
import io.grpc.ManagedChannelBuilder;
import io.qdrant.client.QdrantClient;
import io.qdrant.client.QdrantGrpcClient;

/**
 * The application: a searchable library of documents kept in Qdrant through LangChain4j's
 * {@link QdrantEmbeddingStore}, in the hard-coded collection {@value LibrarySchema#COLLECTION}.
 *
 * <p>Two ways to start it, as applications do: on a {@link QdrantClient} someone else built and owns
 * ({@link #start}), or on a client it builds from a host and port ({@link #connect}), closed with the library.
 * Either way the collection is created at start-up if missing.
 */
public final class Library implements AutoCloseable {

    private final QdrantClient client;

    private final boolean ownsClient;

    private final Ingestion ingestion;

    private final Retrieval retrieval;

    private final Curation curation;

    private Library(QdrantClient client, boolean ownsClient, EmbeddingModel model) {
        if (model.dimension() != LibrarySchema.DIMENSION) {
            throw new IllegalArgumentException("The library's collection has " + LibrarySchema.DIMENSION
                    + " dimensions; the embedding model gives " + model.dimension());
        }
        LibrarySchema.ensure(client);
        QdrantEmbeddingStore store = QdrantEmbeddingStore.builder()
            .client(client)
            .collectionName(LibrarySchema.COLLECTION)
            .payloadTextKey(SegmentFields.TEXT)
            .build();
        this.client = client;
        this.ownsClient = ownsClient;
        this.ingestion = new Ingestion(model, store);
        this.retrieval = new Retrieval(model, store, client);
        this.curation = new Curation(store);
    }

    /** A library on {@code client}, which the caller keeps owning (closing the library leaves it open). */
    public static Library start(QdrantClient client, EmbeddingModel model) {
        return new Library(client, false, model);
    }

    /** A library on a plaintext gRPC connection of its own to {@code host}:{@code port}, closed with the library. */
    public static Library connect(String host, int port, EmbeddingModel model) {
        return connect(LibrarySettings.of(host, port), model);
    }

    /** A library on a gRPC connection of its own, built from {@code settings}, closed with the library. */
    public static Library connect(LibrarySettings settings, EmbeddingModel model) {
        ManagedChannelBuilder<?> channel = ManagedChannelBuilder.forAddress(settings.host(), settings.port());
        if (settings.useTls()) {
            channel.useTransportSecurity();
        }
        else {
            channel.usePlaintext();
        }
        channel.intercept(settings.interceptors());
        QdrantGrpcClient.Builder grpc = QdrantGrpcClient.newBuilder(channel.build(), true);
        if (settings.apiKey() != null) {
            grpc.withApiKey(settings.apiKey());
        }
        QdrantClient client = new QdrantClient(grpc.build());
        try {
            return new Library(client, true, model);
        }
        catch (RuntimeException ex) {
            client.close();
            throw ex;
        }
    }

    public Ingestion ingestion() {
        return this.ingestion;
    }

    public Retrieval retrieval() {
        return this.retrieval;
    }

    public Curation curation() {
        return this.curation;
    }

    @Override
    public void close() {
        if (this.ownsClient) {
            this.client.close();
        }
    }
}
