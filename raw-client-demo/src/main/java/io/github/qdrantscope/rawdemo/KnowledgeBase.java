package io.github.qdrantscope.rawdemo;

import static io.github.qdrantscope.rawdemo.KnowledgeBaseSchema.CHUNKS;
import static io.github.qdrantscope.rawdemo.KnowledgeBaseSchema.DOCUMENTS;
import static io.github.qdrantscope.rawdemo.Qdrant.await;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.qdrant.client.ConditionFactory;
import io.qdrant.client.QdrantClient;
import io.qdrant.client.QueryFactory;
import io.qdrant.client.ValueFactory;
import io.qdrant.client.VectorsFactory;
import io.qdrant.client.WithPayloadSelectorFactory;
import io.qdrant.client.WithVectorsSelectorFactory;
import io.qdrant.client.grpc.Common.Filter;
import io.qdrant.client.grpc.JsonWithInt.ListValue;
import io.qdrant.client.grpc.JsonWithInt.Value;
import io.qdrant.client.grpc.Points.DeletePoints;
import io.qdrant.client.grpc.Points.FacetCounts;
import io.qdrant.client.grpc.Points.FacetHit;
import io.qdrant.client.grpc.Points.GetPoints;
import io.qdrant.client.grpc.Points.PointStruct;
import io.qdrant.client.grpc.Points.PointVectors;
import io.qdrant.client.grpc.Points.PointsIdsList;
import io.qdrant.client.grpc.Points.PointsSelector;
import io.qdrant.client.grpc.Points.PointsUpdateOperation;
import io.qdrant.client.grpc.Points.QueryPoints;
import io.qdrant.client.grpc.Points.RecommendPoints;
import io.qdrant.client.grpc.Points.RetrievedPoint;
import io.qdrant.client.grpc.Points.ScoredPoint;
import io.qdrant.client.grpc.Points.ScrollPoints;
import io.qdrant.client.grpc.Points.ScrollResponse;
import io.qdrant.client.grpc.Points.SearchPoints;
import io.qdrant.client.grpc.Points.UpdatePointVectors;
import io.qdrant.client.grpc.Points.UpsertPoints;
import io.qdrant.client.grpc.Points.VectorsOutput;

import org.springframework.stereotype.Service;

/**
 * The knowledge base: documents and their chunks in Qdrant's hard-coded {@value KnowledgeBaseSchema#DOCUMENTS}
 * and {@value KnowledgeBaseSchema#CHUNKS} collections, through the application's own {@link QdrantClient}.
 * Every write waits until Qdrant applied it.
 */
@Service
public class KnowledgeBase {

    /** The category {@link #archive} moves documents to. */
    public static final String ARCHIVE = "archive";

    private final QdrantClient client;

    public KnowledgeBase(QdrantClient client) {
        this.client = client;
    }

    // ---------------------------------------------------------------- collections

    /** The collections the application sees, sorted. */
    public List<String> collections() {
        return await(this.client.listCollectionsAsync(), "list the collections").stream().sorted().toList();
    }

    // ---------------------------------------------------------------- writes

    /** Stores the documents (replacing documents with the same ids). */
    public void ingest(Collection<Document> documents) {
        await(this.client.upsertAsync(UpsertPoints.newBuilder()
            .setCollectionName(DOCUMENTS)
            .addAllPoints(documents.stream().map(KnowledgeBase::point).toList())
            .setWait(true)
            .build()), "ingest " + documents.size() + " documents");
    }

    /** Stores the chunks (replacing chunks with the same ids). */
    public void addChunks(Collection<Chunk> chunks) {
        await(this.client.upsertAsync(UpsertPoints.newBuilder()
            .setCollectionName(CHUNKS)
            .addAllPoints(chunks.stream().map(KnowledgeBase::point).toList())
            .setWait(true)
            .build()), "add " + chunks.size() + " chunks");
    }

