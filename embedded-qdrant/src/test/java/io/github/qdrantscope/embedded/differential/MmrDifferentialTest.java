package io.github.qdrantscope.embedded.differential;

import io.qdrant.client.grpc.Collections.Distance;
import io.qdrant.client.grpc.Common.Condition;
import io.qdrant.client.grpc.Common.FieldCondition;
import io.qdrant.client.grpc.Common.Filter;
import io.qdrant.client.grpc.Common.PointId;
import io.qdrant.client.grpc.Common.Range;
import io.qdrant.client.grpc.Points.DenseVector;
import io.qdrant.client.grpc.Points.Mmr;
import io.qdrant.client.grpc.Points.NearestInputWithMmr;
import io.qdrant.client.grpc.Points.Query;
import io.qdrant.client.grpc.Points.QueryPoints;
import io.qdrant.client.grpc.Points.VectorInput;
import io.qdrant.client.grpc.Points.WithPayloadSelector;
import io.qdrant.client.grpc.Points.WithVectorsSelector;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Query {@code nearest_with_mmr} against Qdrant's engine (Edge): per seed an unnamed vector of 3 to 6
 * dimensions under one of the four distances, 30 points, and MMR queries by a vector or a point id with
 * diversity 0 to 1 (or the default), candidates_limit below, at or above the limit (or the default), offset,
 * filter and threshold (with vectors: {@code setWithVectors} below says why). Components are multiples of 1/64
 * in [-1, 1], so equal values are rare; a query with equal scores at the candidates cut (Qdrant's candidate
 * set is then one of several) is only checked for succeeding, and the run prints how many.
 */
class MmrDifferentialTest extends SeededDifferentialTest {

    private static final int SEEDS = 16;
    private static final int POINTS = 30;

    // vector components are multiples of 1/64
    private static final int LEVELS = 64;
    private static final Distance[] DISTANCES = {Distance.Cosine, Distance.Dot, Distance.Euclid, Distance.Manhattan};


    @Test
    void mmrQueriesAgreeWithQdrantsEngine() {
        int ambiguous = assertSeedsAgree(SEEDS, (run, seed, random) -> {
            int dim = 3 + random.nextInt(4);
            Distance distance = DISTANCES[(int) (seed % 4)];
            return run.run(seed, new Data(new Random(seed), List.of(new Data.Space("", dim, distance))),
                    steps(seed, random, dim, distance));
        });
        System.out.printf("MmrDifferentialTest: %d seeds, %d queries only checked for success (equal scores at"
                + " the candidates cut)%n", SEEDS, ambiguous);
    }

    private static List<Step> steps(long seed, Random random, int dim, Distance distance) {
        String collection = "mmr_diff_" + seed;
        return DenseScenario.steps(collection, random, dim, distance, POINTS, LEVELS,
                () -> query(collection, random, dim));
    }

    private static DenseVector dense(Random random, int dim) {
        return DenseScenario.dense(random, dim, LEVELS);
    }

    private static QueryPoints query(String collection, Random random, int dim) {
        VectorInput nearest = random.nextInt(4) == 0
                ? VectorInput.newBuilder().setId(PointId.newBuilder().setNum(1 + random.nextInt(POINTS))).build()
                : VectorInput.newBuilder().setDense(dense(random, dim)).build();
        int limit = 1 + random.nextInt(8);
        Mmr.Builder mmr = Mmr.newBuilder();
        if (random.nextInt(4) != 0) {
            mmr.setDiversity(random.nextInt(5) / 4f);
        }
        if (random.nextInt(4) != 0) {
            mmr.setCandidatesLimit(1 + random.nextInt(20));
        }
        QueryPoints.Builder b = QueryPoints.newBuilder().setCollectionName(collection).setLimit(limit)
                .setQuery(Query.newBuilder().setNearestWithMmr(NearestInputWithMmr.newBuilder()
                        .setNearest(nearest).setMmr(mmr)))
                .setWithPayload(WithPayloadSelector.newBuilder().setEnable(random.nextBoolean()))
                // always with vectors: Edge 0.9.0 attaches the MMR vector to its hits even when none are asked
                // for (its candidates are fetched with it); the embedded server returns what with_vectors asks
                .setWithVectors(WithVectorsSelector.newBuilder().setEnable(true));
        if (random.nextInt(3) == 0) {
            b.setOffset(random.nextInt(3));
        }
        if (random.nextInt(4) == 0) {
            b.setScoreThreshold((random.nextInt(9) - 2) / 4f);
        }
        if (random.nextInt(3) == 0) {
            b.setFilter(Filter.newBuilder().addMust(Condition.newBuilder().setField(FieldCondition.newBuilder()
                    .setKey("k").setRange(Range.newBuilder().setGte(random.nextInt(10))))));
        }
        return b.build();
    }
}
