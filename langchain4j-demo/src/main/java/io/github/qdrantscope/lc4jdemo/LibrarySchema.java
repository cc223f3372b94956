package io.github.qdrantscope.lc4jdemo;

import java.util.List;
import java.util.concurrent.ExecutionException;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.qdrant.client.QdrantClient;
import io.qdrant.client.grpc.Collections.Distance;
import io.qdrant.client.grpc.Collections.PayloadSchemaType;
import io.qdrant.client.grpc.Collections.VectorParams;

/**
 * The library's one collection, created at start-up: LangChain4j's {@code QdrantEmbeddingStore} writes into an
 * existing collection and never creates one. The name is hard-coded, as applications do.
 */
public final class LibrarySchema {

    /** Where every segment of every document lives. */
    public static final String COLLECTION = "segments";

    /** all-MiniLM-L6-v2's embedding size. */
    public static final int DIMENSION = 384;

    /** Payload fields the application filters on, with the index each gets. */
    static final List<String> KEYWORD_FIELDS = List.of(SegmentFields.DOCUMENT_ID, SegmentFields.CATEGORY);

    private LibrarySchema() {
    }

    /**
     * Creates the collection (384 dimensions, Cosine) and its payload indexes unless it exists. Safe when several
     * instances start at once: the loser of a creation race sees {@code ALREADY_EXISTS} and carries on.
     *
     * @return whether this call created the collection
     */
    public static boolean ensure(QdrantClient client) {
        // One start-up at a time in a JVM: libraries started together (one per worker, one per test) then see the
        // collection instead of racing to create it, and the client does not log the losers' ALREADY_EXISTS.
        synchronized (LibrarySchema.class) {
            return ensureUnlocked(client);
        }
    }

    private static boolean ensureUnlocked(QdrantClient client) {
        if (Futures.get(client.collectionExistsAsync(COLLECTION))) {
            return false;
        }
        try {
            client.createCollectionAsync(COLLECTION,
                    VectorParams.newBuilder().setSize(DIMENSION).setDistance(Distance.Cosine).build()).get();
        }
        catch (ExecutionException ex) {
            if (ex.getCause() instanceof StatusRuntimeException status
                    && status.getStatus().getCode() == Status.Code.ALREADY_EXISTS) {
                return false;
            }
            throw new LibraryException("Cannot create collection '" + COLLECTION + "'", ex.getCause());
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new LibraryException("Interrupted while creating collection '" + COLLECTION + "'", ex);
        }
        // Indexes make the filters fast on a real Qdrant; results are the same without them.
        for (String field : KEYWORD_FIELDS) {
            Futures.get(client.createPayloadIndexAsync(COLLECTION, field, PayloadSchemaType.Keyword, null, true,
                    null, null));
        }
        Futures.get(client.createPayloadIndexAsync(COLLECTION, SegmentFields.YEAR, PayloadSchemaType.Integer, null,
                true, null, null));
        return true;
    }
}
