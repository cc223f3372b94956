package io.github.qdrantscope.embedded.conformance;

import static io.qdrant.client.ConditionFactory.hasVector;
import static io.qdrant.client.PointIdFactory.id;
import static io.qdrant.client.QueryFactory.nearest;
import static io.qdrant.client.QueryFactory.nearestMultiVector;
import static io.qdrant.client.VectorFactory.multiVector;
import static io.qdrant.client.VectorFactory.vector;
import static io.qdrant.client.VectorsFactory.namedVectors;
import static io.qdrant.client.VectorsFactory.vectors;
import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Status;
import io.qdrant.client.grpc.Collections.CollectionInfo;
import io.qdrant.client.grpc.Collections.CreateCollection;
import io.qdrant.client.grpc.Collections.Distance;
import io.qdrant.client.grpc.Collections.MultiVectorComparator;
import io.qdrant.client.grpc.Collections.MultiVectorConfig;
import io.qdrant.client.grpc.Collections.VectorParams;
import io.qdrant.client.grpc.Collections.VectorParamsMap;
import io.qdrant.client.grpc.Collections.VectorsConfig;
import io.qdrant.client.grpc.Common.Filter;
import io.qdrant.client.grpc.Points.DenseVector;
import io.qdrant.client.grpc.Points.MultiDenseVector;
import io.qdrant.client.grpc.Points.PointStruct;
import io.qdrant.client.grpc.Points.PointVectors;
import io.qdrant.client.grpc.Points.PrefetchQuery;
import io.qdrant.client.grpc.Points.QueryPoints;
import io.qdrant.client.grpc.Points.RecommendInput;
import io.qdrant.client.grpc.Points.RetrievedPoint;
import io.qdrant.client.grpc.Points.ScoredPoint;
import io.qdrant.client.grpc.Points.SearchPoints;
import io.qdrant.client.grpc.Points.Vector;
import io.qdrant.client.grpc.Points.VectorInput;
import io.qdrant.client.grpc.Points.VectorOutput;
import io.qdrant.client.grpc.Points.WithVectorsSelector;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Multivectors ({@code multivector_config}, comparator MaxSim): configuration, upsert in both wire forms,
 * validation, reading back, MaxSim scoring ({@code score_max_similarity},
 * {@code lib/segment/src/vector_storage/query_scorer/mod.rs}) and has_vector. The scores below were also
 * answered by Qdrant's engine (Qdrant Edge 0.9.0) for the same data.
 */
class MultivectorConformanceTest extends ConformanceTestBase {

    private static final MultiVectorConfig MAX_SIM =
            MultiVectorConfig.newBuilder().setComparator(MultiVectorComparator.MaxSim).build();

    private static VectorParams multi(int size, Distance distance) {
        return VectorParams.newBuilder().setSize(size).setDistance(distance).setMultivectorConfig(MAX_SIM).build();
    }

    /** An unnamed multivector of 2 dimensions per sub-vector under {@code distance}. */
    private String unnamed(Distance distance) {
        String name = uniqueName("multi");
        await(client.createCollectionAsync(CreateCollection.newBuilder().setCollectionName(name)
                .setVectorsConfig(VectorsConfig.newBuilder().setParams(multi(2, distance))).build()));
        return name;
    }

    /** Named vectors: the multivector "m" (2, Dot) and the dense "d" (2, Dot). */
    private String named() {
        String name = uniqueName("multi");
        await(client.createCollectionAsync(CreateCollection.newBuilder().setCollectionName(name)
                .setVectorsConfig(VectorsConfig.newBuilder().setParamsMap(VectorParamsMap.newBuilder()
                        .putMap("m", multi(2, Distance.Dot))
                        .putMap("d", VectorParams.newBuilder().setSize(2).setDistance(Distance.Dot).build())))
                .build()));
        return name;
    }

    private static PointStruct point(long id, Vector vector) {
        return PointStruct.newBuilder().setId(id(id)).setVectors(vectors(vector)).build();
    }

    private static PointStruct point(long id, Map<String, Vector> vectors) {
        return PointStruct.newBuilder().setId(id(id)).setVectors(namedVectors(vectors)).build();
    }

    /** The two documents of every scoring test: 1 = [[1, 0], [0, 2]], 2 = [[3, 4]]. */
    private void upsertDocuments(String c) {
        await(client.upsertAsync(c, List.of(
                point(1, multiVector(new float[][] {{1, 0}, {0, 2}})),
                point(2, multiVector(new float[][] {{3, 4}})))));
    }

    private List<ScoredPoint> query(String c, VectorInput nearest) {
        return await(client.queryAsync(QueryPoints.newBuilder().setCollectionName(c)
                .setQuery(io.qdrant.client.grpc.Points.Query.newBuilder().setNearest(nearest)).build()));
    }

