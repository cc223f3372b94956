package io.github.qdrantscope.embedded.conformance;

import static io.github.qdrantscope.embedded.conformance.QdrantF32.F32_EPSILON;
import static io.github.qdrantscope.embedded.conformance.QdrantF32.cosinePreprocess;
import static io.github.qdrantscope.embedded.conformance.QdrantF32.dot;
import static io.github.qdrantscope.embedded.conformance.QdrantF32.fastSigmoid;
import static io.github.qdrantscope.embedded.conformance.QdrantF32.scaledFastSigmoid;
import static io.qdrant.client.PointIdFactory.id;
import static io.qdrant.client.QueryFactory.context;
import static io.qdrant.client.QueryFactory.discover;
import static io.qdrant.client.QueryFactory.recommend;
import static io.qdrant.client.VectorFactory.vector;
import static io.qdrant.client.VectorInputFactory.vectorInput;
import static io.qdrant.client.VectorsFactory.namedVectors;

import io.qdrant.client.grpc.Collections.CreateCollection;
import io.qdrant.client.grpc.Collections.Distance;
import io.qdrant.client.grpc.Collections.VectorParams;
import io.qdrant.client.grpc.Collections.VectorParamsMap;
import io.qdrant.client.grpc.Collections.VectorsConfig;
import io.qdrant.client.grpc.Points.ContextExamplePair;
import io.qdrant.client.grpc.Points.ContextInput;
import io.qdrant.client.grpc.Points.ContextInputPair;
import io.qdrant.client.grpc.Points.DiscoverInput;
import io.qdrant.client.grpc.Points.DiscoverPoints;
import io.qdrant.client.grpc.Points.LookupLocation;
import io.qdrant.client.grpc.Points.PointStruct;
import io.qdrant.client.grpc.Points.Query;
import io.qdrant.client.grpc.Points.QueryPoints;
import io.qdrant.client.grpc.Points.RecommendInput;
import io.qdrant.client.grpc.Points.RecommendPoints;
import io.qdrant.client.grpc.Points.RecommendStrategy;
import io.qdrant.client.grpc.Points.ScoredPoint;
import io.qdrant.client.grpc.Points.TargetVector;
import io.qdrant.client.grpc.Points.VectorExample;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Cosine examples of recommend, discover and context searches, scored bit for bit on the 3-d unit points
 * of {@link CosineTestBase}. The average_vector strategy averages the examples as they are (a
 * referenced point's stored vector, a raw vector as sent: avg_vector_for_recommendation in
 * lib/collection/src/recommendations.rs and universal_query/collection_query.rs) and preprocesses only the
 * average, as the Nearest query it becomes; the other strategies and discover/context keep every example and
 * the segment's custom query scorer preprocesses each one (query.transform with CosineMetric::preprocess).
 * Tiny examples (squared length below f32::EPSILON) stay as they are, which shows in the scores.
 */
class CosineExamplesConformanceTest extends CosineTestBase {

    private static final float[] LONG = {3f, -4f, 12f};
    private static final float[] TINY = {1e-4f, 0f, 0f};

    private List<ScoredPoint> query(String c, Query query) {
        return await(client.queryAsync(QueryPoints.newBuilder().setCollectionName(c).setQuery(query).setLimit(10)
                .build()));
    }

    /** Points 1..4 with a Cosine vector "cos" ({@link #STORED}) and a Dot vector "dot" (1: [10,0,0], 2: [0,1,0]). */
    private String cosineAndDotPoints() {
        String c = uniqueName("cd");
        await(client.createCollectionAsync(CreateCollection.newBuilder().setCollectionName(c)
                .setVectorsConfig(VectorsConfig.newBuilder().setParamsMap(VectorParamsMap.newBuilder()
                        .putMap("cos", VectorParams.newBuilder().setSize(3).setDistance(Distance.Cosine).build())
                        .putMap("dot", VectorParams.newBuilder().setSize(3).setDistance(Distance.Dot).build())))
                .build()));
        float[][] dots = {null, {10f, 0f, 0f}, {0f, 1f, 0f}, {1f, 1f, 1f}, {1f, 1f, 1f}};
        for (int id = 1; id <= 4; id++) {
            await(client.upsertAsync(c, List.of(PointStruct.newBuilder().setId(id(id))
                    .setVectors(namedVectors(Map.of("cos", vector(STORED[id]), "dot", vector(dots[id])))).build())));
        }
        return c;
    }

