package io.github.qdrantscope.embedded.differential;

import io.qdrant.client.grpc.Collections.CreateCollection;
import io.qdrant.client.grpc.Collections.Distance;
import io.qdrant.client.grpc.Collections.MultiVectorComparator;
import io.qdrant.client.grpc.Collections.MultiVectorConfig;
import io.qdrant.client.grpc.Collections.VectorParams;
import io.qdrant.client.grpc.Collections.VectorParamsMap;
import io.qdrant.client.grpc.Collections.VectorsConfig;
import io.qdrant.client.grpc.Common.Condition;
import io.qdrant.client.grpc.Common.FieldCondition;
import io.qdrant.client.grpc.Common.Filter;
import io.qdrant.client.grpc.Common.HasVectorCondition;
import io.qdrant.client.grpc.Common.PointId;
import io.qdrant.client.grpc.Common.Range;
import io.qdrant.client.grpc.JsonWithInt.Value;
import io.qdrant.client.grpc.Points.ContextInput;
import io.qdrant.client.grpc.Points.ContextInputPair;
import io.qdrant.client.grpc.Points.CountPoints;
import io.qdrant.client.grpc.Points.DenseVector;
import io.qdrant.client.grpc.Points.DiscoverInput;
import io.qdrant.client.grpc.Points.MultiDenseVector;
import io.qdrant.client.grpc.Points.NamedVectors;
import io.qdrant.client.grpc.Points.PointStruct;
import io.qdrant.client.grpc.Points.PointVectors;
import io.qdrant.client.grpc.Points.PrefetchQuery;
import io.qdrant.client.grpc.Points.Query;
import io.qdrant.client.grpc.Points.QueryPoints;
import io.qdrant.client.grpc.Points.RecommendInput;
import io.qdrant.client.grpc.Points.RecommendStrategy;
import io.qdrant.client.grpc.Points.SearchPoints;
import io.qdrant.client.grpc.Points.UpdatePointVectors;
import io.qdrant.client.grpc.Points.UpsertPoints;
import io.qdrant.client.grpc.Points.Vector;
import io.qdrant.client.grpc.Points.VectorInput;
import io.qdrant.client.grpc.Points.Vectors;
import io.qdrant.client.grpc.Points.WithPayloadSelector;
import io.qdrant.client.grpc.Points.WithVectorsSelector;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Multivectors against Qdrant's engine (Edge): per seed a multivector of 2 to 4 dimensions per sub-vector
 * under one of the four distances, unnamed or named beside a dense vector; an upsert of 1 to 3 sub-vectors
 * per point in both wire forms ({@code multi_dense}, and the deprecated {@code data} + {@code vectors_count})
 * and as a plain dense vector (a multivector of one), a vector update, stored points read back after every
 * write, a has_vector count, and MaxSim queries: {@code nearest}, recommend (each strategy), discover and
 * context, with examples as multivectors, dense vectors and ids, classic Search, a dense prefetch re-scored by the
 * multivector, with limit, offset, filter and threshold. Components are multiples of 1/4, on which Dot, Euclid and Manhattan MaxSim scores are exact.
 */
class MultivectorDifferentialTest extends SeededDifferentialTest {

    private static final int SEEDS = 16;
    private static final int POINTS = 20;
    private static final Distance[] DISTANCES = {Distance.Cosine, Distance.Dot, Distance.Euclid, Distance.Manhattan};


    @Test
    void multivectorWritesAndQueriesAgreeWithQdrantsEngine() {
        assertSeedsAgree(SEEDS, (run, seed, random) -> {
            Setup setup = new Setup(random.nextBoolean(), 2 + random.nextInt(3), DISTANCES[random.nextInt(4)]);
            List<Data.Space> spaces = setup.unnamed()
                    ? List.of(new Data.Space("", setup.dim(), setup.distance()))
                    : List.of(new Data.Space("m", setup.dim(), setup.distance()), new Data.Space("d", 2, Distance.Dot));
            return run.run(seed, new Data(new Random(seed), spaces), steps(seed, random, setup));
        });
    }

    private record Setup(boolean unnamed, int dim, Distance distance) {
        String multiName() {
            return unnamed ? "" : "m";
        }
    }

