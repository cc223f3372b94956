package io.github.qdrantscope.embedded.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.qdrant.client.WithVectorsSelectorFactory;
import io.qdrant.client.grpc.Collections.Distance;
import io.qdrant.client.grpc.Points.ScoredPoint;
import io.qdrant.client.grpc.Points.SearchPoints;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Scores per distance with hand-computable vectors (lib/segment/src/spaces/simple.rs and
 * lib/segment/src/types.rs Distance::postprocess_score / check_threshold): Cosine normalises stored and
 * query vectors and scores by dot product; Dot is raw; Euclid returns the L2 distance and Manhattan the L1
 * distance, both best-first ascending; score_threshold is strict (lib/collection/src/collection_manager/
 * segments_searcher.rs / local_shard: points at exactly the threshold are dropped).
 */
class DistanceConformanceTest extends ConformanceTestBase {

    private static final float EPS = 1e-6f;

    private List<ScoredPoint> search(String c, Float threshold, float... query) {
        SearchPoints.Builder request = SearchPoints.newBuilder().setCollectionName(c).setLimit(10)
                .setWithVectors(WithVectorsSelectorFactory.enable(true));
        for (float q : query) {
            request.addVector(q);
        }
        if (threshold != null) {
            request.setScoreThreshold(threshold);
        }
        return await(client.searchAsync(request.build()));
    }

    private static List<Float> vectorOf(ScoredPoint p) {
        return p.getVectors().getVector().getDense().getDataList();
    }

    @Test
    void cosineNormalisesStoredVectorsAndScoresByDotProduct() {
        String c = newCollection(2, Distance.Cosine);
        upsert(c, point(1, 3, 4), point(2, 1, 0), point(3, 0, 2), point(4, -1, 0));

        List<ScoredPoint> result = search(c, null, 2, 0); // the query is normalised too

        assertThat(idsOf(result)).containsExactly(2L, 1L, 3L, 4L);
        assertThat(result.get(0).getScore()).isCloseTo(1.0f, within(EPS));
        assertThat(result.get(1).getScore()).isCloseTo(0.6f, within(EPS));
        assertThat(result.get(2).getScore()).isCloseTo(0.0f, within(EPS));
        assertThat(result.get(3).getScore()).isCloseTo(-1.0f, within(EPS));
        // stored vectors come back normalised
        assertThat(vectorOf(result.get(1))).satisfiesExactly(
                x -> assertThat(x).isCloseTo(0.6f, within(EPS)),
                y -> assertThat(y).isCloseTo(0.8f, within(EPS)));
        assertThat(vectorOf(result.get(2))).satisfiesExactly(
                x -> assertThat(x).isCloseTo(0.0f, within(EPS)),
                y -> assertThat(y).isCloseTo(1.0f, within(EPS)));
    }

    @Test
    void dotIsRawAndVectorsAreStoredAsGiven() {
        String c = newCollection(2, Distance.Dot);
        upsert(c, point(1, 1, 2), point(2, 3, 4), point(3, -1, 0));

        List<ScoredPoint> result = search(c, null, 3, 4);

        assertThat(idsOf(result)).containsExactly(2L, 1L, 3L);
        assertThat(scoresOf(result)).containsExactly(25f, 11f, -3f);
        assertThat(vectorOf(result.get(0))).containsExactly(3f, 4f);
    }

    @Test
    void euclidReturnsTheL2DistanceAscending() {
        String c = newCollection(2, Distance.Euclid);
        upsert(c, point(1, 3, 4), point(2, 1, 0), point(3, 6, 8), point(4, 0, 2));

        List<ScoredPoint> result = search(c, null, 0, 0);

        assertThat(idsOf(result)).containsExactly(2L, 4L, 1L, 3L);
        assertThat(result).extracting(ScoredPoint::getScore).satisfiesExactly(
                s -> assertThat(s).isCloseTo(1f, within(EPS)),
                s -> assertThat(s).isCloseTo(2f, within(EPS)),
                s -> assertThat(s).isCloseTo(5f, within(EPS)),
                s -> assertThat(s).isCloseTo(10f, within(EPS)));
    }

    @Test
    void manhattanReturnsTheL1DistanceAscending() {
        String c = newCollection(2, Distance.Manhattan);
        upsert(c, point(1, 3, 4), point(2, 1, 0), point(3, 6, 8), point(4, -2, 2));

        List<ScoredPoint> result = search(c, null, 0, 0);

        assertThat(idsOf(result)).containsExactly(2L, 4L, 1L, 3L);
        assertThat(scoresOf(result)).containsExactly(1f, 4f, 7f, 14f);
    }

    @Test
    void cosineAndDotThresholdsKeepOnlyStrictlyGreaterScores() {
        String cosine = newCollection(2, Distance.Cosine);
        upsert(cosine, point(1, 3, 4), point(2, 1, 0), point(3, 0, 2), point(4, -1, 0));
        String dot = newCollection(2, Distance.Dot);
        upsert(dot, point(1, 1, 2), point(2, 3, 4), point(3, -1, 0));

        // point 3 scores exactly 0.0 and is dropped
        assertThat(idsOf(search(cosine, 0.0f, 1, 0))).containsExactly(2L, 1L);
        // exactly 11 is dropped, just below keeps it
        assertThat(idsOf(search(dot, 11f, 3, 4))).containsExactly(2L);
        assertThat(idsOf(search(dot, 10.5f, 3, 4))).containsExactly(2L, 1L);
    }

    @Test
    void euclidAndManhattanThresholdsKeepOnlyStrictlySmallerDistances() {
        String euclid = newCollection(2, Distance.Euclid);
        upsert(euclid, point(1, 3, 4), point(2, 1, 0), point(3, 6, 8), point(4, 0, 2));
        String manhattan = newCollection(2, Distance.Manhattan);
        upsert(manhattan, point(1, 3, 4), point(2, 1, 0), point(3, 6, 8), point(4, -2, 2));

        // distance exactly 5 (resp. 7) is dropped
        assertThat(idsOf(search(euclid, 5f, 0, 0))).containsExactly(2L, 4L);
        assertThat(idsOf(search(euclid, 5.5f, 0, 0))).containsExactly(2L, 4L, 1L);
        assertThat(idsOf(search(manhattan, 7f, 0, 0))).containsExactly(2L, 4L);
    }

    @Test
    void zeroThresholdForCosineDropsOrthogonalAndOpposite() {
        // Spring AI sends score_threshold 0.0 to mean "all"; with Qdrant that still drops scores <= 0
        String c = newCollection(2, Distance.Cosine);
        upsert(c, point(1, 1, 1), point(2, -1, 1), point(3, -1, -1));

        assertThat(idsOf(search(c, 0.0f, 1, 1))).containsExactly(1L);
    }

    @Test
    void cosineKeepsAZeroVectorAsIs() {
        String c = newCollection(2, Distance.Cosine);
        upsert(c, point(1, 0, 0), point(2, 1, 0));

        // lib/segment/src/spaces/simple.rs cosine_preprocess: a zero-length vector is returned unchanged
        List<ScoredPoint> result = search(c, null, 1, 0);

        assertThat(idsOf(result)).containsExactly(2L, 1L);
        assertThat(vectorOf(result.get(1))).containsExactly(0f, 0f);
        assertThat(result.get(1).getScore()).isZero();
    }
}
