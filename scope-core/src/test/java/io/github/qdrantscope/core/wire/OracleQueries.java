package io.github.qdrantscope.core.wire;

import java.util.ArrayList;
import java.util.List;

import io.qdrant.client.grpc.Common.Filter;
import io.qdrant.client.grpc.Points;
import io.qdrant.client.grpc.Points.ContextInput;
import io.qdrant.client.grpc.Points.ContextInputPair;
import io.qdrant.client.grpc.Points.DenseVector;
import io.qdrant.client.grpc.Points.Direction;
import io.qdrant.client.grpc.Points.DiscoverInput;
import io.qdrant.client.grpc.Points.Fusion;
import io.qdrant.client.grpc.Points.OrderBy;
import io.qdrant.client.grpc.Points.PrefetchQuery;
import io.qdrant.client.grpc.Points.Query;
import io.qdrant.client.grpc.Points.RecommendInput;
import io.qdrant.client.grpc.Points.RecommendStrategy;
import io.qdrant.client.grpc.Points.Rrf;
import io.qdrant.client.grpc.Points.StartFrom;
import io.qdrant.client.grpc.Points.VectorInput;
import io.qdrant.client.grpc.PointsGrpc;

/** Random requests of the Query API: Query, QueryBatch and QueryGroups. */
final class OracleQueries {

    /** A root query and whether its ranking has ties by construction. */
    private record Built(Points.QueryPoints query, boolean ties) {
    }

    private final OracleData data;

    private final OracleReads reads;

    OracleQueries(OracleData data, OracleReads reads) {
        this.data = data;
        this.reads = reads;
    }

    /** Every query may name example points that are missing (NOT_FOUND): only parsable ids. */
    OracleOp next() {
        return this.data.parsableIds(this::any);
    }

    private OracleOp any() {
        return switch (this.data.rng.nextInt(5)) {
            case 0, 1, 2 -> {
                Built built = query();
                OracleOp op = OracleOp.read("Query", PointsGrpc.getQueryMethod(),
                        collection -> built.query().toBuilder().setCollectionName(collection).build());
                yield built.ties() ? op.withTies() : op;
            }
            case 3 -> queryBatch();
            default -> queryGroups();
        };
    }

    private OracleOp queryBatch() {
        List<Built> batch = new ArrayList<>();
        for (int i = this.data.between(1, 3); i > 0; i--) {
            batch.add(query());
        }
        boolean ties = batch.stream().anyMatch(Built::ties);
        OracleOp op = OracleOp.read("QueryBatch", PointsGrpc.getQueryBatchMethod(), collection -> {
            Points.QueryBatchPoints.Builder request = Points.QueryBatchPoints.newBuilder()
                .setCollectionName(collection);
            batch.forEach(built -> request.addQueryPoints(built.query().toBuilder().setCollectionName(collection)));
            return request.build();
        });
        return ties ? op.withTies() : op;
    }

    /** Groups of a vector query (a query without one would group Qdrant's equal-score id order). */
    private OracleOp queryGroups() {
        String name = this.data.vectorNameOrInvalid();
        Points.QueryPointGroups.Builder groups = Points.QueryPointGroups.newBuilder()
            .setQuery(this.data.chance(0.5) ? Query.newBuilder().setNearest(input(name)).build() : recommend(name))
            .setGroupBy(this.reads.groupBy()).setLimit(this.reads.limit()).setGroupSize(this.data.between(1, 3))
            .setWithPayload(this.reads.withPayload());
        if (!name.isEmpty()) {
            groups.setUsing(name);
        }
        Filter filter = this.data.optionalFilter();
        if (filter != null) {
            groups.setFilter(filter);
        }
        return OracleOp.read("QueryGroups", PointsGrpc.getQueryGroupsMethod(),
                collection -> groups.clone().setCollectionName(collection).build());
    }