    private static List<Step> steps(long seed, Random random, Setup setup) {
        String collection = "multi_diff_" + seed;
        VectorParams multi = VectorParams.newBuilder().setSize(setup.dim()).setDistance(setup.distance())
                .setMultivectorConfig(MultiVectorConfig.newBuilder().setComparator(MultiVectorComparator.MaxSim))
                .build();
        VectorsConfig config = setup.unnamed() ? VectorsConfig.newBuilder().setParams(multi).build()
                : VectorsConfig.newBuilder().setParamsMap(VectorParamsMap.newBuilder().putMap("m", multi)
                        .putMap("d", VectorParams.newBuilder().setSize(2).setDistance(Distance.Dot).build())).build();
        List<Step> steps = new ArrayList<>();
        steps.add(new Step(Step.Op.RESET, CreateCollection.newBuilder().setCollectionName(collection)
                .setVectorsConfig(config).build()));
        UpsertPoints.Builder upsert = UpsertPoints.newBuilder().setCollectionName(collection).setWait(true);
        for (int id = 1; id <= POINTS; id++) {
            upsert.addPoints(PointStruct.newBuilder().setId(PointId.newBuilder().setNum(id))
                    .setVectors(vectors(random, setup, true))
                    .putPayload("k", Value.newBuilder().setIntegerValue(random.nextInt(10)).build()));
        }
        steps.add(new Step(Step.Op.UPSERT, upsert.build()));
        steps.add(new Step(Step.Op.UPDATE_VECTORS, UpdatePointVectors.newBuilder().setCollectionName(collection)
                .setWait(true).addPoints(PointVectors.newBuilder()
                        .setId(PointId.newBuilder().setNum(1 + random.nextInt(POINTS)))
                        .setVectors(vectors(random, setup, false)))
                .build()));
        if (!setup.unnamed()) {
            // named only: every point has the unnamed vector, and the oracle reads has_vector "" as absent
            steps.add(new Step(Step.Op.COUNT, CountPoints.newBuilder().setCollectionName(collection).setExact(true)
                    .setFilter(Filter.newBuilder().addMust(Condition.newBuilder()
                            .setHasVector(HasVectorCondition.newBuilder().setHasVector("m")))).build()));
        }
        for (int i = 0; i < 16; i++) {
            steps.add(random.nextInt(6) == 0 ? search(collection, random, setup)
                    : new Step(Step.Op.QUERY, query(collection, random, setup)));
        }
        return steps;
    }

    /** The point's vectors; named collections leave the multivector out of some points (when allowed). */
    private static Vectors vectors(Random random, Setup setup, boolean mayLackMulti) {
        Vector multi = multiVector(random, setup.dim());
        if (setup.unnamed()) {
            return Vectors.newBuilder().setVector(multi).build();
        }
        NamedVectors.Builder named = NamedVectors.newBuilder();
        if (!mayLackMulti || random.nextInt(5) != 0) {
            named.putVectors("m", multi);
        }
        named.putVectors("d", Vector.newBuilder().setDense(dense(random, 2)).build());
        return Vectors.newBuilder().setVectors(named).build();
    }

    /** 1 to 3 sub-vectors, as multi_dense, in the deprecated flattened form, or (one row) as a dense vector. */
    @SuppressWarnings("deprecation")
    private static Vector multiVector(Random random, int dim) {
        int rows = 1 + random.nextInt(3);
        MultiDenseVector.Builder multi = MultiDenseVector.newBuilder();
        for (int r = 0; r < rows; r++) {
            multi.addVectors(dense(random, dim));
        }
        int form = random.nextInt(4);
        if (form == 0) {
            Vector.Builder flat = Vector.newBuilder().setVectorsCount(rows);
            multi.getVectorsList().forEach(v -> flat.addAllData(v.getDataList()));
            return flat.build();
        }
        if (form == 1 && rows == 1) {
            return Vector.newBuilder().setDense(multi.getVectors(0)).build();
        }
        return Vector.newBuilder().setMultiDense(multi).build();
    }

    /** Components k/4 for k in -4..4, not all zero (a zero sub-vector has no Cosine direction). */
    private static DenseVector dense(Random random, int dim) {
        DenseVector.Builder d = DenseVector.newBuilder();
        for (int i = 0; i < dim; i++) {
            d.addData((random.nextInt(9) - 4) / 4f);
        }
        if (d.getDataList().stream().allMatch(f -> f == 0f)) {
            d.setData(0, 1f);
        }
        return d.build();
    }