    /** Merges {@code fields} into the documents' payload. */
    public void setFields(Collection<DocumentId> ids, Map<String, Object> fields) {
        await(this.client.setPayloadAsync(DOCUMENTS, values(fields), pointIds(ids), true, null, null),
                "set fields of " + ids);
    }

    /** Replaces the documents' whole payload by {@code fields}. */
    public void replaceFields(Collection<DocumentId> ids, Map<String, Object> fields) {
        await(this.client.overwritePayloadAsync(DOCUMENTS, values(fields), pointIds(ids), true, null, null),
                "overwrite fields of " + ids);
    }

    /** Removes these fields from the documents' payload. */
    public void removeFields(Collection<DocumentId> ids, List<String> fields) {
        await(this.client.deletePayloadAsync(DOCUMENTS, fields, pointIds(ids), true, null, null),
                "remove fields " + fields + " of " + ids);
    }

    /** Removes every field of the documents' payload; their vectors stay. */
    public void clearFields(Collection<DocumentId> ids) {
        await(this.client.clearPayloadAsync(DOCUMENTS, pointIds(ids), true, null, null), "clear fields of " + ids);
    }

    /** Gives a document a new embedding. */
    public void updateVector(DocumentId id, float[] vector) {
        await(this.client.updateVectorsAsync(UpdatePointVectors.newBuilder()
            .setCollectionName(DOCUMENTS)
            .addPoints(PointVectors.newBuilder().setId(id.toPointId()).setVectors(VectorsFactory.vectors(vector)))
            .setWait(true)
            .build()), "update the vector of " + id);
    }

    /** Deletes these documents. */
    public void delete(Collection<DocumentId> ids) {
        await(this.client.deleteAsync(DOCUMENTS, ids.stream().map(DocumentId::toPointId).toList()),
                "delete documents " + ids);
    }

    /** Deletes the documents the criteria cover. */
    public void deleteWhere(Criteria criteria) {
        await(this.client.deleteAsync(DOCUMENTS, criteria.toFilter()), "delete documents by " + criteria);
    }

    /** Deletes a document's chunks. */
    public void deleteChunksOf(DocumentId document) {
        await(this.client.deleteAsync(CHUNKS, byDocument(document)), "delete the chunks of " + document);
    }

    /** Deletes every document and every chunk: a delete with an empty filter in both collections. */
    public void removeAll() {
        for (String collection : List.of(DOCUMENTS, CHUNKS)) {
            await(this.client.deleteAsync(DeletePoints.newBuilder()
                .setCollectionName(collection)
                .setPoints(PointsSelector.newBuilder().setFilter(Filter.getDefaultInstance()))
                .setWait(true)
                .build()), "remove everything from " + collection);
        }
    }

    /**
     * Archives documents in one batch: category {@value #ARCHIVE}, {@code archived = true}, and their tags
     * removed.
     */
    public void archive(Collection<DocumentId> ids) {
        PointsSelector selector = pointIds(ids);
        await(this.client.batchUpdateAsync(DOCUMENTS, List.of(
                PointsUpdateOperation.newBuilder()
                    .setSetPayload(PointsUpdateOperation.SetPayload.newBuilder()
                        .putAllPayload(values(Map.of("category", ARCHIVE, "archived", true)))
                        .setPointsSelector(selector))
                    .build(),
                PointsUpdateOperation.newBuilder()
                    .setDeletePayload(PointsUpdateOperation.DeletePayload.newBuilder()
                        .addKeys("tags")
                        .setPointsSelector(selector))
                    .build()), true, null, null), "archive " + ids);
    }

    /** Replaces one document by another in one batch: the old one deleted, the new one stored. */
    public void replace(DocumentId old, Document replacement) {
        await(this.client.batchUpdateAsync(DOCUMENTS, List.of(
                PointsUpdateOperation.newBuilder()
                    .setDeletePoints(PointsUpdateOperation.DeletePoints.newBuilder().setPoints(pointIds(List.of(old))))
                    .build(),
                PointsUpdateOperation.newBuilder()
                    .setUpsert(PointsUpdateOperation.PointStructList.newBuilder().addPoints(point(replacement)))
                    .build()), true, null, null), "replace " + old + " by " + replacement.id());
    }

