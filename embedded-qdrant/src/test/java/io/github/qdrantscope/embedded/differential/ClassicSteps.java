package io.github.qdrantscope.embedded.differential;

import io.qdrant.client.grpc.Points.ContextExamplePair;
import io.qdrant.client.grpc.Points.DiscoverBatchPoints;
import io.qdrant.client.grpc.Points.DiscoverPoints;
import io.qdrant.client.grpc.Points.QueryBatchPoints;
import io.qdrant.client.grpc.Points.RecommendBatchPoints;
import io.qdrant.client.grpc.Points.RecommendPointGroups;
import io.qdrant.client.grpc.Points.RecommendPoints;
import io.qdrant.client.grpc.Points.RecommendStrategy;
import io.qdrant.client.grpc.Points.SearchBatchPoints;
import io.qdrant.client.grpc.Points.SearchPointGroups;
import io.qdrant.client.grpc.Points.TargetVector;
import io.qdrant.client.grpc.Points.VectorExample;
import java.util.Random;

/**
 * The batch RPCs (SearchBatch, QueryBatch, RecommendBatch, DiscoverBatch) and the classic Recommend, Discover,
 * SearchGroups and RecommendGroups RPCs in the random
 * {@link Scenario}s. Whether a read slot takes one of these forms comes from a random stream of its own; the
 * requests themselves draw from the scenario's data like every other read. The oracle answers each as the single
 * requests Qdrant's collection layer turns them into ({@code edge_classic.py}).
 */
final class ClassicSteps {

    private final Random random;
    private final Data data;
    private final Filters filters;
    private final Queries queries;
    private final String collection;

    ClassicSteps(long seed, Data data, Filters filters, Queries queries, String collection) {
        this.random = new Random(seed * 0x2545F4914F6CDD1DL + 29);
        this.data = data;
        this.filters = filters;
        this.queries = queries;
        this.collection = collection;
    }

    /** In a Search slot: one in six a SearchBatch of one to three searches, else null (a plain Search). */
    Step search() {
        if (random.nextInt(6) != 0) {
            return null;
        }
        SearchBatchPoints.Builder b = SearchBatchPoints.newBuilder().setCollectionName(collection);
        int n = 1 + random.nextInt(3);
        for (int i = 0; i < n; i++) {
            b.addSearchPoints(queries.search());
        }
        return new Step(Step.Op.SEARCH_BATCH, b.build());
    }

    /**
     * In a Query slot: a QueryBatch, a classic Recommend or a classic Discover (one in six each), a RecommendBatch or
     * a DiscoverBatch (one in twelve each), else null.
     */
    Step query() {
        return switch (random.nextInt(12)) {
            case 0, 7 -> {
                QueryBatchPoints.Builder b = QueryBatchPoints.newBuilder().setCollectionName(collection);
                int n = 1 + random.nextInt(3);
                for (int i = 0; i < n; i++) {
                    b.addQueryPoints(queries.query());
                }
                yield new Step(Step.Op.QUERY_BATCH, b.build());
            }
            case 1, 2 -> new Step(Step.Op.RECOMMEND, recommend());
            case 3, 4 -> new Step(Step.Op.DISCOVER, discover());
            case 5 -> {
                RecommendBatchPoints.Builder b = RecommendBatchPoints.newBuilder().setCollectionName(collection);
                b.addRecommendPoints(recommend());
                if (random.nextBoolean()) {
                    b.addRecommendPoints(recommend());
                }
                yield new Step(Step.Op.RECOMMEND_BATCH, b.build());
            }
            case 6 -> {
                DiscoverBatchPoints.Builder b = DiscoverBatchPoints.newBuilder().setCollectionName(collection);
                b.addDiscoverPoints(discover());
                if (random.nextBoolean()) {
                    b.addDiscoverPoints(discover());
                }
                yield new Step(Step.Op.DISCOVER_BATCH, b.build());
            }
            default -> null;
        };
    }

