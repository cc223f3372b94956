package io.github.qdrantscope.embedded.conformance;

import static io.qdrant.client.PointIdFactory.id;
import static io.qdrant.client.VectorFactory.multiVector;
import static io.qdrant.client.VectorInputFactory.multiVectorInput;
import static io.qdrant.client.VectorsFactory.vectors;
import static org.assertj.core.api.Assertions.assertThat;

import io.qdrant.client.grpc.Collections.CreateCollection;
import io.qdrant.client.grpc.Collections.Distance;
import io.qdrant.client.grpc.Collections.MultiVectorComparator;
import io.qdrant.client.grpc.Collections.MultiVectorConfig;
import io.qdrant.client.grpc.Collections.VectorParams;
import io.qdrant.client.grpc.Collections.VectorsConfig;
import io.qdrant.client.grpc.Points.ContextExamplePair;
import io.qdrant.client.grpc.Points.ContextInput;
import io.qdrant.client.grpc.Points.ContextInputPair;
import io.qdrant.client.grpc.Points.DiscoverInput;
import io.qdrant.client.grpc.Points.DiscoverPoints;
import io.qdrant.client.grpc.Points.PointStruct;
import io.qdrant.client.grpc.Points.Query;
import io.qdrant.client.grpc.Points.QueryPoints;
import io.qdrant.client.grpc.Points.RecommendInput;
import io.qdrant.client.grpc.Points.RecommendPoints;
import io.qdrant.client.grpc.Points.RecommendStrategy;
import io.qdrant.client.grpc.Points.ScoredPoint;
import io.qdrant.client.grpc.Points.TargetVector;
import io.qdrant.client.grpc.Points.VectorExample;
import io.qdrant.client.grpc.Points.VectorInput;
import io.grpc.Status;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Recommend (all three strategies), discover and context on a multivector (MaxSim: for each query sub-vector the
 * best dot product with a stored sub-vector, summed), examples as ids and as multivectors, in the Query API and the
 * classic Recommend/Discover RPCs. average_vector concatenates the positives' sub-vectors and the negatives' negated
 * ones ({@code avg_vector_for_recommendation} in {@code reco_query.rs}) and averages dense examples. Expected scores worked out by hand.
 */
class MultivectorExamplesConformanceTest extends ConformanceTestBase {

    private String collection;

    @BeforeAll
    void fill() {
        collection = uniqueName("multix");
        await(client.createCollectionAsync(CreateCollection.newBuilder().setCollectionName(collection)
                .setVectorsConfig(VectorsConfig.newBuilder().setParams(VectorParams.newBuilder().setSize(2)
                        .setDistance(Distance.Dot).setMultivectorConfig(MultiVectorConfig.newBuilder()
                                .setComparator(MultiVectorComparator.MaxSim))))
                .build()));
        await(client.upsertAsync(collection, List.of(
                point(1, new float[][] {{1, 0}, {0, 1}}),
                point(2, new float[][] {{1, 1}}),
                point(3, new float[][] {{0, 2}, {1, 0}}))));
    }

    private static PointStruct point(long id, float[][] matrix) {
        return PointStruct.newBuilder().setId(id(id)).setVectors(vectors(multiVector(matrix))).build();
    }

    private static VectorInput byId(long id) {
        return VectorInput.newBuilder().setId(id(id)).build();
    }

    private List<ScoredPoint> query(Query query) {
        return await(client.queryAsync(QueryPoints.newBuilder().setCollectionName(collection).setQuery(query)
                .build()));
    }

    private static float scaledSigmoid(float x) {
        return 0.5f * (x / (1f + Math.abs(x)) + 1f);
    }

    @Test
    void bestScoreComparesMaxSimToPositivesAndNegatives() {
        // positive point 1: MaxSim 2 to point 2, 3 to point 3; negative [[0, 1]]: 1 and 2
        List<ScoredPoint> result = query(Query.newBuilder().setRecommend(RecommendInput.newBuilder()
                .addPositive(byId(1)).addNegative(multiVectorInput(new float[][] {{0, 1}}))
                .setStrategy(RecommendStrategy.BestScore)).build());

        assertThat(idsOf(result)).containsExactly(3L, 2L);
        assertThat(scoresOf(result)).containsExactly(scaledSigmoid(3f), scaledSigmoid(2f));
    }

    @Test
    void averageVectorConcatenatesPositivesAndNegatedNegatives() {
        // [[1, 0], [0, 1]] + [[0, -1]]: point 3 scores 1 + 2 + 0, point 2 1 + 1 - 1
        List<ScoredPoint> result = query(Query.newBuilder().setRecommend(RecommendInput.newBuilder()
                .addPositive(byId(1)).addNegative(multiVectorInput(new float[][] {{0, 1}}))).build());

        assertThat(idsOf(result)).containsExactly(3L, 2L);
        assertThat(scoresOf(result)).containsExactly(3f, 1f);
    }

