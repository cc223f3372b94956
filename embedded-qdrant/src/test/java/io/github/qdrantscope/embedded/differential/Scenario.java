package io.github.qdrantscope.embedded.differential;

import io.qdrant.client.grpc.Collections.CreateCollection;
import io.qdrant.client.grpc.Points.FieldType;
import io.qdrant.client.grpc.Collections.VectorParams;
import io.qdrant.client.grpc.Collections.VectorParamsMap;
import io.qdrant.client.grpc.Collections.VectorsConfig;
import io.qdrant.client.grpc.Common.Filter;
import io.qdrant.client.grpc.Common.PointId;
import io.qdrant.client.grpc.Points.PointsIdsList;
import io.qdrant.client.grpc.Points.PointsSelector;
import io.qdrant.client.grpc.Points.ClearPayloadPoints;
import io.qdrant.client.grpc.Points.CountPoints;
import io.qdrant.client.grpc.Points.CreateFieldIndexCollection;
import io.qdrant.client.grpc.Points.DeletePayloadPoints;
import io.qdrant.client.grpc.Points.DeletePointVectors;
import io.qdrant.client.grpc.Points.DeletePoints;
import io.qdrant.client.grpc.Points.FacetCounts;
import io.qdrant.client.grpc.Points.GetPoints;
import io.qdrant.client.grpc.Points.PointStruct;
import io.qdrant.client.grpc.Points.PointVectors;
import io.qdrant.client.grpc.Points.ScrollPoints;
import io.qdrant.client.grpc.Points.SetPayloadPoints;
import io.qdrant.client.grpc.Points.UpdateMode;
import io.qdrant.client.grpc.Points.UpdatePointVectors;
import io.qdrant.client.grpc.Points.UpsertPoints;
import io.qdrant.client.grpc.Points.VectorsSelector;
import io.qdrant.client.grpc.Points.WithPayloadSelector;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

/**
 * The randomized operation sequence of one seed: a collection, payload indexes, a first batch of points,
 * then writes and reads in random order. Reads are generated without knowing the state: a request the
 * engine refuses (a missing example id, an index that does not exist) must be refused by both sides.
 * Scroll steps that get a next-page offset are followed by the next page's request when the test runs
 * ({@link DifferentialRun}).
 */
final class Scenario {

    final long seed;
    final String collection;
    final Data data;
    final List<Step> steps = new ArrayList<>();
    private final Filters filters;
    private final Queries queries;
    private final SparseSteps sparse;
    private final ClassicSteps classic;

    Scenario(long seed, int operations) {
        this.seed = seed;
        this.collection = "diff-" + Long.toUnsignedString(seed, 36);
        this.data = new Data(new Random(seed));
        this.filters = new Filters(data);
        this.queries = new Queries(data, filters, collection);
        this.sparse = new SparseSteps(seed, data);
        this.classic = new ClassicSteps(seed, data, filters, queries, collection);
        steps.add(new Step(Step.Op.RESET, sparse.withConfig(create())));
        for (String field : new String[] {"color", "n", "f", "dt", "tags", "flag"}) {
            if (data.chance(70)) {
                steps.add(new Step(Step.Op.CREATE_INDEX, index(field)));
            }
        }
        steps.add(new Step(Step.Op.UPSERT, upsert(15 + data.random.nextInt(20))));
        for (int i = 0; i < operations; i++) {
            steps.add(next());
        }
    }

    private CreateCollection create() {
        VectorsConfig.Builder config = VectorsConfig.newBuilder();
        if (data.unnamed) {
            config.setParams(params(data.spaces.get(0)));
        } else {
            VectorParamsMap.Builder map = VectorParamsMap.newBuilder();
            data.spaces.forEach(s -> map.putMap(s.name(), params(s)));
            config.setParamsMap(map);
        }
        return CreateCollection.newBuilder().setCollectionName(collection).setVectorsConfig(config).build();
    }

    private static VectorParams params(Data.Space s) {
        return VectorParams.newBuilder().setSize(s.dim()).setDistance(s.distance()).build();
    }

    private CreateFieldIndexCollection index(String field) {
        FieldType type = switch (field) {
            case "n" -> FieldType.FieldTypeInteger;
            case "f" -> FieldType.FieldTypeFloat;
            case "dt" -> FieldType.FieldTypeDatetime;
            case "flag" -> FieldType.FieldTypeBool;
            default -> FieldType.FieldTypeKeyword;
        };
        return CreateFieldIndexCollection.newBuilder().setCollectionName(collection).setFieldName(field)
                .setFieldType(type).setWait(true).build();
    }