    /** In a QueryGroups slot: one in three a classic SearchGroups, one in six a RecommendGroups, else null. */
    Step groups() {
        int form = random.nextInt(6);
        if (form == 2) {
            RecommendPoints r = recommend();
            RecommendPointGroups.Builder g = RecommendPointGroups.newBuilder().setCollectionName(collection)
                    .addAllPositive(r.getPositiveList()).addAllNegative(r.getNegativeList())
                    .addAllPositiveVectors(r.getPositiveVectorsList()).addAllNegativeVectors(r.getNegativeVectorsList())
                    .setStrategy(r.getStrategy()).setGroupBy(data.pick(new String[] {"color", "n", "tags", "nums", "f"}))
                    .setGroupSize(1 + data.random.nextInt(3)).setLimit(1 + data.random.nextInt(5));
            if (r.hasUsing()) {
                g.setUsing(r.getUsing());
            }
            if (r.hasFilter()) {
                g.setFilter(r.getFilter());
            }
            return new Step(Step.Op.RECOMMEND_GROUPS, g.build());
        }
        if (form > 1) {
            return null;
        }
        Data.Space space = data.space();
        SearchPointGroups.Builder g = SearchPointGroups.newBuilder().setCollectionName(collection)
                .setGroupBy(data.pick(new String[] {"color", "n", "tags", "nums", "f"}))
                .setGroupSize(1 + data.random.nextInt(3)).setLimit(1 + data.random.nextInt(5));
        for (float f : data.vector(space.dim())) {
            g.addVector(f);
        }
        if (!space.name().isEmpty()) {
            g.setVectorName(space.name());
        }
        if (data.chance(30)) {
            g.setFilter(filters.filter(1));
        }
        return new Step(Step.Op.SEARCH_GROUPS, g.build());
    }

    /** Positive and negative ids and vectors, each strategy; average_vector with at least one positive. */
    private RecommendPoints recommend() {
        Data.Space space = data.space();
        int strategy = data.random.nextInt(3);
        RecommendPoints.Builder r = RecommendPoints.newBuilder().setCollectionName(collection)
                .setLimit(1 + data.random.nextInt(10)).setWithPayload(queries.withPayload())
                .setWithVectors(queries.withVectors()).setStrategy(RecommendStrategy.forNumber(strategy));
        if (!space.name().isEmpty() || data.chance(30)) {
            r.setUsing(space.name());
        }
        int positives = (strategy == 0 ? 1 : 0) + data.random.nextInt(3);
        for (int i = 0; i < positives; i++) {
            if (data.chance(50)) {
                r.addPositive(data.id());
            } else {
                r.addPositiveVectors(Data.dense(data.vector(space.dim())));
            }
        }
        int negatives = (positives == 0 ? 1 : 0) + data.random.nextInt(2);
        for (int i = 0; i < negatives; i++) {
            if (data.chance(50)) {
                r.addNegative(data.id());
            } else {
                r.addNegativeVectors(Data.dense(data.vector(space.dim())));
            }
        }
        if (data.chance(30)) {
            r.setFilter(filters.filter(2));
        }
        if (data.chance(25)) {
            r.setOffset(data.random.nextInt(4));
        }
        if (data.chance(20)) {
            r.setScoreThreshold(queries.threshold(space.distance()));
        }
        return r.build();
    }

    /** A target and one or two pairs, or (three in ten) pairs alone: a context search. */
    private DiscoverPoints discover() {
        Data.Space space = data.space();
        DiscoverPoints.Builder d = DiscoverPoints.newBuilder().setCollectionName(collection)
                .setLimit(1 + data.random.nextInt(10)).setWithPayload(queries.withPayload())
                .setWithVectors(queries.withVectors());
        if (!space.name().isEmpty() || data.chance(30)) {
            d.setUsing(space.name());
        }
        if (data.chance(70)) {
            d.setTarget(TargetVector.newBuilder().setSingle(example(space)));
        }
        int pairs = 1 + data.random.nextInt(2);
        for (int i = 0; i < pairs; i++) {
            d.addContext(ContextExamplePair.newBuilder().setPositive(example(space)).setNegative(example(space)));
        }
        if (data.chance(30)) {
            d.setFilter(filters.filter(2));
        }
        if (data.chance(25)) {
            d.setOffset(data.random.nextInt(4));
        }
        return d.build();
    }

    private VectorExample example(Data.Space space) {
        return data.chance(40) ? VectorExample.newBuilder().setId(data.id()).build()
                : VectorExample.newBuilder().setVector(Data.dense(data.vector(space.dim()))).build();
    }
}
