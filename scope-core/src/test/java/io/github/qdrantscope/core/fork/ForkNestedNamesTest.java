package io.github.qdrantscope.core.fork;

import static io.github.qdrantscope.core.fork.ForkClients.createCollection;
import static io.github.qdrantscope.core.fork.ForkClients.get;
import static io.qdrant.client.PointIdFactory.id;
import static io.qdrant.client.QueryFactory.nearest;
import static io.qdrant.client.ValueFactory.value;
import static io.qdrant.client.VectorsFactory.vectors;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.google.protobuf.Message;
import io.qdrant.client.QdrantClient;
import io.qdrant.client.grpc.Points.BatchResult;
import io.qdrant.client.grpc.Points.LookupLocation;
import io.qdrant.client.grpc.Points.PointGroup;
import io.qdrant.client.grpc.Points.PointStruct;
import io.qdrant.client.grpc.Points.PrefetchQuery;
import io.qdrant.client.grpc.Points.QueryBatchPoints;
import io.qdrant.client.grpc.Points.QueryPoints;
import io.qdrant.client.grpc.Points.RecommendPoints;
import io.qdrant.client.grpc.Points.ScoredPoint;
import io.qdrant.client.grpc.Points.SearchBatchPoints;
import io.qdrant.client.grpc.Points.SearchPointGroups;
import io.qdrant.client.grpc.Points.SearchPoints;
import io.qdrant.client.grpc.Points.WithLookup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Names inside a request: the searches of a batch, {@code lookup_from} and {@code with_lookup}. What the fork
 * sends is recorded below its interceptor, so every nested name is checked on the wire as well as by the
 * server's answer.
 *
 * <p>A lookup in <em>another</em> collection ({@code "chunks"}) is checked on the wire and by what the server read:
 * the fork's {@code chunks} and a foreign one of that name hold point 1 with different vectors and payloads.
 */
class ForkNestedNamesTest {

    private static final String NS = "qdrant_scope_local-a683f017_f1";

    private static final String DOCUMENTS = NS + "__documents";

    private ForkClients qdrant;

    private final List<Message> wire = ForkClients.wire();

    private QdrantClient fork;

    @BeforeEach
    void start() throws Exception {
        this.qdrant = new ForkClients();
        this.fork = this.qdrant.fork(NS, this.wire);
        QdrantClient plain = this.qdrant.plain();
        // a foreign "documents" whose point would be found if a nested name reached it
        createCollection(plain, "documents", 2);
        get(plain.upsertAsync("documents", List.of(point(100, 1, 0, 100))));
        createCollection(this.fork, "documents", 2);
        get(this.fork.upsertAsync("documents", List.of(point(1, 1, 0, 1), point(2, 0, 1, 1))));
        createCollection(this.fork, "chunks", 2);
        get(this.fork.upsertAsync("chunks", List.of(point(1, 0, 1, 7))));
        createCollection(plain, "chunks", 2);
        get(plain.upsertAsync("chunks", List.of(point(1, 1, 0, 100))));
        this.wire.clear();
    }

    @AfterEach
    void stop() {
        this.qdrant.close();
    }

    @Test
    void theSearchesOfASearchBatchNameTheForksCollection() throws Exception {
        List<BatchResult> results = get(this.fork.searchBatchAsync("documents",
                List.of(search(1, 0, 10), search(0, 1, 1)), null));

        assertThat(results).hasSize(2);
        assertThat(ids(results.get(0).getResultList())).containsExactlyInAnyOrder(1L, 2L);
        assertThat(ids(results.get(1).getResultList())).containsExactly(2L);
        SearchBatchPoints sent = sent(SearchBatchPoints.class);
        assertThat(sent.getCollectionName()).isEqualTo(DOCUMENTS);
        assertThat(sent.getSearchPointsList()).extracting(SearchPoints::getCollectionName)
            .containsExactly(DOCUMENTS, DOCUMENTS);
    }