    /**
     * A dense vector sent is a dense vector to average_vector even on a multivector
     * ({@code convert_vector_input_with_inferred}, {@code src/common/inference/query_requests_grpc.rs}): dense
     * examples average into one sub-vector, [1, 0] and [0, 2] into [0.5, 1]: point 3 scores max(0.5, 2), 2 1.5, 1 1.
     */
    @Test
    void averageVectorAveragesDenseExamplesIntoOneSubVector() {
        List<ScoredPoint> result = query(Query.newBuilder().setRecommend(RecommendInput.newBuilder()
                .addPositive(dense(1, 0)).addPositive(dense(0, 2))).build());

        assertThat(idsOf(result)).containsExactly(3L, 2L, 1L);
        assertThat(scoresOf(result)).containsExactly(2f, 1.5f, 1f);
    }

    /** {@code avg_vectors} and {@code merge_positive_and_negative_avg} (reco_query.rs) refuse mixed kinds. */
    @Test
    void averageVectorRefusesDenseAndMultivectorExamplesTogether() {
        assertGrpcError(() -> query(Query.newBuilder().setRecommend(RecommendInput.newBuilder()
                        .addPositive(byId(1)).addPositive(dense(1, 0))).build()),
                Status.Code.INVALID_ARGUMENT, "Wrong input: Validation failed: Can't average vectors with different types");
        assertGrpcError(() -> query(Query.newBuilder().setRecommend(RecommendInput.newBuilder()
                        .addPositive(byId(1)).addNegative(dense(1, 0))).build()),
                Status.Code.INVALID_ARGUMENT, "Wrong input: Validation failed: Positive and negative vectors should be"
                        + " of the same type, either all dense or all sparse or all multi");
    }

    private static VectorInput dense(float... values) {
        return VectorInput.newBuilder().setDense(io.qdrant.client.grpc.Points.DenseVector.newBuilder()
                .addAllData(com.google.common.primitives.Floats.asList(values))).build();
    }

    @Test
    void discoverAndContextUseMaxSim() {
        // target [[1, 2]]: 1 -> 2, 2 -> 3; pair (point 3, [[1, 0]]): 1 -> 2 vs 1, 2 -> 2 vs 1: both on the positive side
        List<ScoredPoint> discovered = query(Query.newBuilder().setDiscover(DiscoverInput.newBuilder()
                .setTarget(multiVectorInput(new float[][] {{1, 2}}))
                .setContext(ContextInput.newBuilder().addPairs(ContextInputPair.newBuilder()
                        .setPositive(byId(3)).setNegative(multiVectorInput(new float[][] {{1, 0}}))))).build());
        assertThat(idsOf(discovered)).containsExactly(2L, 1L);
        assertThat(scoresOf(discovered)).containsExactly(1 + scaledSigmoid(3f), 1 + scaledSigmoid(2f));

        // pair ([[1, 0]], [[0, 2]]): 1 -> 1 - 2, 2 -> 1 - 2, 3 -> 1 - 4
        List<ScoredPoint> context = query(Query.newBuilder().setContext(ContextInput.newBuilder()
                .addPairs(ContextInputPair.newBuilder().setPositive(multiVectorInput(new float[][] {{1, 0}}))
                        .setNegative(multiVectorInput(new float[][] {{0, 2}})))).build());
        float eps = Math.ulp(1f);
        float minusOne = (-1f - eps) / (1f + Math.abs(-1f - eps));
        float minusThree = (-3f - eps) / (1f + Math.abs(-3f - eps));
        assertThat(scoresOf(context)).containsExactly(minusOne, minusOne, minusThree);
        assertThat(idsOf(context).get(2)).isEqualTo(3L);
    }

    @Test
    void classicRecommendTakesAMultivectorExample() {
        // sum_scores with [[1, 2]]: 1 -> 2, 2 -> 3, 3 -> 4
        List<ScoredPoint> result = await(client.recommendAsync(RecommendPoints.newBuilder()
                .setCollectionName(collection).addPositiveVectors(multiVector(new float[][] {{1, 2}}))
                .setStrategy(RecommendStrategy.SumScores).setLimit(10).build()));

        assertThat(idsOf(result)).containsExactly(3L, 2L, 1L);
        assertThat(scoresOf(result)).containsExactly(4f, 3f, 2f);
    }

    @Test
    void classicDiscoverTakesIdsAndMultivectors() {
        List<ScoredPoint> result = await(client.discoverAsync(DiscoverPoints.newBuilder()
                .setCollectionName(collection)
                .setTarget(TargetVector.newBuilder().setSingle(VectorExample.newBuilder()
                        .setVector(multiVector(new float[][] {{1, 2}}))))
                .addContext(ContextExamplePair.newBuilder().setPositive(VectorExample.newBuilder().setId(id(3)))
                        .setNegative(VectorExample.newBuilder().setVector(multiVector(new float[][] {{1, 0}}))))
                .setLimit(10).build()));

        assertThat(idsOf(result)).containsExactly(2L, 1L);
        assertThat(scoresOf(result)).containsExactly(1 + scaledSigmoid(3f), 1 + scaledSigmoid(2f));
    }
}
