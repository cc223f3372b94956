package io.github.qdrantscope.core.wire;

import java.util.List;
import java.util.function.Function;

import io.qdrant.client.grpc.Points;
import io.qdrant.client.grpc.Points.ContextExamplePair;
import io.qdrant.client.grpc.Points.RecommendStrategy;
import io.qdrant.client.grpc.Points.TargetVector;
import io.qdrant.client.grpc.Points.VectorExample;
import io.qdrant.client.grpc.PointsGrpc;

/** Random classic vector searches: Search, Recommend and Discover, each also as a batch, and their groups. */
final class OracleSearches {

    private final OracleData data;

    private final OracleReads reads;

    OracleSearches(OracleData data, OracleReads reads) {
        this.data = data;
        this.reads = reads;
    }

    /** Recommend and Discover name example points that may be missing (NOT_FOUND): only parsable ids there. */
    OracleOp next() {
        return switch (this.data.rng.nextInt(8)) {
            case 0 -> OracleOp.read("Search", PointsGrpc.getSearchMethod(), search()::apply);
            case 1 -> searchBatch();
            case 2 -> searchGroups();
            case 3 -> this.data.parsableIds(() -> OracleOp.read("Recommend", PointsGrpc.getRecommendMethod(),
                    recommend()::apply));
            case 4 -> this.data.parsableIds(this::recommendBatch);
            case 5 -> this.data.parsableIds(this::recommendGroups);
            case 6 -> this.data.parsableIds(() -> OracleOp.read("Discover", PointsGrpc.getDiscoverMethod(),
                    discover()::apply));
            default -> this.data.parsableIds(this::discoverBatch);
        };
    }

    private Function<String, Points.SearchPoints> search() {
        Points.SearchPoints.Builder search = Points.SearchPoints.newBuilder().setLimit(this.reads.limit());
        String name = this.data.vectorNameOrInvalid();
        search.addAllVector(this.data.floats(name));
        if (!name.isEmpty()) {
            search.setVectorName(name);
        }
        this.reads.common(search::setFilter, search::setWithPayload, search::setWithVectors);
        if (this.data.chance(0.3)) {
            search.setScoreThreshold(this.reads.threshold(name));
        }
        if (this.data.chance(0.2)) {
            search.setOffset(this.data.between(0, 3));
        }
        return collection -> search.clone().setCollectionName(collection).build();
    }

    private OracleOp searchBatch() {
        List<Function<String, Points.SearchPoints>> searches = this.reads.batch(this::search);
        return OracleOp.read("SearchBatch", PointsGrpc.getSearchBatchMethod(),
                collection -> Points.SearchBatchPoints.newBuilder().setCollectionName(collection)
                    .addAllSearchPoints(OracleReads.apply(searches, collection)).build());
    }

    private OracleOp searchGroups() {
        Points.SearchPointGroups.Builder groups = Points.SearchPointGroups.newBuilder().setGroupBy(this.reads.groupBy())
            .setLimit((int) this.reads.limit()).setGroupSize(this.data.between(1, 3));
        String name = this.data.vectorNameOrInvalid();
        groups.addAllVector(this.data.floats(name));
        if (!name.isEmpty()) {
            groups.setVectorName(name);
        }
        this.reads.common(groups::setFilter, groups::setWithPayload, groups::setWithVectors);
        return OracleOp.read("SearchGroups", PointsGrpc.getSearchGroupsMethod(),
                collection -> groups.clone().setCollectionName(collection).build());
    }