    @Test
    void theQueriesOfAQueryBatchAndTheirPrefetchesNameTheForksCollections() throws Exception {
        QueryPoints plain = QueryPoints.newBuilder().setCollectionName("documents")
            .setQuery(nearest(0f, 1f)).setLimit(1).build();
        QueryPoints lookup = QueryPoints.newBuilder().setCollectionName("documents")
            .setQuery(nearest(id(1)))
            .setLookupFrom(LookupLocation.newBuilder().setCollectionName("documents"))
            .setLimit(10)
            .build();
        List<BatchResult> results = get(this.fork.queryBatchAsync("documents", List.of(plain, lookup)));

        assertThat(ids(results.get(0).getResultList())).containsExactly(2L);
        // a query by id leaves the id itself out, as Qdrant does
        assertThat(ids(results.get(1).getResultList())).containsExactly(2L);
        QueryBatchPoints sent = sent(QueryBatchPoints.class);
        assertThat(sent.getCollectionName()).isEqualTo(DOCUMENTS);
        assertThat(sent.getQueryPointsList()).extracting(QueryPoints::getCollectionName)
            .containsExactly(DOCUMENTS, DOCUMENTS);
        assertThat(sent.getQueryPoints(1).getLookupFrom().getCollectionName()).isEqualTo(DOCUMENTS);

        QueryPoints prefetched = QueryPoints.newBuilder().setCollectionName("documents")
            .addPrefetch(PrefetchQuery.newBuilder().setQuery(nearest(1f, 0f))
                .addPrefetch(PrefetchQuery.newBuilder().setQuery(nearest(id(1)))
                    .setLookupFrom(LookupLocation.newBuilder().setCollectionName("chunks"))))
            .setQuery(nearest(1f, 0f))
            .setLimit(10)
            .build();
        // the innermost prefetch searches by the fork's chunks point 1, (0, 1): point 2 first; the outer ones rescore
        assertThat(ids(get(this.fork.queryAsync(prefetched)))).containsExactly(1L, 2L);
        assertThat(sent(QueryPoints.class).getPrefetch(0).getPrefetch(0).getLookupFrom().getCollectionName())
            .isEqualTo(NS + "__chunks");
        QueryPoints byChunk = QueryPoints.newBuilder().setCollectionName("documents")
            .setQuery(nearest(id(1)))
            .setLookupFrom(LookupLocation.newBuilder().setCollectionName("chunks"))
            .setLimit(1)
            .build();
        // the fork's chunks point 1 is (0, 1): documents' point 2; the foreign chunks' (1, 0) would give point 1
        assertThat(ids(get(this.fork.queryAsync(byChunk)))).containsExactly(2L);
        assertThat(sent(QueryPoints.class).getLookupFrom().getCollectionName()).isEqualTo(NS + "__chunks");
    }

    @Test
    void lookupFromNamesTheForksCollection() throws Exception {
        List<ScoredPoint> recommended = get(this.fork.recommendAsync(RecommendPoints.newBuilder()
            .setCollectionName("documents")
            .addPositive(id(1))
            .setLookupFrom(LookupLocation.newBuilder().setCollectionName("documents"))
            .setLimit(10)
            .build()));
        assertThat(ids(recommended)).containsExactly(2L);
        assertThat(sent(RecommendPoints.class).getLookupFrom().getCollectionName()).isEqualTo(DOCUMENTS);

        List<ScoredPoint> fromChunks = get(this.fork.recommendAsync(RecommendPoints.newBuilder()
            .setCollectionName("documents")
            .addPositive(id(1))
            .setLookupFrom(LookupLocation.newBuilder().setCollectionName("chunks"))
            .setLimit(10)
            .build()));
        // the example is the fork's chunks point 1, (0, 1); an id of another collection is not left out
        assertThat(ids(fromChunks)).containsExactly(2L, 1L);
        assertThat(sent(RecommendPoints.class).getLookupFrom().getCollectionName()).isEqualTo(NS + "__chunks");
    }

    @Test
    void withLookupOfGroupsNamesTheForksCollection() throws Exception {
        List<PointGroup> groups = get(this.fork.searchGroupsAsync(groups("documents")));
        assertThat(groups).hasSize(1);
        assertThat(groups.get(0).getLookup().getId().getNum()).isEqualTo(1L);
        assertThat(groups.get(0).getLookup().getPayloadMap()).containsKey("group");
        assertThat(sent(SearchPointGroups.class).getWithLookup().getCollection()).isEqualTo(DOCUMENTS);

        List<PointGroup> fromChunks = get(this.fork.searchGroupsAsync(groups("chunks")));
        assertThat(sent(SearchPointGroups.class).getWithLookup().getCollection()).isEqualTo(NS + "__chunks");
        // group 1 looked up as point 1 of the fork's chunks (group 7), not of the foreign one (group 100)
        assertThat(fromChunks).hasSize(1);
        assertThat(fromChunks.get(0).getLookup().getPayloadMap().get("group").getIntegerValue()).isEqualTo(7L);
    }


    private static SearchPointGroups groups(String lookupCollection) {
        return SearchPointGroups.newBuilder()
            .setCollectionName("documents")
            .addAllVector(List.of(1f, 0f))
            .setGroupBy("group")
            .setLimit(10)
            .setGroupSize(5)
            .setWithLookup(WithLookup.newBuilder().setCollection(lookupCollection))
            .build();
    }

    private <M extends Message> M sent(Class<M> type) {
        for (int i = this.wire.size() - 1; i >= 0; i--) {
            if (type.isInstance(this.wire.get(i))) {
                return type.cast(this.wire.get(i));
            }
        }
        throw new AssertionError("no " + type.getSimpleName() + " was sent: " + this.wire);
    }

    private static SearchPoints search(float x, float y, int limit) {
        return SearchPoints.newBuilder().setCollectionName("documents").addAllVector(List.of(x, y)).setLimit(limit)
            .build();
    }

    private static PointStruct point(long id, float x, float y, long group) {
        return PointStruct.newBuilder().setId(id(id)).setVectors(vectors(x, y))
            .putAllPayload(Map.of("group", value(group)))
            .build();
    }

    private static List<Long> ids(List<ScoredPoint> points) {
        return points.stream().map(point -> point.getId().getNum()).toList();
    }
}
