package io.github.qdrantscope.embedded.search;

import io.github.qdrantscope.embedded.filter.PayloadPaths;
import io.github.qdrantscope.embedded.storage.CollectionView;
import io.github.qdrantscope.embedded.storage.PointKey;
import io.github.qdrantscope.embedded.storage.QdrantErrors;
import io.github.qdrantscope.embedded.storage.StoredPoint;
import io.qdrant.client.grpc.Collections.PayloadSchemaInfo;
import io.qdrant.client.grpc.Collections.PayloadSchemaType;
import io.qdrant.client.grpc.JsonWithInt.Value;
import io.qdrant.client.grpc.Points.FacetCounts;
import io.qdrant.client.grpc.Points.FacetHit;
import io.qdrant.client.grpc.Points.FacetValue;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Facet counts ({@code collection/facet.rs}, {@code lib/segment/src/data_types/facets.rs}): how many
 * matching points hold each value of a key. Like Qdrant, the key needs a map index (keyword,
 * integer with lookup, bool or uuid) and only values of the index's type are counted, each value once
 * per point. Hits are ordered by count descending, then value ascending; counts are always exact. An exact
 * facet without a filter also lists the values the index retained after their last point left, with count 0.
 */
final class Facets {

    static final long DEFAULT_LIMIT = 10;

    private enum Kind { KEYWORD, INTEGER, BOOL, UUID }

    private Facets() {
    }

    static List<FacetHit> count(CollectionView view, FacetCounts request) {
        long limit = request.hasLimit() ? request.getLimit() : DEFAULT_LIMIT;
        Limits.atLeastOne(limit, "limit");
        Kind kind = mapIndex(view, request.getKey());
        Predicate<StoredPoint> filter = PointFilter.compile(view, request.hasFilter(), request.getFilter());
        Map<Comparable<?>, Long> counts = new HashMap<>();
        for (StoredPoint point : view.points()) {
            if (PointFilter.matches(filter, point)) {
                values(kind, point.payload(), request.getKey()).forEach(value -> counts.merge(value, 1L, Long::sum));
            }
        }
        if (request.getExact() && !request.hasFilter()) {
            // every value the index lists, those that lost their last point with count 0 (RetiredIndexValues);
            // an approximate facet drops them (`.filter(|hit| hit.count > 0)` in segment/facet.rs)
            for (Map<String, Value> payload : view.retiredIndexPayloads(request.getKey())) {
                values(kind, payload, request.getKey()).forEach(value -> counts.putIfAbsent(value, 0L));
            }
        }
        List<Map.Entry<Comparable<?>, Long>> entries = new ArrayList<>(counts.entrySet());
        entries.sort(Comparator.<Map.Entry<Comparable<?>, Long>>comparingLong(Map.Entry::getValue).reversed()
                .thenComparing(Map.Entry::getKey, Facets::compareValues));
        List<FacetHit> hits = new ArrayList<>();
        for (Map.Entry<Comparable<?>, Long> e : entries) {
            if (hits.size() >= limit) {
                break;
            }
            hits.add(FacetHit.newBuilder().setValue(wire(e.getKey())).setCount(e.getValue()).build());
        }
        return hits;
    }

    /** The values of the index's type a payload holds at {@code key}, each once (an array's elements). */
    private static Set<Comparable<?>> values(Kind kind, Map<String, Value> payload, String key) {
        Set<Comparable<?>> values = new LinkedHashSet<>();
        for (Value v : PayloadPaths.resolve(payload, key)) {
            if (v.hasListValue()) {
                v.getListValue().getValuesList().forEach(e -> addValue(kind, e, values));
            } else {
                addValue(kind, v, values);
            }
        }
        return values;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compareValues(Comparable a, Comparable b) {
        return a.compareTo(b);
    }

    /** Qdrant fails in the segment: {@code OperationError::MissingMapIndexForFacet}, a bad input. */
    private static Kind mapIndex(CollectionView view, String key) {
        PayloadSchemaInfo info = view.payloadSchema().get(key);
        if (info != null) {
            PayloadSchemaType type = info.getDataType();
            switch (type) {
                case Keyword:
                    return Kind.KEYWORD;
                case Bool:
                    return Kind.BOOL;
                case Uuid:
                    return Kind.UUID;
                case Integer:
                    boolean lookup = !info.hasParams() || !info.getParams().hasIntegerIndexParams()
                            || !info.getParams().getIntegerIndexParams().hasLookup()
                            || info.getParams().getIntegerIndexParams().getLookup();
                    if (lookup) {
                        return Kind.INTEGER;
                    }
                    break;
                default:
                    break;
            }
        }
        throw QdrantErrors.wrongInput("No appropriate index for faceting: `" + key + "`. Please create one to facet"
                + " on this field. Check https://qdrant.tech/documentation/concepts/indexing/#payload-index to see"
                + " which payload schemas support Match conditions");
    }

    private static void addValue(Kind kind, Value v, Set<Comparable<?>> into) {
        switch (kind) {
            case KEYWORD -> {
                if (v.hasStringValue()) {
                    into.add(v.getStringValue());
                }
            }
            case INTEGER -> {
                if (v.hasIntegerValue()) {
                    into.add(v.getIntegerValue());
                }
            }
            case BOOL -> {
                if (v.hasBoolValue()) {
                    into.add(v.getBoolValue());
                }
            }
            case UUID -> {
                if (v.hasStringValue()) {
                    try {
                        into.add(new UuidValue(PointKey.parseUuid(v.getStringValue())));
                    } catch (RuntimeException notAUuid) {
                        // the uuid index skips strings that are no UUID
                    }
                }
            }
        }
    }

    /** A UUID ordered as Qdrant orders u128 values (unsigned, big-endian). */
    private record UuidValue(java.util.UUID uuid) implements Comparable<UuidValue> {
        @Override
        public int compareTo(UuidValue o) {
            return PointKey.ofUuid(uuid).compareTo(PointKey.ofUuid(o.uuid));
        }
    }

    private static FacetValue wire(Object value) {
        FacetValue.Builder b = FacetValue.newBuilder();
        if (value instanceof String s) {
            b.setStringValue(s);
        } else if (value instanceof Long n) {
            b.setIntegerValue(n);
        } else if (value instanceof Boolean bool) {
            b.setBoolValue(bool);
        } else {
            b.setStringValue(((UuidValue) value).uuid().toString());
        }
        return b.build();
    }
}
