package io.github.qdrantscope.embedded.conformance;

import static io.github.qdrantscope.embedded.conformance.QdrantF32.cosinePreprocess;
import static io.github.qdrantscope.embedded.conformance.QdrantF32.dot;
import static io.github.qdrantscope.embedded.conformance.QdrantF32.modelVector;
import static io.github.qdrantscope.embedded.conformance.QdrantF32.squaredLength;
import static io.qdrant.client.PointIdFactory.id;
import static io.qdrant.client.QueryFactory.nearest;
import static org.assertj.core.api.Assertions.assertThat;

import io.qdrant.client.grpc.Points.BatchResult;
import io.qdrant.client.grpc.Points.PointGroup;
import io.qdrant.client.grpc.Points.QueryPointGroups;
import io.qdrant.client.grpc.Points.QueryPoints;
import io.qdrant.client.grpc.Points.ScoredPoint;
import io.qdrant.client.grpc.Points.SearchMatrixPair;
import io.qdrant.client.grpc.Points.SearchMatrixPoints;
import io.qdrant.client.grpc.Points.SearchPointGroups;
import io.qdrant.client.grpc.Points.SearchPoints;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Cosine query vectors, scored bit for bit (Float.floatToIntBits): Qdrant preprocesses every query vector
 * with the same CosineMetric::preprocess as stored vectors (MetricQueryScorer::new and the custom query
 * scorers' query.transform in lib/segment/src/vector_storage/query_scorer/), so an already unit-length query
 * is used unchanged and a Cosine score is the plain f32 dot product of the two vectors as given. Vectors are
 * 3-dimensional so every Qdrant build scores them with the scalar dot_similarity (simple.rs, left to right)
 * on any CPU; {@link QdrantF32} transcribes it. Search, its batch and groups variants and the Query API
 * nearest are here; recommend, discover, context and the distance matrix are in
 * {@link CosineExamplesConformanceTest}.
 */
class CosineQueryConformanceTest extends CosineTestBase {

    private static List<ScoredPoint> hitsOf(List<PointGroup> groups) {
        List<ScoredPoint> hits = new ArrayList<>();
        groups.forEach(g -> hits.addAll(g.getHitsList()));
        return hits;
    }

    /** Every search flavour with this query vector must score each point as {@code expected}. */
    private void assertEverySearchScores(String c, float[] query, Map<Long, Float> expected) {
        SearchPoints search = SearchPoints.newBuilder().setCollectionName(c).addAllVector(toList(query))
                .setLimit(10).build();
        assertScores(await(client.searchAsync(search)), expected, "Search");
        List<BatchResult> batch = await(client.searchBatchAsync(c, List.of(search, search), null));
        assertScores(batch.get(1).getResultList(), expected, "SearchBatch");
        assertScores(hitsOf(await(client.searchGroupsAsync(SearchPointGroups.newBuilder().setCollectionName(c)
                .addAllVector(toList(query)).setGroupBy("g").setLimit(10).setGroupSize(10).build()))),
                expected, "SearchGroups");

        QueryPoints nearestQuery = QueryPoints.newBuilder().setCollectionName(c).setQuery(nearest(query))
                .setLimit(10).build();
        assertScores(await(client.queryAsync(nearestQuery)), expected, "Query");
        assertScores(await(client.queryBatchAsync(c, List.of(nearestQuery))).get(0).getResultList(), expected,
                "QueryBatch");
        assertScores(hitsOf(await(client.queryGroupsAsync(QueryPointGroups.newBuilder().setCollectionName(c)
                .setQuery(nearest(query)).setGroupBy("g").setLimit(10).setGroupSize(10).build()))),
                expected, "QueryGroups");
    }

    @Test
    void aUnitQueryScoresTheDotProductOfTheVectorsAsGiven() {
        String c = unitPoints();
        float[] query = modelVector(30, 3, -2.5e-7);
        assertThat(squaredLength(query)).isNotEqualTo(1.0f);

        assertEverySearchScores(c, query, expected(stored -> dot(query, stored), 1, 2, 3, 4));
    }

    @Test
    void aLongerQueryIsNormalisedAsQdrantComputesIt() {
        String c = unitPoints();
        float[] query = {3f, -4f, 12f};
        float[] prepared = cosinePreprocess(query);

        assertEverySearchScores(c, query, expected(stored -> dot(prepared, stored), 1, 2, 3, 4));
    }

    @Test
    void aQueryWhoseSquaredLengthIsBelowEpsilonIsUsedAsIs() {
        String c = unitPoints();
        // squared length 1e-8 < f32::EPSILON (tools.rs): not normalised, so every score is tiny
        float[] query = {1e-4f, 0f, 0f};

        assertEverySearchScores(c, query, expected(stored -> dot(query, stored), 1, 2, 3, 4));
    }

    @Test
    void queryByIdScoresWithTheStoredVectorAsStored() {
        String c = unitPoints();

        // the referenced point is excluded; its stored vector is preprocessed again as a query, which keeps it
        List<ScoredPoint> hits = await(client.queryAsync(QueryPoints.newBuilder().setCollectionName(c)
                .setQuery(nearest(id(1))).setLimit(10).build()));

        assertScores(hits, expected(stored -> dot(STORED[1], stored), 2, 3, 4), "Query nearest by id");
    }

    @Test
    void distanceMatrixUsesEachStoredVectorAsStored() {
        String c = unitPoints();

        // lib/collection/src/collection/distance_matrix.rs searches with each sampled point's stored vector
        List<SearchMatrixPair> pairs = await(client.searchMatrixPairsAsync(SearchMatrixPoints.newBuilder()
                .setCollectionName(c).setSample(4).setLimit(3).build())).getPairsList();

        assertThat(pairs).hasSize(12).allSatisfy(pair -> {
            float[] a = STORED[(int) pair.getA().getNum()];
            float[] b = STORED[(int) pair.getB().getNum()];
            assertThat(Float.floatToIntBits(pair.getScore())).as("%s", pair)
                    .isEqualTo(Float.floatToIntBits(dot(a, b)));
        });
    }
}
