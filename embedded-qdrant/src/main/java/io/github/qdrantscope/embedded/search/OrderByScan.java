package io.github.qdrantscope.embedded.search;

import io.github.qdrantscope.embedded.filter.PayloadPaths;
import io.github.qdrantscope.embedded.filter.QdrantDatetime;
import io.github.qdrantscope.embedded.storage.CollectionView;
import io.github.qdrantscope.embedded.storage.QdrantErrors;
import io.github.qdrantscope.embedded.storage.StoredPoint;
import io.qdrant.client.grpc.Collections.PayloadSchemaInfo;
import io.qdrant.client.grpc.Collections.PayloadSchemaType;
import io.qdrant.client.grpc.JsonWithInt.Value;
import io.qdrant.client.grpc.Points.Direction;
import io.qdrant.client.grpc.Points.OrderBy;
import io.qdrant.client.grpc.Points.OrderValue;
import io.qdrant.client.grpc.Points.StartFrom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

/**
 * Ordering points by a payload field, as Qdrant's {@code scroll_by_field}
 * ({@code lib/collection/src/shards/local_shard/scroll.rs}) does: it needs a range-capable payload
 * index (integer with {@code range}, float or datetime); it streams (value, point) pairs from that
 * index, so a point with several values appears once per value; pairs are merged by
 * {@code (value, id)} ascending, or descending for {@code Desc}; {@code start_from} is inclusive.
 */
final class OrderByScan {

    /** One (value, point) pair; {@code value} is a double for float indexes, else an exact long. */
    record Entry(StoredPoint point, double number, long integer, boolean isInteger) {

        OrderValue orderValue() {
            return isInteger ? OrderValue.newBuilder().setInt(integer).build()
                    : OrderValue.newBuilder().setFloat(number).build();
        }

        double asDouble() {
            return isInteger ? integer : number;
        }
    }

    private enum IndexKind { INTEGER, FLOAT, DATETIME }

    private OrderByScan() {
    }

    /** How a missing range index is reported: Scroll and the Query API word it differently. */
    enum MissingIndexError { SCROLL, QUERY }

    /** The first {@code limit} pairs in order over the whole collection. */
    static List<Entry> scan(CollectionView view, OrderBy orderBy, Predicate<StoredPoint> filter, long limit,
            MissingIndexError flavour) {
        return scan(view, view.points(), orderBy, filter, limit, flavour);
    }

    /** The first {@code limit} pairs in order among {@code points}. */
    static List<Entry> scan(CollectionView view, Iterable<StoredPoint> points, OrderBy orderBy,
            Predicate<StoredPoint> filter, long limit, MissingIndexError flavour) {
        IndexKind kind = rangeIndex(view, orderBy.getKey(), flavour);
        boolean desc = orderBy.hasDirection() && orderBy.getDirection() == Direction.Desc;
        boolean hasStart = orderBy.hasStartFrom();
        double start = hasStart ? startValue(orderBy.getStartFrom()) : 0;
        List<Entry> entries = new ArrayList<>();
        for (StoredPoint point : points) {
            if (!PointFilter.matches(filter, point)) {
                continue;
            }
            for (Value v : flatten(PayloadPaths.resolve(point.payload(), orderBy.getKey()))) {
                Entry e = entry(kind, point, v);
                if (e == null) {
                    continue;
                }
                if (hasStart && (desc ? e.asDouble() > start : e.asDouble() < start)) {
                    continue;
                }
                entries.add(e);
            }
        }
        Comparator<Entry> asc = Comparator.<Entry>comparingDouble(Entry::asDouble)
                .thenComparingLong(Entry::integer)
                .thenComparing(e -> e.point().id());
        entries.sort(desc ? asc.reversed() : asc);
        return entries.size() > limit ? entries.subList(0, (int) limit) : entries;
    }

    /**
     * The key's payload index if it supports ranges, else Qdrant's error: Scroll checks at collection
     * level ({@code bad_request} in {@code collection/point_ops.rs}); the Query API fails in the
     * segment ({@code OperationError::MissingRangeIndexForOrderBy}, a bad input).
     */
    private static IndexKind rangeIndex(CollectionView view, String key, MissingIndexError flavour) {
        PayloadSchemaInfo info = view.payloadSchema().get(key);
        if (info != null) {
            PayloadSchemaType type = info.getDataType();
            if (type == PayloadSchemaType.Integer) {
                boolean range = !info.hasParams() || !info.getParams().hasIntegerIndexParams()
                        || !info.getParams().getIntegerIndexParams().hasRange()
                        || info.getParams().getIntegerIndexParams().getRange();
                if (range) {
                    return IndexKind.INTEGER;
                }
            } else if (type == PayloadSchemaType.Float) {
                return IndexKind.FLOAT;
            } else if (type == PayloadSchemaType.Datetime) {
                return IndexKind.DATETIME;
            }
        }
        if (flavour == MissingIndexError.QUERY) {
            throw QdrantErrors.wrongInput("No range index for `order_by` key: `" + key + "`. Please create one to"
                    + " use `order_by`. Check https://qdrant.tech/documentation/concepts/indexing/#payload-index"
                    + " to see which payload schemas support Range conditions");
        }
        throw QdrantErrors.invalidArgument("Bad request: No range index for `order_by` key: " + key
                + ". Please create one to use `order_by`. Integer, float, and datetime payloads can have range"
                + " indexes, see https://qdrant.tech/documentation/concepts/indexing/#payload-index.");
    }

    private static List<Value> flatten(List<Value> values) {
        List<Value> out = new ArrayList<>(values.size());
        for (Value v : values) {
            if (v.hasListValue()) {
                out.addAll(v.getListValue().getValuesList());
            } else {
                out.add(v);
            }
        }
        return out;
    }

    /** What the index would hold for this value; {@code null} when the index skips it (wrong type). */
    private static Entry entry(IndexKind kind, StoredPoint point, Value v) {
        switch (kind) {
            case INTEGER:
                return v.hasIntegerValue() ? new Entry(point, 0, v.getIntegerValue(), true) : null;
            case FLOAT:
                if (v.hasIntegerValue()) {
                    return new Entry(point, v.getIntegerValue(), 0, false);
                }
                return v.hasDoubleValue() ? new Entry(point, v.getDoubleValue(), 0, false) : null;
            default:
                if (!v.hasStringValue()) {
                    return null;
                }
                Long micros = datetimeMicros(v.getStringValue());
                return micros == null ? null : new Entry(point, 0, micros, true);
        }
    }

    private static double startValue(StartFrom start) {
        return switch (start.getValueCase()) {
            case FLOAT -> start.getFloat();
            case INTEGER -> start.getInteger();
            case TIMESTAMP -> start.getTimestamp().getSeconds() * 1_000_000.0 + start.getTimestamp().getNanos() / 1000;
            case DATETIME -> {
                Long micros = datetimeMicros(start.getDatetime());
                if (micros == null) {
                    throw QdrantErrors.invalidArgument("Unable to parse datetime: " + start.getDatetime());
                }
                yield micros;
            }
            case VALUE_NOT_SET -> throw QdrantErrors.invalidArgument("Malformed StartFrom type");
        };
    }

    /** Micros since epoch of a datetime as Qdrant's datetime index reads it, or {@code null} when it does not parse. */
    static Long datetimeMicros(String s) {
        Instant instant = QdrantDatetime.parse(s);
        return instant == null ? null : micros(instant.getEpochSecond(), instant.getNano());
    }

    private static long micros(long epochSecond, int nanos) {
        return epochSecond * 1_000_000L + nanos / 1000;
    }
}