    private Built query() {
        String name = this.data.vectorNameOrInvalid();
        Points.QueryPoints.Builder query = Points.QueryPoints.newBuilder().setLimit(this.reads.limit());
        boolean ties = false;
        boolean scored = true;
        switch (this.data.rng.nextInt(9)) {
            case 0, 1 -> query.setQuery(Query.newBuilder().setNearest(input(name)));
            case 2 -> query.setQuery(recommend(name));
            case 3 -> query.setQuery(Query.newBuilder().setDiscover(DiscoverInput.newBuilder().setTarget(input(name))
                .setContext(context(name))));
            case 4 -> {
                // context scores are 0 for every point on the positive side of all pairs: ties by definition,
                // so neither offset nor limit may cut a run of equal scores, which compare as sets
                query.setQuery(Query.newBuilder().setContext(context(name))).setLimit(100);
                ties = true;
            }
            case 5 -> {
                // RRF gives equal scores to points at mirrored ranks: as for context, no cut inside a tie (DBSF
                // sums normalised scores, where ties are no more likely than elsewhere, but shares the shape)
                query.addPrefetch(prefetch(name)).addPrefetch(prefetch(this.data.vectorName()))
                    .setQuery(switch (this.data.rng.nextInt(3)) {
                        case 0 -> Query.newBuilder().setFusion(Fusion.RRF).build();
                        case 1 -> Query.newBuilder().setFusion(Fusion.DBSF).build();
                        default -> Query.newBuilder().setRrf(Rrf.newBuilder().setK(this.data.between(1, 60))).build();
                    })
                    .setLimit(100);
                ties = true;
            }
            case 6 -> {
                OrderBy.Builder orderBy = OrderBy.newBuilder().setKey("rank")
                    .setDirection(this.data.chance(0.5) ? Direction.Asc : Direction.Desc);
                if (this.data.chance(0.3)) {
                    orderBy.setStartFrom(StartFrom.newBuilder().setInteger(this.data.rng.nextInt(1_000_000_000)));
                }
                query.setQuery(Query.newBuilder().setOrderBy(orderBy));
                scored = false;
            }
            default -> scored = false; // no query: Qdrant's id order, paged by offset and limit
        }
        if (!name.isEmpty() && query.hasQuery() && query.getPrefetchCount() == 0) {
            query.setUsing(name);
        }
        Filter filter = this.data.optionalFilter();
        if (filter != null) {
            query.setFilter(filter);
        }
        query.setWithPayload(this.reads.withPayload());
        if (this.data.chance(0.4)) {
            query.setWithVectors(this.reads.withVectors());
        }
        if (this.data.chance(0.3) && !ties) {
            query.setOffset(this.data.between(0, 4));
        }
        // a threshold needs a scoring query; rarely sent without one, which Qdrant refuses
        if (scored ? this.data.chance(0.25) : this.data.mistake(0.02)) {
            query.setScoreThreshold(this.reads.threshold(name));
        }
        return new Built(query.build(), ties);
    }

    private PrefetchQuery prefetch(String name) {
        PrefetchQuery.Builder prefetch = PrefetchQuery.newBuilder()
            .setQuery(Query.newBuilder().setNearest(input(name))).setLimit(this.data.between(2, 6));
        if (!name.isEmpty()) {
            prefetch.setUsing(name);
        }
        Filter filter = this.data.chance(0.3) ? this.data.filter() : null;
        return (filter != null ? prefetch.setFilter(filter) : prefetch).build();
    }

    private Query recommend(String name) {
        RecommendStrategy strategy = this.data.pick(List.of(RecommendStrategy.AverageVector,
                RecommendStrategy.BestScore, RecommendStrategy.SumScores));
        RecommendInput.Builder recommend = RecommendInput.newBuilder().addPositive(input(name)).setStrategy(strategy);
        if (strategy != RecommendStrategy.AverageVector) {
            // as in OracleReads.recommend: one example that always has a vector, or every score may be equal
            recommend.addPositive(VectorInput.newBuilder().setDense(DenseVector.newBuilder()
                .addAllData(this.data.floats(name))));
        }
        if (this.data.chance(0.5)) {
            recommend.addNegative(input(name));
        }
        return Query.newBuilder().setRecommend(recommend).build();
    }

    private ContextInput context(String name) {
        ContextInput.Builder context = ContextInput.newBuilder();
        for (int i = this.data.between(1, 2); i > 0; i--) {
            context.addPairs(ContextInputPair.newBuilder().setPositive(input(name)).setNegative(input(name)));
        }
        return context.build();
    }

    /** A point id (the application's) or a dense vector. */
    private VectorInput input(String name) {
        if (this.data.chance(0.35)) {
            return VectorInput.newBuilder().setId(this.data.idOrInvalid()).build();
        }
        return VectorInput.newBuilder().setDense(DenseVector.newBuilder().addAllData(this.data.floats(name))).build();
    }
}
