package io.github.qdrantscope.embedded.filter;

import io.github.qdrantscope.embedded.storage.StoredPoint;
import io.qdrant.client.grpc.Common.FieldCondition;
import io.qdrant.client.grpc.Common.Range;
import io.qdrant.client.grpc.Common.ValuesCount;
import io.qdrant.client.grpc.JsonWithInt.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A compiled {@link FieldCondition}, evaluated as {@code check_field_condition} in
 * {@code query_checker.rs} and {@code impl ValueChecker for FieldCondition} in
 * {@code condition_checker.rs}:
 * <ul>
 *   <li>no value at the key: only {@code is_empty} (its own value) or {@code is_null} (its negation)
 *       decide; every other condition is false, values_count included;</li>
 *   <li>otherwise the condition holds when it holds for any value found. For one value:
 *       {@code values_count}, when set, alone decides (on the count of the value); else
 *       {@code is_empty}, when set, alone decides; else {@code is_null}; else the match, range and
 *       geo conditions are ORed, and an array value matches when any element does (one level).</li>
 * </ul>
 */
final class FieldConditionNode implements FilterEvaluator.Node {

    private final JsonPath path;
    private final ValueMatcher[] matchers;
    private final ValuesCount valuesCount;
    private final Boolean isEmpty;
    private final Boolean isNull;
    private final boolean whenMissing;

    private FieldConditionNode(JsonPath path, ValueMatcher[] matchers, ValuesCount valuesCount, Boolean isEmpty,
            Boolean isNull) {
        this.path = path;
        this.matchers = matchers;
        this.valuesCount = valuesCount;
        this.isEmpty = isEmpty;
        this.isNull = isNull;
        this.whenMissing = isEmpty != null ? isEmpty : isNull != null && !isNull;
    }

    /** Converts in the order of conversions.rs `TryFrom<FieldCondition>` so the first error matches. */
    static FieldConditionNode compile(FieldCondition f) {
        List<ValueMatcher> matchers = new ArrayList<>();
        ValueMatcher bbox = f.hasGeoBoundingBox() ? GeoMatchers.boundingBox(f.getGeoBoundingBox()) : null;
        ValueMatcher radius = f.hasGeoRadius() ? GeoMatchers.radius(f.getGeoRadius()) : null;
        ValueMatcher polygon = f.hasGeoPolygon() ? GeoMatchers.polygon(f.getGeoPolygon()) : null;
        // A numeric range wins; datetime_range is only read when range is absent (conversions.rs).
        ValueMatcher range = f.hasRange() ? numberRange(f.getRange())
                : f.hasDatetimeRange() ? DatetimeMatchers.range(f.getDatetimeRange()) : null;
        JsonPath path = JsonPath.parse(f.getKey());
        ValueMatcher match = f.hasMatch() ? MatchMatchers.compile(f.getMatch()) : null;
        // check_match ORs: match, range, geo_radius, geo_bounding_box, geo_polygon.
        for (ValueMatcher m : new ValueMatcher[] {match, range, radius, bbox, polygon}) {
            if (m != null) {
                matchers.add(m);
            }
        }
        return new FieldConditionNode(path, matchers.toArray(new ValueMatcher[0]),
                f.hasValuesCount() ? f.getValuesCount() : null,
                f.hasIsEmpty() ? f.getIsEmpty() : null,
                f.hasIsNull() ? f.getIsNull() : null);
    }

    private final JsonPath.Visitor checker = this::check;

    @Override
    public boolean test(Map<String, Value> payload, StoredPoint point) {
        int result = path.walk(payload, checker);
        return result == JsonPath.STOPPED || result == JsonPath.NOTHING && whenMissing;
    }

    private boolean check(Value value) {
        if (valuesCount != null) {
            return checkCount(valuesCount, value);
        }
        if (isEmpty != null) {
            // check_is_empty(is_empty, value) in condition_checker.rs
            return FilterEvaluator.isEmptyValue(value) == isEmpty;
        }
        if (isNull != null) {
            // check_is_null(is_null, value): an array counts as null when any element is null.
            boolean nullish;
            if (value.getKindCase() == Value.KindCase.LIST_VALUE) {
                nullish = false;
                for (Value element : value.getListValue().getValuesList()) {
                    if (PayloadPaths.isNull(element)) {
                        nullish = true;
                        break;
                    }
                }
            } else {
                nullish = PayloadPaths.isNull(value);
            }
            return nullish == isNull;
        }
        if (value.getKindCase() == Value.KindCase.LIST_VALUE) {
            for (Value element : value.getListValue().getValuesList()) {
                if (checkOne(element)) {
                    return true;
                }
            }
            return false;
        }
        return checkOne(value);
    }

    private boolean checkOne(Value value) {
        for (ValueMatcher m : matchers) {
            if (m.matches(value)) {
                return true;
            }
        }
        return false;
    }

    /** {@code ValuesCount::check_count_from}: null counts 0, an array its length, anything else 1. */
    private static boolean checkCount(ValuesCount vc, Value value) {
        long count = PayloadPaths.isNull(value) ? 0
                : value.getKindCase() == Value.KindCase.LIST_VALUE ? value.getListValue().getValuesCount() : 1;
        // The wire bounds are u64; compare unsigned like Qdrant's usize.
        return (!vc.hasLt() || Long.compareUnsigned(count, vc.getLt()) < 0)
                && (!vc.hasGt() || Long.compareUnsigned(count, vc.getGt()) > 0)
                && (!vc.hasLte() || Long.compareUnsigned(count, vc.getLte()) <= 0)
                && (!vc.hasGte() || Long.compareUnsigned(count, vc.getGte()) >= 0);
    }

    /** {@code Range<f64>}: numbers only (integers widened to double), all given bounds ANDed. */
    private static ValueMatcher numberRange(Range r) {
        double lt = r.hasLt() ? r.getLt() : Double.NaN;
        double gt = r.hasGt() ? r.getGt() : Double.NaN;
        double lte = r.hasLte() ? r.getLte() : Double.NaN;
        double gte = r.hasGte() ? r.getGte() : Double.NaN;
        boolean hasLt = r.hasLt();
        boolean hasGt = r.hasGt();
        boolean hasLte = r.hasLte();
        boolean hasGte = r.hasGte();
        return value -> {
            double n;
            if (value.getKindCase() == Value.KindCase.INTEGER_VALUE) {
                n = value.getIntegerValue();
            } else if (value.getKindCase() == Value.KindCase.DOUBLE_VALUE) {
                n = value.getDoubleValue();
            } else {
                return false;
            }
            return (!hasLt || n < lt) && (!hasGt || n > gt) && (!hasLte || n <= lte) && (!hasGte || n >= gte);
        };
    }

}