    // ---------------------------------------------------------------- reads

    /** The documents with these ids that exist, in the order of {@code ids}. */
    public List<Document> get(Collection<DocumentId> ids) {
        List<RetrievedPoint> points = await(this.client.retrieveAsync(GetPoints.newBuilder()
            .setCollectionName(DOCUMENTS)
            .addAllIds(ids.stream().map(DocumentId::toPointId).toList())
            .setWithPayload(WithPayloadSelectorFactory.enable(true))
            .setWithVectors(WithVectorsSelectorFactory.enable(true))
            .build(), null), "get documents " + ids);
        Map<DocumentId, Document> found = new LinkedHashMap<>();
        points.forEach(point -> found.put(DocumentId.from(point.getId()), document(point)));
        return ids.stream().filter(found::containsKey).map(found::get).toList();
    }

    /** One document. */
    public Optional<Document> get(DocumentId id) {
        return get(List.of(id)).stream().findFirst();
    }

    /** The documents most similar to {@code vector} that the criteria cover, best first (Search API). */
    public List<Hit> search(float[] vector, Criteria criteria, int limit) {
        List<Float> values = new ArrayList<>(vector.length);
        for (float v : vector) {
            values.add(v);
        }
        return hits(await(this.client.searchAsync(SearchPoints.newBuilder()
            .setCollectionName(DOCUMENTS)
            .addAllVector(values)
            .setFilter(criteria.toFilter())
            .setLimit(limit)
            .setWithPayload(WithPayloadSelectorFactory.include(List.of("title")))
            .build()), "search documents"));
    }

    /** The same as {@link #search} through the Query API. */
    public List<Hit> query(float[] vector, Criteria criteria, int limit) {
        return query(QueryFactory.nearest(vector), criteria, limit, "query documents");
    }

    /** The documents most similar to document {@code id} (itself excluded), best first. */
    public List<Hit> similarTo(DocumentId id, Criteria criteria, int limit) {
        return query(QueryFactory.nearest(id.toPointId()), criteria, limit, "query documents similar to " + id);
    }

    /** Among the documents with these ids, the ones most similar to {@code vector}, best first (a has-id filter). */
    public List<Hit> searchAmong(float[] vector, Collection<DocumentId> ids) {
        return hits(await(this.client.queryAsync(QueryPoints.newBuilder()
            .setCollectionName(DOCUMENTS)
            .setQuery(QueryFactory.nearest(vector))
            .setFilter(Filter.newBuilder()
                .addMust(ConditionFactory.hasId(ids.stream().map(DocumentId::toPointId).toList())))
            .setLimit(ids.size())
            .setWithPayload(WithPayloadSelectorFactory.include(List.of("title")))
            .build()), "query documents among " + ids));
    }

    /** Recommendations like {@code positive} and unlike {@code negative} (examples excluded), best first. */
    public List<Hit> recommend(List<DocumentId> positive, List<DocumentId> negative, int limit) {
        return hits(await(this.client.recommendAsync(RecommendPoints.newBuilder()
            .setCollectionName(DOCUMENTS)
            .addAllPositive(positive.stream().map(DocumentId::toPointId).toList())
            .addAllNegative(negative.stream().map(DocumentId::toPointId).toList())
            .setLimit(limit)
            .setWithPayload(WithPayloadSelectorFactory.include(List.of("title")))
            .build()), "recommend documents"));
    }

