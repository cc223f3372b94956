package io.github.qdrantscope.core.wire;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import com.google.protobuf.Message;
import io.qdrant.client.grpc.Common.Filter;
import io.qdrant.client.grpc.Common.PointId;
import io.qdrant.client.grpc.Points;
import io.qdrant.client.grpc.Points.Direction;
import io.qdrant.client.grpc.Points.OrderBy;
import io.qdrant.client.grpc.Points.PayloadExcludeSelector;
import io.qdrant.client.grpc.Points.PayloadIncludeSelector;
import io.qdrant.client.grpc.Points.StartFrom;
import io.qdrant.client.grpc.Points.VectorsSelector;
import io.qdrant.client.grpc.Points.WithPayloadSelector;
import io.qdrant.client.grpc.Points.WithVectorsSelector;
import io.qdrant.client.grpc.PointsGrpc;

/**
 * Random reads of the classic API: Get, Scroll (paged to its end, or by order_by), Count, Facet, the distance
 * matrices and, through {@link OracleSearches}, Search, Recommend and Discover; and the request parts that
 * {@link OracleSearches} and {@link OracleQueries} share.
 */
final class OracleReads {

    private final OracleData data;

    private final OracleSearches searches;

    OracleReads(OracleData data) {
        this.data = data;
        this.searches = new OracleSearches(data, this);
    }

    OracleOp next() {
        return switch (this.data.rng.nextInt(16)) {
            case 0, 1 -> get();
            case 2, 3 -> scroll();
            case 4 -> count();
            case 13 -> facet();
            case 14, 15 -> matrix();
            default -> this.searches.next();
        };
    }

    private OracleOp get() {
        List<PointId> ids = this.data.ids(1, 5);
        WithPayloadSelector payload = withPayload();
        WithVectorsSelector vectors = withVectors();
        return OracleOp.read("Get", PointsGrpc.getGetMethod(), collection -> Points.GetPoints.newBuilder()
            .setCollectionName(collection).addAllIds(ids).setWithPayload(payload).setWithVectors(vectors).build());
    }

    /** A scroll read page by page to its end; sometimes ordered by {@code rank} instead (one page). */
    private OracleOp scroll() {
        Points.ScrollPoints.Builder scroll = Points.ScrollPoints.newBuilder()
            .setLimit(this.data.mistake(0.02) ? 0 : this.data.between(1, 6)).setWithVectors(withVectors());
        if (this.data.chance(0.7)) {
            scroll.setWithPayload(withPayload());
        }
        Filter filter = this.data.optionalFilter();
        if (filter != null) {
            scroll.setFilter(filter);
        }
        if (this.data.chance(0.2)) {
            OrderBy.Builder orderBy = OrderBy.newBuilder().setKey(this.data.mistake(0.05) ? "f" : "rank")
                .setDirection(this.data.chance(0.5) ? Direction.Asc : Direction.Desc);
            if (this.data.chance(0.3)) {
                orderBy.setStartFrom(StartFrom.newBuilder().setInteger(this.data.rng.nextInt(1_000_000_000)));
            }
            scroll.setOrderBy(orderBy);
            return OracleOp.read("Scroll order_by", PointsGrpc.getScrollMethod(),
                    collection -> scroll.clone().setCollectionName(collection).build());
        }
        if (this.data.chance(0.2)) {
            // the first page may start anywhere, at an id that exists or not
            scroll.setOffset(this.data.knownId());
        }
        return new OracleOp("Scroll", PointsGrpc.getScrollMethod(),
                collection -> scroll.clone().setCollectionName(collection).build(), OracleOp.Kind.SCROLL_PAGES, false);
    }

    private OracleOp count() {
        Filter filter = this.data.optionalFilter();
        return OracleOp.read("Count", PointsGrpc.getCountMethod(), collection -> {
            Points.CountPoints.Builder count = Points.CountPoints.newBuilder().setCollectionName(collection)
                .setExact(true);
            return (filter != null ? count.setFilter(filter) : count).build();
        });
    }

