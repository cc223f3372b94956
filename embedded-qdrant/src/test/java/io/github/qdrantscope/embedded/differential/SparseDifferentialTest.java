package io.github.qdrantscope.embedded.differential;

import io.qdrant.client.grpc.Collections.CreateCollection;
import io.qdrant.client.grpc.Collections.Distance;
import io.qdrant.client.grpc.Collections.Modifier;
import io.qdrant.client.grpc.Collections.SparseVectorConfig;
import io.qdrant.client.grpc.Collections.SparseVectorParams;
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
import io.qdrant.client.grpc.Points.CountPoints;
import io.qdrant.client.grpc.Points.DenseVector;
import io.qdrant.client.grpc.Points.NamedVectors;
import io.qdrant.client.grpc.Points.PointStruct;
import io.qdrant.client.grpc.Points.Fusion;
import io.qdrant.client.grpc.Points.PointVectors;
import io.qdrant.client.grpc.Points.PrefetchQuery;
import io.qdrant.client.grpc.Points.Query;
import io.qdrant.client.grpc.Points.QueryPoints;
import io.qdrant.client.grpc.Points.RecommendInput;
import io.qdrant.client.grpc.Points.RecommendStrategy;
import io.qdrant.client.grpc.Points.Rrf;
import io.qdrant.client.grpc.Points.ContextInput;
import io.qdrant.client.grpc.Points.ContextInputPair;
import io.qdrant.client.grpc.Points.DiscoverInput;
import io.qdrant.client.grpc.Points.SearchPoints;
import io.qdrant.client.grpc.Points.SparseIndices;
import io.qdrant.client.grpc.Points.SparseVector;
import io.qdrant.client.grpc.Points.UpdatePointVectors;
import io.qdrant.client.grpc.Points.UpsertPoints;
import io.qdrant.client.grpc.Points.Vector;
import io.qdrant.client.grpc.Points.VectorInput;
import io.qdrant.client.grpc.Points.Vectors;
import io.qdrant.client.grpc.Points.WithPayloadSelector;
import io.qdrant.client.grpc.Points.WithVectorsSelector;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Sparse vectors against Qdrant's engine (Edge): a dense and a sparse vector per collection, upserts and
 * vector updates with sparse vectors sent unsorted (some empty), stored points read back after every
 * write, a has_vector count, and sparse {@code nearest}, recommend (average_vector, best_score, sum_scores),
 * discover and context queries of sparse vectors and of points' stored ones (by id), with limit, offset, filter
 * and threshold, hybrid queries fusing a sparse and a dense prefetch (RRF, RRF with k, DBSF), and nearest in the
 * classic Search form ({@code sparse_indices});
 * even seeds give the sparse vector the {@code idf} modifier (no deletes: Qdrant's segments keep deleted
 * points in their idf statistics for a while, docs/embedded-qdrant.md).
 * Values are positive grid fractions: a shared index then always adds to the score, so no point's overlap
 * sums to exactly 0, the one case the embedded server does not match (docs/embedded-qdrant.md).
 */
class SparseDifferentialTest extends SeededDifferentialTest {

    private static final int SEEDS = 12;
    private static final int MAX_INDEX = 12;


    @Test
    void sparseWritesAndQueriesAgreeWithQdrantsEngine() {
        assertSeedsAgree(SEEDS, (run, seed, random) -> run.run(seed, new Data(new Random(seed)), steps(seed, random)));
    }

    private static List<Step> steps(long seed, Random random) {
        String collection = "sparse_diff_" + seed;
        List<Step> steps = new ArrayList<>();
        steps.add(new Step(Step.Op.RESET, CreateCollection.newBuilder().setCollectionName(collection)
                .setVectorsConfig(VectorsConfig.newBuilder().setParamsMap(VectorParamsMap.newBuilder()
                        .putMap("d", VectorParams.newBuilder().setSize(2).setDistance(Distance.Dot).build())))
                .setSparseVectorsConfig(SparseVectorConfig.newBuilder()
                        .putMap("s", seed % 2 == 0
                                ? SparseVectorParams.newBuilder().setModifier(Modifier.Idf).build()
                                : SparseVectorParams.getDefaultInstance()))
                .build()));
        UpsertPoints.Builder upsert = UpsertPoints.newBuilder().setCollectionName(collection).setWait(true);
        for (int id = 1; id <= 25; id++) {
            NamedVectors.Builder named = NamedVectors.newBuilder().putVectors("d", Vector.newBuilder()
                    .setDense(DenseVector.newBuilder()
                            .addData(random.nextInt(5)).addData(random.nextInt(5))).build());
            int kind = random.nextInt(8);
            if (kind == 0) {
                named.putVectors("s", Vector.newBuilder().setSparse(SparseVector.getDefaultInstance()).build());
            } else if (kind > 2) {
                named.putVectors("s", sparse(random));
            }
            upsert.addPoints(PointStruct.newBuilder().setId(PointId.newBuilder().setNum(id))
                    .setVectors(Vectors.newBuilder().setVectors(named))
                    .putPayload("k", Value.newBuilder().setIntegerValue(random.nextInt(10)).build()));
        }
        steps.add(new Step(Step.Op.UPSERT, upsert.build()));
        PointVectors update = PointVectors.newBuilder().setId(PointId.newBuilder().setNum(1 + random.nextInt(25)))
                .setVectors(Vectors.newBuilder().setVectors(NamedVectors.newBuilder().putVectors("s", sparse(random))))
                .build();
        steps.add(new Step(Step.Op.UPDATE_VECTORS, UpdatePointVectors.newBuilder().setCollectionName(collection)
                .setWait(true).addPoints(update).build()));
        steps.add(new Step(Step.Op.COUNT, CountPoints.newBuilder().setCollectionName(collection).setExact(true)
                .setFilter(Filter.newBuilder().addMust(Condition.newBuilder()
                        .setHasVector(HasVectorCondition.newBuilder().setHasVector("s")))).build()));
        for (int i = 0; i < 14; i++) {
            steps.add(new Step(Step.Op.QUERY, query(collection, random)));
        }
        for (int i = 0; i < 3; i++) {
            steps.add(new Step(Step.Op.SEARCH, legacySearch(collection, random)));
        }
        return steps;
    }