    /** A page of the documents the criteria cover, in id order, starting at {@code from} ({@code null}: first). */
    public Page page(Criteria criteria, DocumentId from, int size) {
        ScrollPoints.Builder scroll = ScrollPoints.newBuilder()
            .setCollectionName(DOCUMENTS)
            .setFilter(criteria.toFilter())
            .setLimit(size)
            .setWithPayload(WithPayloadSelectorFactory.enable(true))
            .setWithVectors(WithVectorsSelectorFactory.enable(true));
        if (from != null) {
            scroll.setOffset(from.toPointId());
        }
        ScrollResponse response = await(this.client.scrollAsync(scroll.build()), "scroll documents");
        return new Page(response.getResultList().stream().map(KnowledgeBase::document).toList(),
                response.hasNextPageOffset() ? DocumentId.from(response.getNextPageOffset()) : null);
    }

    /** Every document id the criteria cover, in id order, read page by page. */
    public List<DocumentId> ids(Criteria criteria, int pageSize) {
        List<DocumentId> ids = new ArrayList<>();
        DocumentId next = null;
        do {
            Page page = page(criteria, next, pageSize);
            page.documents().forEach(document -> ids.add(document.id()));
            next = page.next();
        }
        while (next != null);
        return ids;
    }

    /** How many documents the criteria cover (exact). */
    public long count(Criteria criteria) {
        return await(this.client.countAsync(DOCUMENTS, criteria.toFilter(), true), "count documents");
    }

    /** How many documents of each category the criteria cover, most frequent first (ties by name). */
    public Map<String, Long> countByCategory(Criteria criteria) {
        List<FacetHit> hits = await(this.client.facetAsync(FacetCounts.newBuilder()
            .setCollectionName(DOCUMENTS)
            .setKey("category")
            .setFilter(criteria.toFilter())
            .setExact(true)
            .setLimit(100)
            .build()), "count documents by category");
        Map<String, Long> counts = new LinkedHashMap<>();
        hits.stream()
            .sorted(Comparator.comparingLong(FacetHit::getCount).reversed()
                .thenComparing(hit -> hit.getValue().getStringValue()))
            .forEach(hit -> counts.put(hit.getValue().getStringValue(), hit.getCount()));
        return counts;
    }

    /** A document's chunks, in position order. */
    public List<Chunk> chunksOf(DocumentId document) {
        ScrollResponse response = await(this.client.scrollAsync(ScrollPoints.newBuilder()
            .setCollectionName(CHUNKS)
            .setFilter(byDocument(document))
            .setLimit(1000)
            .setWithPayload(WithPayloadSelectorFactory.enable(true))
            .setWithVectors(WithVectorsSelectorFactory.enable(true))
            .build()), "read the chunks of " + document);
        return response.getResultList().stream()
            .map(KnowledgeBase::chunk)
            .sorted(Comparator.comparingInt(Chunk::position))
            .toList();
    }

    /** The chunks most similar to {@code vector}, best first. */
    public List<Hit> searchChunks(float[] vector, int limit) {
        return hits(await(this.client.queryAsync(QueryPoints.newBuilder()
            .setCollectionName(CHUNKS)
            .setQuery(QueryFactory.nearest(vector))
            .setLimit(limit)
            .setWithPayload(WithPayloadSelectorFactory.include(List.of("text")))
            .build()), "search chunks"), "text");
    }

    /** How many chunks there are (exact). */
    public long countChunks() {
        return await(this.client.countAsync(CHUNKS), "count chunks");
    }

    // ---------------------------------------------------------------- mapping

    private List<Hit> query(io.qdrant.client.grpc.Points.Query query, Criteria criteria, int limit, String what) {
        return hits(await(this.client.queryAsync(QueryPoints.newBuilder()
            .setCollectionName(DOCUMENTS)
            .setQuery(query)
            .setFilter(criteria.toFilter())
            .setLimit(limit)
            .setWithPayload(WithPayloadSelectorFactory.include(List.of("title")))
            .build()), what));
    }

    private static Filter byDocument(DocumentId document) {
        return Filter.newBuilder().addMust(ConditionFactory.matchKeyword("document_id", document.toString())).build();
    }

    private static PointsSelector pointIds(Collection<DocumentId> ids) {
        return PointsSelector.newBuilder()
            .setPoints(PointsIdsList.newBuilder().addAllIds(ids.stream().map(DocumentId::toPointId).toList()))
            .build();
    }