    /** Facet hits are ordered by count, then value: no id order is involved. */
    private OracleOp facet() {
        Points.FacetCounts.Builder facet = Points.FacetCounts.newBuilder().setExact(true)
            .setKey(this.data.mistake(0.03) ? "n" : (this.data.chance(0.5) ? "color" : "tags"));
        if (this.data.chance(0.5)) {
            facet.setLimit(this.data.between(1, 4));
        }
        Filter filter = this.data.optionalFilter();
        if (filter != null) {
            facet.setFilter(filter);
        }
        return OracleOp.read("Facet", PointsGrpc.getFacetMethod(),
                collection -> facet.clone().setCollectionName(collection).build());
    }

    /** A sample larger than the pool: every matching point is sampled, so the result is deterministic. */
    private OracleOp matrix() {
        Points.SearchMatrixPoints.Builder matrix = Points.SearchMatrixPoints.newBuilder().setSample(100)
            .setLimit(this.data.between(1, 3));
        String name = this.data.vectorNameOrInvalid();
        if (!name.isEmpty()) {
            matrix.setUsing(name);
        }
        Filter filter = this.data.optionalFilter();
        if (filter != null) {
            matrix.setFilter(filter);
        }
        boolean pairs = this.data.chance(0.5);
        return OracleOp.read(pairs ? "SearchMatrixPairs" : "SearchMatrixOffsets",
                pairs ? PointsGrpc.getSearchMatrixPairsMethod() : PointsGrpc.getSearchMatrixOffsetsMethod(),
                collection -> matrix.clone().setCollectionName(collection).build());
    }

    // ---- shared parts ----

    void common(Consumer<Filter> filter, Consumer<WithPayloadSelector> payload,
            Consumer<WithVectorsSelector> vectors) {
        Filter chosen = this.data.optionalFilter();
        if (chosen != null) {
            filter.accept(chosen);
        }
        payload.accept(withPayload());
        if (this.data.chance(0.4)) {
            vectors.accept(withVectors());
        }
    }

    /** A limit of 1..8, rarely 0, which Qdrant refuses. */
    long limit() {
        return this.data.mistake(0.02) ? 0 : this.data.between(1, 8);
    }

    /** A threshold in the range of the vector's scores (Euclid's {@code b} ranks by ascending distance). */
    float threshold(String name) {
        return switch (name) {
            case "a" -> this.data.rng.nextFloat() * 2 - 1;
            case "b" -> this.data.rng.nextFloat() * 3;
            default -> this.data.rng.nextFloat() * 1.6f - 0.8f;
        };
    }

    String groupBy() {
        return this.data.pick(List.of("color", "color", "tags", "n", "meta.k"));
    }

    WithPayloadSelector withPayload() {
        return switch (this.data.rng.nextInt(5)) {
            case 0 -> WithPayloadSelector.newBuilder().setEnable(false).build();
            case 1 -> WithPayloadSelector.newBuilder().setInclude(PayloadIncludeSelector.newBuilder()
                .addFields("color").addFields("meta.k")).build();
            case 2 -> WithPayloadSelector.newBuilder().setExclude(PayloadExcludeSelector.newBuilder()
                .addFields("tags").addFields("f")).build();
            default -> WithPayloadSelector.newBuilder().setEnable(true).build();
        };
    }

    WithVectorsSelector withVectors() {
        if (this.data.named && this.data.chance(0.4)) {
            return WithVectorsSelector.newBuilder().setInclude(VectorsSelector.newBuilder()
                .addNames(this.data.vectorName())).build();
        }
        return WithVectorsSelector.newBuilder().setEnable(this.data.chance(0.5)).build();
    }

    <M extends Message> List<Function<String, M>> batch(Supplier<Function<String, M>> one) {
        List<Function<String, M>> requests = new ArrayList<>();
        for (int i = this.data.between(1, 3); i > 0; i--) {
            requests.add(one.get());
        }
        return requests;
    }

    static <M extends Message> List<M> apply(List<Function<String, M>> requests, String collection) {
        return requests.stream().map(request -> request.apply(collection)).toList();
    }
}