    /** avg_vectors: the first example copied, the others added in order, then each element / count. */
    private static float[] average(float[]... vectors) {
        float[] sum = vectors[0].clone();
        for (int v = 1; v < vectors.length; v++) {
            for (int i = 0; i < sum.length; i++) {
                sum[i] += vectors[v][i];
            }
        }
        for (int i = 0; i < sum.length; i++) {
            sum[i] /= vectors.length;
        }
        return sum;
    }

    @Test
    void averageOfReferencedPointsUsesTheirStoredVectorsAndPreprocessesTheAverage() {
        String c = unitPoints();
        float[] prepared = cosinePreprocess(average(STORED[1], STORED[2]));

        List<ScoredPoint> hits = await(client.recommendAsync(RecommendPoints.newBuilder().setCollectionName(c)
                .addPositive(id(1)).addPositive(id(2)).setLimit(10).build()));

        assertScores(hits, expected(stored -> dot(prepared, stored), 3, 4), "Recommend by ids");
    }

    @Test
    void averageOfRawVectorsIsTakenBeforeAnyNormalisation() {
        String c = unitPoints();
        float[] first = {10f, 0f, 0f};
        float[] second = {0f, 1f, 0f};
        // avg = [5, 0.5, 0]: the long example dominates; normalising the examples first would give [0.5, 0.5, 0]
        float[] prepared = cosinePreprocess(average(first, second));

        assertScores(query(c, recommend(RecommendInput.newBuilder().addPositive(vectorInput(first))
                        .addPositive(vectorInput(second)).build())),
                expected(stored -> dot(prepared, stored), 1, 2, 3, 4), "Query recommend");
        assertScores(await(client.recommendAsync(RecommendPoints.newBuilder().setCollectionName(c)
                        .addPositiveVectors(vector(first)).addPositiveVectors(vector(second)).setLimit(10).build())),
                expected(stored -> dot(prepared, stored), 1, 2, 3, 4), "Recommend");
    }

    @Test
    void averageOfLookedUpVectorsUsesThemAsStoredEvenFromANonCosineVector() {
        // points 1 and 2 carry raw Dot vectors [10,0,0] and [0,1,0] next to their Cosine ones; averaging reads
        // the lookup vector as stored and only the average is preprocessed for the Cosine search
        String c = cosineAndDotPoints();
        float[] prepared = cosinePreprocess(average(new float[] {10f, 0f, 0f}, new float[] {0f, 1f, 0f}));
        LookupLocation lookup = LookupLocation.newBuilder().setCollectionName(c).setVectorName("dot").build();

        assertScores(await(client.recommendAsync(RecommendPoints.newBuilder().setCollectionName(c).setUsing("cos")
                        .setLookupFrom(lookup).addPositive(id(1)).addPositive(id(2)).setLimit(10).build())),
                expected(stored -> dot(prepared, stored), 3, 4), "Recommend with lookup_from");
        assertScores(await(client.queryAsync(QueryPoints.newBuilder().setCollectionName(c).setUsing("cos")
                        .setLookupFrom(lookup).setQuery(recommend(RecommendInput.newBuilder()
                                .addPositive(vectorInput(1)).addPositive(vectorInput(2)).build()))
                        .setLimit(10).build())),
                expected(stored -> dot(prepared, stored), 3, 4), "Query recommend with lookup_from");
    }

    @Test
    void averageWithNegativesMergesRawAveragesThenPreprocesses() {
        String c = unitPoints();
        float[] positive = average(new float[] {10f, 0f, 0f}, STORED[2]);
        float[] negative = STORED[4];
        float[] merged = new float[3];
        for (int i = 0; i < 3; i++) {
            merged[i] = positive[i] + positive[i] - negative[i]; // merge_positive_and_negative_avg
        }
        float[] prepared = cosinePreprocess(merged);

        List<ScoredPoint> hits = query(c, recommend(RecommendInput.newBuilder()
                .addPositive(vectorInput(10f, 0f, 0f)).addPositive(vectorInput(2)).addNegative(vectorInput(4))
                .build()));

        assertScores(hits, expected(stored -> dot(prepared, stored), 1, 3), "Query recommend with negative");
    }