    private static List<Hit> hits(List<ScoredPoint> points) {
        return hits(points, "title");
    }

    private static List<Hit> hits(List<ScoredPoint> points, String titleField) {
        return points.stream()
            .map(point -> new Hit(DocumentId.from(point.getId()), point.getScore(),
                    text(point.getPayloadMap().get(titleField))))
            .toList();
    }

    private static PointStruct point(Document document) {
        return PointStruct.newBuilder()
            .setId(document.id().toPointId())
            .setVectors(VectorsFactory.vectors(document.vector()))
            .putPayload("title", ValueFactory.value(document.title()))
            .putPayload("category", ValueFactory.value(document.category()))
            .putPayload("tags", ValueFactory.list(document.tags().stream().map(ValueFactory::value).toList()))
            .putPayload("year", ValueFactory.value(document.year()))
            .build();
    }

    private static PointStruct point(Chunk chunk) {
        return PointStruct.newBuilder()
            .setId(chunk.id().toPointId())
            .setVectors(VectorsFactory.vectors(chunk.vector()))
            .putPayload("document_id", ValueFactory.value(chunk.document().toString()))
            .putPayload("category", ValueFactory.value(chunk.category()))
            .putPayload("position", ValueFactory.value(chunk.position()))
            .putPayload("text", ValueFactory.value(chunk.text()))
            .build();
    }

    private static Document document(RetrievedPoint point) {
        Map<String, Value> payload = point.getPayloadMap();
        return new Document(DocumentId.from(point.getId()), text(payload.get("title")), text(payload.get("category")),
                strings(payload.get("tags")), (int) integer(payload.get("year")), vector(point.getVectors()));
    }

    private static Chunk chunk(RetrievedPoint point) {
        Map<String, Value> payload = point.getPayloadMap();
        String document = text(payload.get("document_id"));
        return new Chunk(DocumentId.from(point.getId()),
                document.contains("-") ? DocumentId.of(document) : DocumentId.of(Long.parseLong(document)),
                text(payload.get("category")), (int) integer(payload.get("position")), text(payload.get("text")),
                vector(point.getVectors()));
    }

    private static Map<String, Value> values(Map<String, Object> fields) {
        Map<String, Value> values = new LinkedHashMap<>();
        fields.forEach((name, value) -> values.put(name, value(value)));
        return values;
    }

    private static Value value(Object value) {
        if (value instanceof String text) {
            return ValueFactory.value(text);
        }
        if (value instanceof Boolean flag) {
            return ValueFactory.value(flag);
        }
        if (value instanceof Integer || value instanceof Long) {
            return ValueFactory.value(((Number) value).longValue());
        }
        if (value instanceof Number number) {
            return ValueFactory.value(number.doubleValue());
        }
        if (value instanceof Collection<?> items) {
            return ValueFactory.list(items.stream().map(KnowledgeBase::value).toList());
        }
        throw new IllegalArgumentException("Unsupported field value: " + value);
    }

    private static String text(Value value) {
        return value == null || !value.hasStringValue() ? null : value.getStringValue();
    }

    private static long integer(Value value) {
        return value == null || !value.hasIntegerValue() ? 0 : value.getIntegerValue();
    }

    private static List<String> strings(Value value) {
        if (value == null || !value.hasListValue()) {
            return List.of();
        }
        ListValue list = value.getListValue();
        return list.getValuesList().stream().map(KnowledgeBase::text).toList();
    }

    @SuppressWarnings("deprecation")
    private static float[] vector(VectorsOutput vectors) {
        List<Float> data = vectors.getVector().hasDense() ? vectors.getVector().getDense().getDataList()
                : vectors.getVector().getDataList();
        float[] vector = new float[data.size()];
        for (int i = 0; i < vector.length; i++) {
            vector[i] = data.get(i);
        }
        return vector;
    }
}
