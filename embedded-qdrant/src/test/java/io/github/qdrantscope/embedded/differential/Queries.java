package io.github.qdrantscope.embedded.differential;

import io.qdrant.client.grpc.Collections.Distance;
import io.qdrant.client.grpc.Common.Filter;
import io.qdrant.client.grpc.Points.ContextInput;
import io.qdrant.client.grpc.Points.ContextInputPair;
import io.qdrant.client.grpc.Points.DenseVector;
import io.qdrant.client.grpc.Points.Direction;
import io.qdrant.client.grpc.Points.DiscoverInput;
import io.qdrant.client.grpc.Points.Fusion;
import io.qdrant.client.grpc.Points.OrderBy;
import io.qdrant.client.grpc.Points.PrefetchQuery;
import io.qdrant.client.grpc.Points.Query;
import io.qdrant.client.grpc.Points.QueryPointGroups;
import io.qdrant.client.grpc.Points.QueryPoints;
import io.qdrant.client.grpc.Points.RecommendInput;
import io.qdrant.client.grpc.Points.RecommendStrategy;
import io.qdrant.client.grpc.Points.Rrf;
import io.qdrant.client.grpc.Points.SearchPoints;
import io.qdrant.client.grpc.Points.StartFrom;
import io.qdrant.client.grpc.Points.VectorInput;
import io.qdrant.client.grpc.Points.WithPayloadSelector;
import io.qdrant.client.grpc.Points.WithVectorsSelector;
import io.qdrant.client.grpc.Points.PayloadExcludeSelector;
import io.qdrant.client.grpc.Points.PayloadIncludeSelector;
import io.qdrant.client.grpc.Points.VectorsSelector;

/**
 * Random read requests: Search, and the Query API with nearest, recommend (all three strategies, examples
 * by id and by vector), discover, context, order_by, prefetch trees with fusion (RRF, parameterised RRF
 * with weights, DBSF) or re-scoring, and QueryGroups.
 */
final class Queries {

    private final Data data;
    private final Filters filters;
    private final String collection;

    Queries(Data data, Filters filters, String collection) {
        this.data = data;
        this.filters = filters;
        this.collection = collection;
    }

    SearchPoints search() {
        Data.Space space = data.space();
        SearchPoints.Builder s = SearchPoints.newBuilder().setCollectionName(collection)
                .setLimit(1 + data.random.nextInt(10)).setWithPayload(withPayload()).setWithVectors(withVectors());
        for (float f : data.vector(space.dim())) {
            s.addVector(f);
        }
        if (!space.name().isEmpty() || data.chance(30)) {
            s.setVectorName(space.name());
        }
        if (data.chance(40)) {
            s.setFilter(filters.filter(2));
        }
        if (data.chance(30)) {
            s.setOffset(data.random.nextInt(4));
        }
        if (data.chance(25)) {
            s.setScoreThreshold(threshold(space.distance()));
        }
        return s.build();
    }

    QueryPoints query() {
        QueryPoints.Builder q = QueryPoints.newBuilder().setCollectionName(collection)
                .setLimit(1 + data.random.nextInt(10)).setWithPayload(withPayload()).setWithVectors(withVectors());
        if (data.chance(30)) {
            q.setFilter(filters.filter(2));
        }
        if (data.chance(25)) {
            q.setOffset(data.random.nextInt(4));
        }
        int shape = data.random.nextInt(10);
        if (shape < 6) {
            Data.Space space = data.space();
            q.setQuery(vectorQuery(space, true)).setUsing(space.name());
            if (data.chance(20)) {
                q.setScoreThreshold(threshold(space.distance()));
            }
        } else if (shape < 7) {
            q.setQuery(Query.newBuilder().setOrderBy(orderBy()));
        } else {
            // sources re-ranked by fusion, a vector query or order_by; sources use continuous queries only,
            // as ties inside a source make Qdrant's own answer one of several (the oracle reports those)
            int sources = 1 + data.random.nextInt(3);
            for (int i = 0; i < sources; i++) {
                q.addPrefetch(prefetch(data.chance(20)));
            }
            int root = data.random.nextInt(6);
            if (root < 4) {
                q.setQuery(fusion(sources));
            } else if (root < 5) {
                Data.Space space = data.space();
                q.setQuery(vectorQuery(space, false)).setUsing(space.name());
            } else {
                q.setQuery(Query.newBuilder().setOrderBy(orderBy()));
            }
        }
        return q.build();
    }

    private PrefetchQuery prefetch(boolean nested) {
        Data.Space space = data.space();
        PrefetchQuery.Builder p = PrefetchQuery.newBuilder().setLimit(1 + data.random.nextInt(12));
        if (nested) {
            p.addPrefetch(prefetch(false)).addPrefetch(prefetch(false)).setQuery(fusion(2));
        } else {
            p.setQuery(vectorQuery(space, false)).setUsing(space.name());
        }
        if (data.chance(25)) {
            p.setFilter(filters.filter(1));
        }
        if (!nested && data.chance(15)) {
            p.setScoreThreshold(threshold(space.distance()));
        }
        return p.build();
    }