    @Test
    void bestScoreAndSumScoresPreprocessEachExample() {
        String c = unitPoints();
        float[] positive = cosinePreprocess(LONG);

        // RecoBestScoreQuery / RecoSumScoresQuery (lib/segment/src/vector_storage/query/reco_query.rs)
        assertScores(query(c, recommend(RecommendInput.newBuilder().addPositive(vectorInput(LONG))
                        .addNegative(vectorInput(TINY)).setStrategy(RecommendStrategy.BestScore).build())),
                expected(stored -> {
                    float maxPositive = dot(positive, stored);
                    float maxNegative = dot(TINY, stored);
                    return maxPositive > maxNegative
                            ? scaledFastSigmoid(maxPositive) : -scaledFastSigmoid(maxNegative);
                }, 1, 2, 3, 4), "best_score");
        assertScores(query(c, recommend(RecommendInput.newBuilder().addPositive(vectorInput(LONG))
                        .addNegative(vectorInput(TINY)).setStrategy(RecommendStrategy.SumScores).build())),
                expected(stored -> dot(positive, stored) - dot(TINY, stored), 1, 2, 3, 4), "sum_scores");
    }

    @Test
    void discoverPreprocessesTargetAndContextExamples() {
        String c = unitPoints();
        float[] target = cosinePreprocess(LONG);
        float[] tinyPositive = {0f, 1e-4f, 0f};
        float[] negative = {0f, 0f, 5f};
        float[] preparedNegative = cosinePreprocess(negative);
        // DiscoveryQuery (discovery_query.rs): rank (+1 / -1 per pair) + scaled_fast_sigmoid(target similarity)
        var scores = expected(stored -> {
            int rank = dot(tinyPositive, stored) > dot(preparedNegative, stored) ? 1 : -1;
            return rank + scaledFastSigmoid(dot(target, stored));
        }, 1, 2, 3, 4);

        assertScores(query(c, discover(DiscoverInput.newBuilder().setTarget(vectorInput(LONG))
                .setContext(ContextInput.newBuilder().addPairs(ContextInputPair.newBuilder()
                        .setPositive(vectorInput(tinyPositive)).setNegative(vectorInput(negative)))).build())),
                scores, "Query discover");
        assertScores(await(client.discoverAsync(DiscoverPoints.newBuilder().setCollectionName(c).setLimit(10)
                .setTarget(TargetVector.newBuilder().setSingle(VectorExample.newBuilder().setVector(vector(LONG))))
                .addContext(ContextExamplePair.newBuilder()
                        .setPositive(VectorExample.newBuilder().setVector(vector(tinyPositive)))
                        .setNegative(VectorExample.newBuilder().setVector(vector(negative))))
                .build())), scores, "Discover");
    }

    @Test
    void contextPreprocessesEachPairExample() {
        String c = unitPoints();
        float[] positive = cosinePreprocess(LONG);
        // ContextQuery (context_query.rs): sum of fast_sigmoid(min(pos - neg - f32::EPSILON, 0)) over pairs
        var scores = expected(stored -> {
            float sum = 0f;
            sum += fastSigmoid(Math.min(dot(positive, stored) - dot(TINY, stored) - F32_EPSILON, 0f));
            sum += fastSigmoid(Math.min(dot(TINY, stored) - dot(STORED[3], stored) - F32_EPSILON, 0f));
            return sum;
        }, 1, 2, 4);

        assertScores(query(c, context(ContextInput.newBuilder()
                .addPairs(ContextInputPair.newBuilder().setPositive(vectorInput(LONG)).setNegative(vectorInput(TINY)))
                .addPairs(ContextInputPair.newBuilder().setPositive(vectorInput(TINY)).setNegative(vectorInput(3)))
                .build())), scores, "Query context");
    }
}