    private static VectorInput queryMatrix() {
        // [[1, 1], [2, 0.5]]
        return io.qdrant.client.VectorInputFactory.multiVectorInput(new float[][] {{1, 1}, {2, 0.5f}});
    }

    private static List<List<Float>> matrix(VectorOutput output) {
        return output.getMultiDense().getVectorsList().stream().map(DenseVector::getDataList).toList();
    }

    private RetrievedPoint get(String c, long id) {
        List<RetrievedPoint> points = await(client.retrieveAsync(c, List.of(id(id)), false, true, null));
        assertThat(points).hasSize(1);
        return points.get(0);
    }

    @Test
    void collectionInfoReportsTheMultivectorConfig() {
        String c = unnamed(Distance.Dot);

        CollectionInfo info = await(client.getCollectionInfoAsync(c));

        assertThat(info.getConfig().getParams().getVectorsConfig().getParams().getMultivectorConfig())
                .isEqualTo(MAX_SIM);
    }

    @Test
    @SuppressWarnings("deprecation")
    void aMultivectorIsReadBackInBothForms() {
        String c = unnamed(Distance.Dot);
        upsertDocuments(c);

        VectorOutput out = get(c, 1).getVectors().getVector();

        assertThat(matrix(out)).containsExactly(List.of(1f, 0f), List.of(0f, 2f));
        // Qdrant's From<VectorInternal> for grpc::VectorOutput: flattened data + vectors_count
        assertThat(out.getDataList()).containsExactly(1f, 0f, 0f, 2f);
        assertThat(out.getVectorsCount()).isEqualTo(2);
    }

    @Test
    @SuppressWarnings("deprecation")
    void theDeprecatedFlattenedFormIsAccepted() {
        String c = unnamed(Distance.Dot);
        Vector flat = Vector.newBuilder().addAllData(List.of(1f, 2f, 3f, 4f, 5f, 6f)).setVectorsCount(3).build();

        await(client.upsertAsync(c, List.of(point(7, flat))));

        assertThat(matrix(get(c, 7).getVectors().getVector()))
                .containsExactly(List.of(1f, 2f), List.of(3f, 4f), List.of(5f, 6f));
    }

    @Test
    void cosineNormalisesEverySubVector() {
        String c = unnamed(Distance.Cosine);
        await(client.upsertAsync(c, List.of(point(1, multiVector(new float[][] {{3, 4}, {0, 2}})))));

        // Qdrant Edge 0.9.0 stores [[0.6, 0.8], [0, 1]]
        assertThat(matrix(get(c, 1).getVectors().getVector()))
                .containsExactly(List.of(0.6f, 0.8f), List.of(0f, 1f));
    }

    @Test
    void maxSimSumsTheBestSimilarityOfEveryQuerySubVector() {
        String dot = unnamed(Distance.Dot);
        String euclid = unnamed(Distance.Euclid);
        String manhattan = unnamed(Distance.Manhattan);
        String cosine = unnamed(Distance.Cosine);
        for (String c : List.of(dot, euclid, manhattan, cosine)) {
            upsertDocuments(c);
        }

        // Dot: point 2: 1*3+1*4 + 2*3+0.5*4 = 7 + 8 = 15; point 1: max(1, 2) + max(2, 1) = 4
        assertThat(idsOf(query(dot, queryMatrix()))).containsExactly(2L, 1L);
        assertThat(scoresOf(query(dot, queryMatrix()))).containsExactly(15f, 4f);
        // Euclid sums the best (negated squared) distances, then reports sqrt(|sum|): point 1: -1 + -1.25 -> 1.5
        assertThat(idsOf(query(euclid, queryMatrix()))).containsExactly(1L, 2L);
        assertThat(scoresOf(query(euclid, queryMatrix()))).containsExactly(1.5f, (float) Math.sqrt(26.25f));
        // Manhattan: point 1: -1 + -1.5 -> 2.5; point 2: -5 + -4.5 -> 9.5
        assertThat(scoresOf(query(manhattan, queryMatrix()))).containsExactly(2.5f, 9.5f);
        // Cosine: every sub-vector of the query and of the points normalised; Edge answers the same floats
        List<ScoredPoint> cosineHits = query(cosine, queryMatrix());
        assertThat(idsOf(cosineHits)).containsExactly(2L, 1L);
        float[] stored = QdrantF32.cosinePreprocess(new float[] {3, 4});
        float expected = QdrantF32.dot(QdrantF32.cosinePreprocess(new float[] {1, 1}), stored)
                + QdrantF32.dot(QdrantF32.cosinePreprocess(new float[] {2, 0.5f}), stored);
        assertThat(cosineHits.get(0).getScore()).isEqualTo(expected).isEqualTo(1.7660635709762573f);
    }