    private Step next() {
        int r = data.random.nextInt(100);
        if (r < 12) {
            return new Step(Step.Op.UPSERT, upsert(1 + data.random.nextInt(4)));
        }
        if (r < 15) {
            return new Step(Step.Op.DELETE, DeletePoints.newBuilder().setCollectionName(collection).setWait(true)
                    .setPoints(selector(true)).build());
        }
        if (r < 23) {
            Step.Op op = data.random.nextBoolean() ? Step.Op.SET_PAYLOAD : Step.Op.OVERWRITE_PAYLOAD;
            SetPayloadPoints.Builder s = SetPayloadPoints.newBuilder().setCollectionName(collection).setWait(true)
                    .putAllPayload(data.payload(op == Step.Op.OVERWRITE_PAYLOAD || KnownExceptions.NULLS_IN_SET_PAYLOAD))
                    .setPointsSelector(selector(false));
            if (data.chance(20)) {
                s.setKey(data.pick(new String[] {"obj", "nested[0]", "deep.inner"}));
            }
            return new Step(op, s.build());
        }
        if (r < 27) {
            DeletePayloadPoints.Builder d = DeletePayloadPoints.newBuilder().setCollectionName(collection).setWait(true)
                    .setPointsSelector(selector(false));
            int n = 1 + data.random.nextInt(2);
            for (int i = 0; i < n; i++) {
                d.addKeys(data.pick(new String[] {"color", "n", "tags", "obj.x", "nested[].a", "maybe", "text"}));
            }
            return new Step(Step.Op.DELETE_PAYLOAD, d.build());
        }
        if (r < 29) {
            return new Step(Step.Op.CLEAR_PAYLOAD, ClearPayloadPoints.newBuilder().setCollectionName(collection)
                    .setWait(true).setPoints(selector(false)).build());
        }
        if (r < 34) {
            UpdatePointVectors.Builder u = UpdatePointVectors.newBuilder().setCollectionName(collection).setWait(true);
            u.addPoints(PointVectors.newBuilder().setId(data.id()).setVectors(sparse.withVector(data.vectors(false))));
            if (data.chance(20)) {
                u.setUpdateFilter(filters.filter(1));
            }
            return new Step(Step.Op.UPDATE_VECTORS, u.build());
        }
        if (r < 36 && !data.unnamed) {
            return new Step(Step.Op.DELETE_VECTORS, DeletePointVectors.newBuilder().setCollectionName(collection)
                    .setWait(true).setPointsSelector(selector(false))
                    .setVectors(VectorsSelector.newBuilder()
                            .addNames(sparse.deleteSparse() ? SparseSteps.NAME : data.space().name())).build());
        }
        return read(data.random.nextInt(100));
    }

    private Step read(int r) {
        if (r < 22) {
            Step other = sparse.nextQuerySparse() ? new Step(Step.Op.SEARCH, sparse.search(collection, queries))
                    : classic.search();
            return other != null ? other : new Step(Step.Op.SEARCH, queries.search());
        }
        if (r < 60) {
            Step other = sparse.nextQuerySparse() ? new Step(Step.Op.QUERY, sparse.query(collection, queries))
                    : classic.query();
            return other != null ? other : new Step(Step.Op.QUERY, queries.query());
        }
        if (r < 70) {
            Step other = classic.groups();
            return other != null ? other : new Step(Step.Op.QUERY_GROUPS, queries.groups());
        }
        if (r < 80) {
            ScrollPoints.Builder s = ScrollPoints.newBuilder().setCollectionName(collection)
                    .setLimit(1 + data.random.nextInt(15)).setWithPayload(queries.withPayload())
                    .setWithVectors(queries.withVectors());
            with(queries.maybeFilter(), s::setFilter);
            if (data.chance(30)) {
                s.setOrderBy(queries.orderBy());
            }
            return new Step(Step.Op.SCROLL, s.build());
        }
        if (r < 87) {
            CountPoints.Builder c = CountPoints.newBuilder().setCollectionName(collection).setExact(true);
            with(queries.maybeFilter(), c::setFilter);
            return new Step(Step.Op.COUNT, c.build());
        }
        if (r < 93) {
            FacetCounts.Builder f = FacetCounts.newBuilder().setCollectionName(collection).setExact(true)
                    .setKey(data.pick(new String[] {"color", "n", "tags", "flag"})).setLimit(1 + data.random.nextInt(6));
            with(queries.maybeFilter(), f::setFilter);
            return new Step(Step.Op.FACET, f.build());
        }
        GetPoints.Builder g = GetPoints.newBuilder().setCollectionName(collection)
                .setWithPayload(WithPayloadSelector.newBuilder().setEnable(true)).setWithVectors(queries.withVectors());
        int n = 1 + data.random.nextInt(5);
        for (int i = 0; i < n; i++) {
            g.addIds(data.id());
        }
        return new Step(Step.Op.GET, g.build());
    }

    private UpsertPoints upsert(int count) {
        UpsertPoints.Builder u = UpsertPoints.newBuilder().setCollectionName(collection).setWait(true);
        for (int i = 0; i < count; i++) {
            u.addPoints(PointStruct.newBuilder().setId(data.id()).setVectors(sparse.withVector(data.vectors(data.chance(70))))
                    .putAllPayload(data.payload()));
        }
        if (count < 5 && data.chance(15)) {
            u.setUpdateFilter(filters.filter(1));
        }
        if (count < 5 && data.chance(15)) {
            u.setUpdateMode(data.random.nextBoolean() ? UpdateMode.InsertOnly : UpdateMode.UpdateOnly);
        }
        return u.build();
    }

    /** Ids (mostly) or a filter; {@code rareFilter} keeps filter deletes from emptying the collection often. */
    private PointsSelector selector(boolean rareFilter) {
        if (data.chance(rareFilter ? 15 : 30)) {
            return PointsSelector.newBuilder().setFilter(filters.filter(1)).build();
        }
        PointsIdsList.Builder ids = PointsIdsList.newBuilder();
        int n = 1 + data.random.nextInt(3);
        for (int i = 0; i < n; i++) {
            PointId id = data.id();
            ids.addIds(id);
        }
        return PointsSelector.newBuilder().setPoints(ids).build();
    }

    private static void with(Filter filter, Consumer<Filter> setter) {
        if (filter != null) {
            setter.accept(filter);
        }
    }
}