    /** An example: a dense vector (a multivector of one row), a point's stored multivector by id, or a multivector. */
    private static VectorInput input(Random random, Setup setup) {
        return switch (random.nextInt(4)) {
            case 0 -> VectorInput.newBuilder().setDense(dense(random, setup.dim())).build();
            case 1 -> VectorInput.newBuilder().setId(PointId.newBuilder().setNum(1 + random.nextInt(POINTS))).build();
            default -> {
                MultiDenseVector.Builder m = MultiDenseVector.newBuilder();
                int rows = 1 + random.nextInt(3);
                for (int r = 0; r < rows; r++) {
                    m.addVectors(dense(random, setup.dim()));
                }
                yield VectorInput.newBuilder().setMultiDense(m).build();
            }
        };
    }

    /** MaxSim nearest (half), or a recommend (each strategy), discover or context query of multivector examples. */
    private static Query vectorQuery(Random random, Setup setup) {
        int kind = random.nextInt(12);
        if (kind < 3) {
            RecommendInput.Builder r = RecommendInput.newBuilder().setStrategy(RecommendStrategy.forNumber(kind));
            int positives = 1 + random.nextInt(2);
            for (int i = 0; i < positives; i++) {
                r.addPositive(input(random, setup));
            }
            int negatives = random.nextInt(2);
            for (int i = 0; i < negatives; i++) {
                r.addNegative(input(random, setup));
            }
            return Query.newBuilder().setRecommend(r).build();
        }
        if (kind < 6) {
            ContextInput.Builder c = ContextInput.newBuilder();
            int pairs = 1 + random.nextInt(2);
            for (int i = 0; i < pairs; i++) {
                c.addPairs(ContextInputPair.newBuilder().setPositive(input(random, setup))
                        .setNegative(input(random, setup)));
            }
            return kind < 4 ? Query.newBuilder().setContext(c).build() : Query.newBuilder()
                    .setDiscover(DiscoverInput.newBuilder().setTarget(input(random, setup)).setContext(c)).build();
        }
        return Query.newBuilder().setNearest(input(random, setup)).build();
    }

    private static QueryPoints query(String collection, Random random, Setup setup) {
        QueryPoints.Builder b = QueryPoints.newBuilder().setCollectionName(collection).setUsing(setup.multiName())
                .setQuery(vectorQuery(random, setup))
                .setLimit(1 + random.nextInt(10))
                .setWithPayload(WithPayloadSelector.newBuilder().setEnable(random.nextBoolean()))
                .setWithVectors(WithVectorsSelector.newBuilder().setEnable(random.nextBoolean()));
        if (!setup.unnamed() && random.nextInt(3) == 0) {
            b.addPrefetch(PrefetchQuery.newBuilder().setUsing("d").setLimit(3 + random.nextInt(8))
                    .setQuery(Query.newBuilder().setNearest(VectorInput.newBuilder().setDense(dense(random, 2)))));
        }
        decorate(random, b::setOffset, b::setScoreThreshold, b::setFilter);
        return b.build();
    }

    private static Step search(String collection, Random random, Setup setup) {
        SearchPoints.Builder b = SearchPoints.newBuilder().setCollectionName(collection)
                .addAllVector(dense(random, setup.dim()).getDataList()).setLimit(1 + random.nextInt(10))
                .setWithPayload(WithPayloadSelector.newBuilder().setEnable(random.nextBoolean()));
        if (!setup.unnamed()) {
            b.setVectorName("m");
        }
        decorate(random, b::setOffset, b::setScoreThreshold, b::setFilter);
        return new Step(Step.Op.SEARCH, b.build());
    }

    private static void decorate(Random random, java.util.function.LongConsumer offset,
            java.util.function.Consumer<Float> threshold, java.util.function.Consumer<Filter> filter) {
        if (random.nextInt(3) == 0) {
            offset.accept(random.nextInt(4));
        }
        if (random.nextInt(3) == 0) {
            threshold.accept((random.nextInt(13) - 4) / 4f);
        }
        if (random.nextInt(3) == 0) {
            filter.accept(Filter.newBuilder().addMust(Condition.newBuilder().setField(FieldCondition.newBuilder()
                    .setKey("k").setRange(Range.newBuilder().setGte(random.nextInt(10))))).build());
        }
    }
}
