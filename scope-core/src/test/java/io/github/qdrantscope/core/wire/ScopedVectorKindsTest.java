package io.github.qdrantscope.core.wire;

import static io.github.qdrantscope.core.wire.ScopedClients.get;
import static io.qdrant.client.PointIdFactory.id;
import static io.qdrant.client.VectorFactory.multiVector;
import static io.qdrant.client.VectorFactory.vector;
import static io.qdrant.client.VectorsFactory.namedVectors;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import io.github.qdrantscope.core.ProjectScope;
import io.github.qdrantscope.core.UnscopedPolicy;
import io.qdrant.client.QdrantClient;
import io.qdrant.client.QueryFactory;
import io.qdrant.client.grpc.Collections.CreateCollection;
import io.qdrant.client.grpc.Collections.Distance;
import io.qdrant.client.grpc.Collections.MultiVectorComparator;
import io.qdrant.client.grpc.Collections.MultiVectorConfig;
import io.qdrant.client.grpc.Collections.SparseVectorConfig;
import io.qdrant.client.grpc.Collections.SparseVectorParams;
import io.qdrant.client.grpc.Collections.VectorParams;
import io.qdrant.client.grpc.Collections.VectorParamsMap;
import io.qdrant.client.grpc.Collections.VectorsConfig;
import io.qdrant.client.grpc.Points.Fusion;
import io.qdrant.client.grpc.Points.PointStruct;
import io.qdrant.client.grpc.Points.PrefetchQuery;
import io.qdrant.client.grpc.Points.Query;
import io.qdrant.client.grpc.Points.QueryPoints;
import io.qdrant.client.grpc.Points.ScoredPoint;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Sparse vectors, multivectors and hybrid queries inside a scope: two projects write the same ids into one
 * collection, the other project's vectors always scoring higher, so any point of it that leaked into a result
 * would come first.
 */
class ScopedVectorKindsTest {

    private static final String COLLECTION = "kinds";

    private static ScopedClients qdrant;

    private static QdrantClient client;

    private static ProjectScope mine;

    @BeforeAll
    static void start() throws Exception {
        qdrant = new ScopedClients();
        client = qdrant.scoped(UnscopedPolicy.FAIL, name -> true);
        get(client.createCollectionAsync(CreateCollection.newBuilder().setCollectionName(COLLECTION)
            .setVectorsConfig(VectorsConfig.newBuilder().setParamsMap(VectorParamsMap.newBuilder()
                .putMap("dense", VectorParams.newBuilder().setSize(2).setDistance(Distance.Dot).build())
                .putMap("multi", VectorParams.newBuilder().setSize(2).setDistance(Distance.Dot)
                    .setMultivectorConfig(MultiVectorConfig.newBuilder().setComparator(MultiVectorComparator.MaxSim))
                    .build())))
            .setSparseVectorsConfig(SparseVectorConfig.newBuilder().putMap("text", SparseVectorParams.getDefaultInstance()))
            .build()));
        mine = ScopedClients.project("mine");
        write(mine, 1f);
        write(ScopedClients.project("other"), 2f);
    }

    /** Ids 1 and 2: 1 is (1, 0) / {3} in every kind, 2 is (0, 1) / {5}; {@code weight} scales every value. */
    private static void write(ProjectScope scope, float weight) throws Exception {
        List<PointStruct> points = List.of(
            PointStruct.newBuilder().setId(id(1)).setVectors(namedVectors(Map.of(
                "dense", vector(weight, 0f),
                "multi", multiVector(new float[][] {{weight, 0f}, {0f, 0.5f * weight}}),
                "text", vector(List.of(weight), List.of(3))))).build(),
            PointStruct.newBuilder().setId(id(2)).setVectors(namedVectors(Map.of(
                "dense", vector(0f, weight),
                "multi", multiVector(new float[][] {{0f, weight}}),
                "text", vector(List.of(weight), List.of(5))))).build());
        try (ProjectScope.Binding ignored = ProjectScope.open(scope)) {
            get(client.upsertAsync(COLLECTION, points));
        }
    }

    @AfterAll
    static void stop() {
        qdrant.close();
    }

    private static List<ScoredPoint> query(QueryPoints.Builder request) throws Exception {
        try (ProjectScope.Binding ignored = ProjectScope.open(mine)) {
            return get(client.queryAsync(request.setCollectionName(COLLECTION).setLimit(10).build()));
        }
    }

    private static List<Long> ids(List<ScoredPoint> points) {
        return points.stream().map(point -> point.getId().getNum()).toList();
    }

    @Test
    void aSparseSearchSeesOnlyTheProjectsPoints() throws Exception {
        List<ScoredPoint> hits = query(QueryPoints.newBuilder()
            .setQuery(QueryFactory.nearest(List.of(1f), List.of(3))).setUsing("text"));

        // the other project's point 1 scores 2 on index 3
        assertThat(ids(hits)).containsExactly(1L);
        assertThat(hits.get(0).getScore()).isEqualTo(1f);
    }

    @Test
    void aSparseQueryByIdReadsTheProjectsPoint() throws Exception {
        List<ScoredPoint> hits = query(QueryPoints.newBuilder().setQuery(QueryFactory.nearest(id(1))).setUsing("text"));

        // the project's point 1 is left out as the example, its point 2 shares no index: nothing; the other
        // project's point 1 would match index 3
        assertThat(hits).isEmpty();
    }

    @Test
    void aMultivectorSearchSeesOnlyTheProjectsPoints() throws Exception {
        List<ScoredPoint> hits = query(QueryPoints.newBuilder()
            .setQuery(QueryFactory.nearestMultiVector(List.of(List.of(1f, 0f)))).setUsing("multi"));

        // MaxSim of (1, 0): point 1's best sub-vector 1, point 2's 0; the other project's would be 2 and 0
        assertThat(ids(hits)).containsExactly(1L, 2L);
        assertThat(hits).extracting(ScoredPoint::getScore).containsExactly(1f, 0f);
    }

    @Test
    void aHybridQueryFusesOnlyTheProjectsPointsInsideItsPrefetches() throws Exception {
        List<ScoredPoint> hits = query(QueryPoints.newBuilder()
            .addPrefetch(PrefetchQuery.newBuilder().setQuery(QueryFactory.nearest(List.of(1f), List.of(3)))
                .setUsing("text").setLimit(5))
            .addPrefetch(PrefetchQuery.newBuilder().setQuery(QueryFactory.nearest(0f, 1f)).setUsing("dense")
                .setLimit(5))
            .setQuery(Query.newBuilder().setFusion(Fusion.RRF)));

        // point 1: first by sparse, second by dense; point 2: first by dense only (RRF 1/(k+rank)); each once
        assertThat(ids(hits)).containsExactly(1L, 2L);
    }
}