    @Test
    void aDenseQueryIsAMultivectorOfOne() {
        String c = unnamed(Distance.Dot);
        upsertDocuments(c);

        // Edge: [1, 2] scores point 2 with 11 and point 1 with max(1, 4) = 4
        List<ScoredPoint> hits = query(c, io.qdrant.client.VectorInputFactory.vectorInput(1, 2));
        assertThat(idsOf(hits)).containsExactly(2L, 1L);
        assertThat(scoresOf(hits)).containsExactly(11f, 4f);
        // the classic Search API takes it the same way
        List<ScoredPoint> searched = await(client.searchAsync(SearchPoints.newBuilder().setCollectionName(c)
                .addAllVector(List.of(1f, 2f)).setLimit(10).build()));
        assertThat(scoresOf(searched)).containsExactly(11f, 4f);
    }

    @Test
    void aThresholdAndAPrefetchRescoreWithMaxSim() {
        String c = named();
        await(client.upsertAsync(c, List.of(
                point(1, Map.of("m", multiVector(new float[][] {{1, 0}, {0, 2}}), "d", vector(1, 0))),
                point(2, Map.of("m", multiVector(new float[][] {{3, 4}}), "d", vector(0, 1))),
                point(3, Map.of("d", vector(1, 1))))));

        List<ScoredPoint> thresholded = await(client.queryAsync(QueryPoints.newBuilder().setCollectionName(c)
                .setQuery(nearestMultiVector(List.of(List.of(1f, 1f), List.of(2f, 0.5f)))).setUsing("m")
                .setScoreThreshold(5f).build()));
        assertThat(idsOf(thresholded)).containsExactly(2L);

        // dense prefetch, re-scored by the multivector: point 3 has no "m" and drops out
        List<ScoredPoint> rescored = await(client.queryAsync(QueryPoints.newBuilder().setCollectionName(c)
                .addPrefetch(PrefetchQuery.newBuilder().setQuery(nearest(1, 1)).setUsing("d").setLimit(3))
                .setQuery(nearestMultiVector(List.of(List.of(1f, 1f), List.of(2f, 0.5f)))).setUsing("m").build()));
        assertThat(idsOf(rescored)).containsExactly(2L, 1L);
        assertThat(scoresOf(rescored)).containsExactly(15f, 4f);
    }

    @Test
    void queryByIdUsesTheStoredMultivector() {
        String c = unnamed(Distance.Dot);
        upsertDocuments(c);

        // point 2 [[3, 4]] against point 1 [[1, 0], [0, 2]]: max(3, 8) = 8; the example itself is excluded
        List<ScoredPoint> hits = query(c, VectorInput.newBuilder().setId(id(2)).build());
        assertThat(idsOf(hits)).containsExactly(1L);
        assertThat(scoresOf(hits)).containsExactly(8f);
    }

    @Test
    void hasVectorAndWithVectorsSeeTheMultivector() {
        String c = named();
        await(client.upsertAsync(c, List.of(
                point(1, Map.of("m", multiVector(new float[][] {{1, 0}}), "d", vector(1, 0))),
                point(2, Map.of("d", vector(0, 1))))));

        assertThat(scrollIds(c, Filter.newBuilder().addMust(hasVector("m")).build())).containsExactly(1L);
        List<RetrievedPoint> onlyM = await(client.retrieveAsync(c, List.of(id(1)),
                io.qdrant.client.WithPayloadSelectorFactory.enable(false), WithVectorsSelector.newBuilder().setInclude(io.qdrant.client.grpc.Points.VectorsSelector.newBuilder()
                        .addNames("m")).build(), null));
        assertThat(onlyM.get(0).getVectors().getVectors().getVectorsMap()).containsOnlyKeys("m");
        assertThat(matrix(onlyM.get(0).getVectors().getVectors().getVectorsOrThrow("m")))
                .containsExactly(List.of(1f, 0f));

        await(client.deleteVectorsAsync(c, List.of("m"), List.of(id(1))));
        assertThat(scrollIds(c, Filter.newBuilder().addMust(hasVector("m")).build())).isEmpty();
    }

    @Test
    void updateVectorsReplacesTheMultivector() {
        String c = named();
        await(client.upsertAsync(c, List.of(point(1, Map.of("m", multiVector(new float[][] {{1, 0}}))))));

        await(client.updateVectorsAsync(c, List.of(PointVectors.newBuilder().setId(id(1))
                .setVectors(namedVectors(Map.of("m", multiVector(new float[][] {{5, 6}, {7, 8}})))).build())));

        assertThat(matrix(get(c, 1).getVectors().getVectors().getVectorsOrThrow("m")))
                .containsExactly(List.of(5f, 6f), List.of(7f, 8f));
    }