    /** 1 to 5 distinct indices below {@link #MAX_INDEX} in random order, values k/4 for k in 1..8. */
    private static Vector sparse(Random random) {
        List<Integer> indices = new ArrayList<>();
        for (int i = 0; i < MAX_INDEX; i++) {
            indices.add(i);
        }
        Collections.shuffle(indices, random);
        int n = 1 + random.nextInt(5);
        SparseVector.Builder sparse = SparseVector.newBuilder();
        for (int i = 0; i < n; i++) {
            sparse.addIndices(indices.get(i)).addValues((1 + random.nextInt(8)) / 4f);
        }
        return Vector.newBuilder().setSparse(sparse).build();
    }

    /** The classic Search form of a sparse query: values in {@code vector}, indices in {@code sparse_indices}. */
    private static SearchPoints legacySearch(String collection, Random random) {
        SparseVector q = sparse(random).getSparse();
        SearchPoints.Builder b = SearchPoints.newBuilder().setCollectionName(collection).setVectorName("s")
                .addAllVector(q.getValuesList())
                .setSparseIndices(SparseIndices.newBuilder().addAllData(q.getIndicesList()))
                .setLimit(1 + random.nextInt(10))
                .setWithPayload(WithPayloadSelector.newBuilder().setEnable(random.nextBoolean()));
        if (random.nextInt(3) == 0) {
            b.setScoreThreshold((1 + random.nextInt(8)) / 4f);
        }
        return b.build();
    }

    /**
     * A sparse example: a vector sent, or (one in three) a point's stored sparse vector by id (a point may lack
     * it or hold an empty one).
     */
    private static VectorInput example(Random random) {
        return random.nextInt(3) == 0 ? VectorInput.newBuilder().setId(PointId.newBuilder().setNum(1 + random.nextInt(25)))
                .build() : VectorInput.newBuilder().setSparse(sparse(random).getSparse()).build();
    }

    /**
     * A sparse nearest, or a recommend (all three strategies, one or two positives, none to two negatives),
     * discover or context query of sparse examples.
     */
    private static Query vectorQuery(Random random) {
        int kind = random.nextInt(8);
        if (kind < 3) {
            RecommendInput.Builder r = RecommendInput.newBuilder().setStrategy(RecommendStrategy.forNumber(kind));
            int positives = 1 + random.nextInt(2);
            for (int i = 0; i < positives; i++) {
                r.addPositive(example(random));
            }
            int negatives = random.nextInt(3);
            for (int i = 0; i < negatives; i++) {
                r.addNegative(example(random));
            }
            return Query.newBuilder().setRecommend(r).build();
        }
        if (kind < 5) {
            ContextInput.Builder c = ContextInput.newBuilder();
            int pairs = 1 + random.nextInt(2);
            for (int i = 0; i < pairs; i++) {
                c.addPairs(ContextInputPair.newBuilder().setPositive(example(random)).setNegative(example(random)));
            }
            return kind == 3 ? Query.newBuilder().setContext(c).build() : Query.newBuilder()
                    .setDiscover(DiscoverInput.newBuilder().setTarget(example(random)).setContext(c)).build();
        }
        return Query.newBuilder().setNearest(example(random)).build();
    }

    /** One in four: a hybrid query, a sparse and a dense prefetch fused by RRF, RRF with k, or DBSF. */
    private static QueryPoints query(String collection, Random random) {
        QueryPoints.Builder b = QueryPoints.newBuilder().setCollectionName(collection);
        if (random.nextInt(4) == 0) {
            b.addPrefetch(PrefetchQuery.newBuilder().setUsing("s").setLimit(2 + random.nextInt(8))
                    .setQuery(Query.newBuilder().setNearest(example(random))));
            b.addPrefetch(PrefetchQuery.newBuilder().setUsing("d").setLimit(2 + random.nextInt(8))
                    .setQuery(Query.newBuilder().setNearest(VectorInput.newBuilder().setDense(DenseVector.newBuilder()
                            .addData(random.nextInt(5)).addData(1 + random.nextInt(4))))));
            b.setQuery(switch (random.nextInt(3)) {
                case 0 -> Query.newBuilder().setFusion(Fusion.RRF).build();
                case 1 -> Query.newBuilder().setFusion(Fusion.DBSF).build();
                default -> Query.newBuilder().setRrf(Rrf.newBuilder().setK(1 + random.nextInt(10))).build();
            });
        } else {
            b.setUsing("s").setQuery(vectorQuery(random));
        }
        b.setLimit(1 + random.nextInt(10))
                .setWithPayload(WithPayloadSelector.newBuilder().setEnable(random.nextBoolean()))
                .setWithVectors(WithVectorsSelector.newBuilder().setEnable(random.nextBoolean()));
        if (random.nextInt(3) == 0) {
            b.setOffset(random.nextInt(4));
        }
        if (random.nextInt(3) == 0) {
            b.setScoreThreshold((1 + random.nextInt(8)) / 4f);
        }
        if (random.nextInt(3) == 0) {
            b.setFilter(Filter.newBuilder().addMust(Condition.newBuilder().setField(FieldCondition.newBuilder()
                    .setKey("k").setRange(Range.newBuilder().setGte(random.nextInt(10))))));
        }
        return b.build();
    }
}