    private Query fusion(int sources) {
        return switch (data.random.nextInt(4)) {
            case 0 -> Query.newBuilder().setFusion(Fusion.RRF).build();
            case 1 -> Query.newBuilder().setFusion(Fusion.DBSF).build();
            case 2 -> Query.newBuilder().setRrf(Rrf.newBuilder().setK(1 + data.random.nextInt(60))).build();
            default -> {
                Rrf.Builder r = Rrf.newBuilder();
                for (int i = 0; i < sources; i++) {
                    r.addWeights(0.5f * data.random.nextInt(5));
                }
                yield Query.newBuilder().setRrf(r).build();
            }
        };
    }

    /** A vector query; {@code anyKind} also allows context queries (whose scores tie at 0 by design). */
    Query vectorQuery(Data.Space space, boolean anyKind) {
        int kind = data.random.nextInt(anyKind ? 10 : KnownExceptions.DISCOVER_IN_PREFETCH ? 8 : 6);
        if (kind < 3) {
            return Query.newBuilder().setNearest(input(space, kind == 0)).build();
        }
        if (kind < 6) {
            RecommendInput.Builder r = RecommendInput.newBuilder()
                    .setStrategy(RecommendStrategy.forNumber(kind - 3));
            int positives = (kind == 3 ? 1 : 0) + data.random.nextInt(3);
            for (int i = 0; i < positives; i++) {
                r.addPositive(input(space, data.chance(40)));
            }
            int negatives = (positives == 0 ? 1 : 0) + data.random.nextInt(2);
            for (int i = 0; i < negatives; i++) {
                r.addNegative(input(space, data.chance(40)));
            }
            return Query.newBuilder().setRecommend(r).build();
        }
        if (kind < 8) {
            return Query.newBuilder().setDiscover(DiscoverInput.newBuilder().setTarget(input(space, data.chance(30)))
                    .setContext(context(space))).build();
        }
        return Query.newBuilder().setContext(context(space)).build();
    }

    private ContextInput context(Data.Space space) {
        ContextInput.Builder c = ContextInput.newBuilder();
        int pairs = 1 + data.random.nextInt(2);
        for (int i = 0; i < pairs; i++) {
            c.addPairs(ContextInputPair.newBuilder().setPositive(input(space, data.chance(30)))
                    .setNegative(input(space, data.chance(30))));
        }
        return c.build();
    }

    private VectorInput input(Data.Space space, boolean byId) {
        if (byId) {
            return VectorInput.newBuilder().setId(data.id()).build();
        }
        DenseVector.Builder d = DenseVector.newBuilder();
        for (float f : data.vector(space.dim())) {
            d.addData(f);
        }
        return VectorInput.newBuilder().setDense(d).build();
    }

    OrderBy orderBy() {
        OrderBy.Builder o = OrderBy.newBuilder().setKey(data.pick(new String[] {"n", "f", "dt"}));
        if (data.chance(60)) {
            o.setDirection(data.random.nextBoolean() ? Direction.Asc : Direction.Desc);
        }
        if (data.chance(25)) {
            o.setStartFrom(o.getKey().equals("dt")
                    ? StartFrom.newBuilder().setDatetime(data.datetime()).build()
                    : StartFrom.newBuilder().setFloat(data.random.nextInt(20) - 5).build());
        }
        return o.build();
    }

    QueryPointGroups groups() {
        Data.Space space = data.space();
        QueryPointGroups.Builder g = QueryPointGroups.newBuilder().setCollectionName(collection)
                .setQuery(Query.newBuilder().setNearest(input(space, false))).setUsing(space.name())
                .setGroupBy(data.pick(new String[] {"color", "n", "tags", "nums", "f"}))
                .setGroupSize(1 + data.random.nextInt(3)).setLimit(1 + data.random.nextInt(5));
        if (data.chance(30)) {
            g.setFilter(filters.filter(1));
        }
        return g.build();
    }

    Filter maybeFilter() {
        return data.chance(60) ? filters.filter(2) : null;
    }

    /** A threshold around where this distance's scores fall; sometimes exactly on a grid value. */
    float threshold(Distance distance) {
        float t = switch (distance) {
            case Cosine -> data.random.nextInt(21) / 10f - 1f;
            case Dot -> data.random.nextInt(33) / 8f - 2f;
            case Euclid -> data.random.nextInt(25) / 8f;
            default -> data.random.nextInt(41) / 4f;
        };
        return t;
    }

    WithPayloadSelector withPayload() {
        return switch (data.random.nextInt(5)) {
            case 0 -> WithPayloadSelector.newBuilder().setEnable(false).build();
            case 1 -> WithPayloadSelector.newBuilder().setInclude(PayloadIncludeSelector.newBuilder()
                    .addFields(data.pick(new String[] {"color", "obj.x", "nested[].a", "tags"}))
                    .addFields("n")).build();
            case 2 -> WithPayloadSelector.newBuilder().setExclude(PayloadExcludeSelector.newBuilder()
                    .addFields(data.pick(new String[] {"color", "obj.y", "nested[].b", "text"}))).build();
            default -> WithPayloadSelector.newBuilder().setEnable(true).build();
        };
    }

    WithVectorsSelector withVectors() {
        if (!data.unnamed && data.chance(25)) {
            return WithVectorsSelector.newBuilder().setInclude(VectorsSelector.newBuilder()
                    .addNames(data.space().name())).build();
        }
        return WithVectorsSelector.newBuilder().setEnable(data.chance(50)).build();
    }
}