    @Test
    void aDenseVectorForAMultivectorIsStoredAsAMultivectorOfOne() {
        String c = named();

        // Qdrant Edge 0.9.0 accepts it and reads back [[1, 2]]
        await(client.upsertAsync(c, List.of(point(1, Map.of("m", vector(1, 2))))));

        assertThat(matrix(get(c, 1).getVectors().getVectors().getVectorsOrThrow("m")))
                .containsExactly(List.of(1f, 2f));
    }

    @Test
    void subVectorsOfAnotherDimensionAreRejected() {
        String c = unnamed(Distance.Dot);

        // the segment's dimension check (Edge: "Vector dimension error: expected dim: 2, got 3")
        assertGrpcError(() -> await(client.upsertAsync(c, List.of(point(1, multiVector(new float[][] {{1, 2, 3}}))))),
                Status.Code.INVALID_ARGUMENT, "Wrong input: Vector dimension error: expected dim: 2, got 3");
        // sub-vectors of different lengths: validate_multi_vector_by_length (lib/common/common/src/validation.rs)
        assertGrpcError(() -> await(client.upsertAsync(c, List.of(
                        point(1, multiVector(new float[][] {{1, 2}, {1}}))))),
                Status.Code.INVALID_ARGUMENT, "Validation error in body: [points[0].vectors.vectors_options.data: "
                        + "Validation error: inconsistent_multi_vector [{\"message\": String(\"all vectors must have the"
                        + " same dimension, found vector with dimension 1\")}]]");
        assertThat(await(client.countAsync(c))).isZero();
    }

    @Test
    @SuppressWarnings("deprecation")
    void anEmptyMultivectorIsRejected() {
        String c = named();
        Vector empty = Vector.newBuilder().setMultiDense(MultiDenseVector.getDefaultInstance()).build();

        assertGrpcError(() -> await(client.upsertAsync(c, List.of(point(1, Map.of("m", empty))))),
                Status.Code.INVALID_ARGUMENT, "Validation error in body: [points[0].vectors.vectors_options.vectors.[]"
                        + ".data: Validation error: empty_multi_vector [{\"message\": String(\"multi vector must not be"
                        + " empty\")}]]");
        // the deprecated form with vectors_count 0: validate_multi_vector_len
        Vector zeroCount = Vector.newBuilder().addData(1f).setVectorsCount(0).build();
        assertGrpcError(() -> await(client.upsertAsync(c, List.of(point(1, Map.of("m", zeroCount))))),
                Status.Code.INVALID_ARGUMENT, "Validation error in body: [points[0].vectors.vectors_options.vectors.[]"
                        + ".data: Validation error: invalid_vector_count [{\"vectors_count\": String(\"vectors count must"
                        + " be greater than 0\")}]]");
        assertThat(await(client.countAsync(c))).isZero();
    }

    @Test
    void aMultivectorForADenseVectorIsRejected() {
        String c = named();
        await(client.upsertAsync(c, List.of(point(1, Map.of("d", vector(1, 0))))));

        // OperationError::WrongMulti, answered as BadInput (lib/collection/src/operations/types.rs); Edge:
        // "Wrong usage of multi vectors" for the write and for the query
        assertGrpcError(() -> await(client.upsertAsync(c, List.of(
                        point(2, Map.of("d", multiVector(new float[][] {{1, 2}})))))),
                Status.Code.INVALID_ARGUMENT, "Wrong input: Conversion between multi and regular vectors failed");
        assertGrpcError(() -> await(client.queryAsync(QueryPoints.newBuilder().setCollectionName(c)
                        .setQuery(nearestMultiVector(List.of(List.of(1f, 2f)))).setUsing("d").build())),
                Status.Code.INVALID_ARGUMENT, "Wrong input: Conversion between multi and regular vectors failed");
    }

    @Test
    void aQueryWithSubVectorsOfAnotherDimensionIsRejected() {
        String c = unnamed(Distance.Dot);
        upsertDocuments(c);

        // Edge: "Vector dimension error: expected dim: 2, got 3", for a multivector and a dense query alike
        assertGrpcError(() -> query(c, io.qdrant.client.VectorInputFactory.multiVectorInput(new float[][] {{1, 2, 3}})),
                Status.Code.INVALID_ARGUMENT, "Wrong input: Vector dimension error: expected dim: 2, got 3");
        assertGrpcError(() -> query(c, io.qdrant.client.VectorInputFactory.vectorInput(1, 2, 3)),
                Status.Code.INVALID_ARGUMENT, "Wrong input: Vector dimension error: expected dim: 2, got 3");
    }
}