    private Function<String, Points.RecommendPoints> recommend() {
        Points.RecommendPoints.Builder recommend = Points.RecommendPoints.newBuilder().setLimit(this.reads.limit());
        String name = this.data.vectorNameOrInvalid();
        if (!name.isEmpty()) {
            recommend.setUsing(name);
        }
        RecommendStrategy strategy = this.data.pick(List.of(RecommendStrategy.AverageVector,
                RecommendStrategy.BestScore, RecommendStrategy.SumScores));
        // rarely no positive example at all, which Qdrant refuses
        int positives = this.data.mistake(0.02) ? 0 : this.data.between(1, 2);
        for (int i = 0; i < positives; i++) {
            if (this.data.chance(0.7)) {
                recommend.addPositive(this.data.idOrInvalid());
            }
            else {
                recommend.addPositiveVectors(this.data.vector(name));
            }
        }
        if (strategy != RecommendStrategy.AverageVector && recommend.getPositiveVectorsCount() == 0) {
            // these strategies skip an example point without the vector (named vectors can be deleted): with
            // only such examples every score is equal, and Qdrant's order of equal scores is undefined
            recommend.addPositiveVectors(this.data.vector(name));
        }
        if (this.data.chance(0.5)) {
            if (this.data.chance(0.7)) {
                recommend.addNegative(this.data.knownId());
            }
            else {
                recommend.addNegativeVectors(this.data.vector(name));
            }
        }
        recommend.setStrategy(strategy);
        this.reads.common(recommend::setFilter, recommend::setWithPayload, recommend::setWithVectors);
        if (this.data.chance(0.2)) {
            recommend.setScoreThreshold(this.reads.threshold(name));
        }
        return collection -> recommend.clone().setCollectionName(collection).build();
    }

    private OracleOp recommendBatch() {
        List<Function<String, Points.RecommendPoints>> recommends = this.reads.batch(this::recommend);
        return OracleOp.read("RecommendBatch", PointsGrpc.getRecommendBatchMethod(),
                collection -> Points.RecommendBatchPoints.newBuilder().setCollectionName(collection)
                    .addAllRecommendPoints(OracleReads.apply(recommends, collection)).build());
    }

    private OracleOp recommendGroups() {
        Points.RecommendPoints one = recommend().apply("");
        Points.RecommendPointGroups.Builder groups = Points.RecommendPointGroups.newBuilder()
            .addAllPositive(one.getPositiveList()).addAllNegative(one.getNegativeList())
            .addAllPositiveVectors(one.getPositiveVectorsList()).addAllNegativeVectors(one.getNegativeVectorsList())
            .setStrategy(one.getStrategy()).setGroupBy(this.reads.groupBy()).setLimit((int) this.reads.limit())
            .setGroupSize(this.data.between(1, 3)).setWithPayload(one.getWithPayload());
        if (one.hasUsing()) {
            groups.setUsing(one.getUsing());
        }
        if (one.hasFilter()) {
            groups.setFilter(one.getFilter());
        }
        return OracleOp.read("RecommendGroups", PointsGrpc.getRecommendGroupsMethod(),
                collection -> groups.clone().setCollectionName(collection).build());
    }

    /** Always with a target: without one Qdrant scores by context alone, where equal scores are the rule. */
    private Function<String, Points.DiscoverPoints> discover() {
        Points.DiscoverPoints.Builder discover = Points.DiscoverPoints.newBuilder().setLimit(this.reads.limit());
        String name = this.data.vectorNameOrInvalid();
        if (!name.isEmpty()) {
            discover.setUsing(name);
        }
        discover.setTarget(TargetVector.newBuilder().setSingle(example(name)));
        for (int i = this.data.between(1, 2); i > 0; i--) {
            discover.addContext(ContextExamplePair.newBuilder().setPositive(example(name))
                .setNegative(example(name)));
        }
        this.reads.common(discover::setFilter, discover::setWithPayload, discover::setWithVectors);
        return collection -> discover.clone().setCollectionName(collection).build();
    }

    private VectorExample example(String name) {
        return this.data.chance(0.3) ? VectorExample.newBuilder().setId(this.data.idOrInvalid()).build()
                : VectorExample.newBuilder().setVector(this.data.vector(name)).build();
    }

    private OracleOp discoverBatch() {
        List<Function<String, Points.DiscoverPoints>> discovers = this.reads.batch(this::discover);
        return OracleOp.read("DiscoverBatch", PointsGrpc.getDiscoverBatchMethod(),
                collection -> Points.DiscoverBatchPoints.newBuilder().setCollectionName(collection)
                    .addAllDiscoverPoints(OracleReads.apply(discovers, collection)).build());
    }
}
