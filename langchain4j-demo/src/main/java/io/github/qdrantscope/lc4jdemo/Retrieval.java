package io.github.qdrantscope.lc4jdemo;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

import dev.langchain4j.data.document.Metadata;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.store.embedding.EmbeddingMatch;
import dev.langchain4j.store.embedding.EmbeddingSearchRequest;
import dev.langchain4j.store.embedding.EmbeddingStore;
import io.qdrant.client.ConditionFactory;
import io.qdrant.client.QdrantClient;
import io.qdrant.client.WithPayloadSelectorFactory;
import io.qdrant.client.grpc.Common.Filter;
import io.qdrant.client.grpc.JsonWithInt.Value;
import io.qdrant.client.grpc.Points.RetrievedPoint;
import io.qdrant.client.grpc.Points.ScrollPoints;

/**
 * Reads the library: semantic search through LangChain4j's store, and two reads the store has no method for
 * (a document's outline in order, counts), made with the same {@link QdrantClient} the store uses.
 */
public final class Retrieval {

    /** A document has at most this many segments (a guard for the outline's single page). */
    static final int MAX_SEGMENTS_PER_DOCUMENT = 1000;

    private final EmbeddingModel model;

    private final EmbeddingStore<TextSegment> store;

    private final QdrantClient client;

    Retrieval(EmbeddingModel model, EmbeddingStore<TextSegment> store, QdrantClient client) {
        this.model = model;
        this.store = store;
        this.client = client;
    }

    /**
     * The {@code maxResults} passages most relevant to {@code question} among those {@code filter} lets through,
     * most relevant first, each with a score of at least {@code minScore}.
     */
    public List<Passage> search(String question, PassageFilter filter, int maxResults, double minScore) {
        Embedding query = this.model.embed(question).content();
        EmbeddingSearchRequest request = EmbeddingSearchRequest.builder()
            .queryEmbedding(query)
            .filter(filter.toFilter())
            .maxResults(maxResults)
            .minScore(minScore)
            .build();
        return this.store.search(request).matches().stream().map(Retrieval::passage).toList();
    }

    /** {@link #search} with no minimum score. */
    public List<Passage> search(String question, PassageFilter filter, int maxResults) {
        return search(question, filter, maxResults, 0.0);
    }

    /** A document's passages in document order, unscored; empty for a document the library does not hold. */
    public List<Passage> outline(String documentId) {
        ScrollPoints request = ScrollPoints.newBuilder()
            .setCollectionName(LibrarySchema.COLLECTION)
            .setFilter(Filter.newBuilder().addMust(ConditionFactory.matchKeyword(SegmentFields.DOCUMENT_ID, documentId)))
            .setWithPayload(WithPayloadSelectorFactory.enable(true))
            .setLimit(MAX_SEGMENTS_PER_DOCUMENT)
            .build();
        List<RetrievedPoint> points = Futures.get(this.client.scrollAsync(request)).getResultList();
        return points.stream()
            .map(point -> passage(point.getId().getUuid(), point.getPayloadMap(), Double.NaN))
            .sorted(Comparator.comparingInt(Passage::index))
            .toList();
    }

    /** How many segments the library holds (an exact count). */
    public long count() {
        return Futures.get(this.client.countAsync(LibrarySchema.COLLECTION, null, true));
    }

    /** How many segments of {@code documentId} the library holds. */
    public long count(String documentId) {
        Filter filter = Filter.newBuilder()
            .addMust(ConditionFactory.matchKeyword(SegmentFields.DOCUMENT_ID, documentId))
            .build();
        return Futures.get(this.client.countAsync(LibrarySchema.COLLECTION, filter, true));
    }

    private static Passage passage(EmbeddingMatch<TextSegment> match) {
        TextSegment segment = match.embedded();
        Metadata metadata = segment.metadata();
        return new Passage(match.embeddingId(), metadata.getString(SegmentFields.DOCUMENT_ID),
                metadata.getString(SegmentFields.TITLE), metadata.getString(SegmentFields.CATEGORY),
                metadata.getInteger(SegmentFields.YEAR), Integer.parseInt(metadata.getString(SegmentFields.INDEX)),
                segment.text(), match.score());
    }

    private static Passage passage(String id, Map<String, Value> payload, double score) {
        return new Passage(id, payload.get(SegmentFields.DOCUMENT_ID).getStringValue(),
                payload.get(SegmentFields.TITLE).getStringValue(), payload.get(SegmentFields.CATEGORY).getStringValue(),
                (int) payload.get(SegmentFields.YEAR).getIntegerValue(),
                Integer.parseInt(payload.get(SegmentFields.INDEX).getStringValue()),
                payload.get(SegmentFields.TEXT).getStringValue(), score);
    }
}
