package io.github.qdrantscope.embedded.filter;

import io.github.qdrantscope.embedded.storage.PointKey;
import io.github.qdrantscope.embedded.storage.QdrantErrors;
import io.github.qdrantscope.embedded.storage.StoredPoint;
import io.qdrant.client.grpc.Collections.PayloadSchemaInfo;
import io.qdrant.client.grpc.Common.Condition;
import io.qdrant.client.grpc.Common.FieldCondition;
import io.qdrant.client.grpc.Common.Filter;
import io.qdrant.client.grpc.Common.HasIdCondition;
import io.qdrant.client.grpc.Common.Match;
import io.qdrant.client.grpc.Common.NestedCondition;
import io.qdrant.client.grpc.Common.PointId;
import io.qdrant.client.grpc.JsonWithInt.Value;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Evaluates Qdrant filters against stored points, with Qdrant 1.17's semantics
 * ({@code lib/segment/src/payload_storage/query_checker.rs}, {@code condition_checker.rs}) for
 * un-indexed payload, and for the one kind of payload index that changes results, full-text
 * ({@link IndexedTextMatch}).
 *
 * <p>{@link #compile} converts the wire filter the way {@code lib/api/src/grpc/conversions.rs} does
 * (rejecting the same malformed inputs with the same messages) into a tree of small predicates with
 * pre-parsed key paths and pre-built value sets, so evaluating it per point does no parsing.
 */
public final class FilterEvaluator {

    private FilterEvaluator() {
    }

    /**
     * Validates and compiles a filter once, for evaluation over many points, as on a collection without
     * payload indexes (requests go through {@link #compile(Filter, Map)} with their collection's).
     *
     * @throws io.grpc.StatusRuntimeException {@code INVALID_ARGUMENT} with Qdrant's message for a
     *     malformed condition (e.g. "Malformed Match condition", "Nested condition must have a filter")
     */
    public static CompiledFilter compile(Filter filter) {
        return compile(filter, Map.of());
    }

    /**
     * Validates and compiles a filter for a collection whose payload indexes are {@code indexes} now (its
     * {@code payload_schema}): a full-text condition on a key with a text index reads the index's tokens.
     *
     * @throws io.grpc.StatusRuntimeException {@code INVALID_ARGUMENT} as {@link #compile(Filter)}
     */
    public static CompiledFilter compile(Filter filter, Map<String, PayloadSchemaInfo> indexes) {
        FilterValidation.validate(filter, "filter");
        Node root = compileFilter(filter, byPath(indexes), false);
        CompiledFilter.RequiredKeyword required = requiredKeyword(filter);
        boolean onlyRequired = required != null && filter.getMustCount() == 1 && filter.getShouldCount() == 0
                && filter.getMustNotCount() == 0 && !filter.hasMinShould();
        return new CompiledFilter(root, required, onlyRequired);
    }

    /**
     * The first {@code must} condition that is a bare {@code match: keyword} on a plain top-level key:
     * with nothing else set on the field condition (values_count, is_empty, is_null, range or geo
     * would let points without the keyword match), a point can only match by holding the keyword.
     */
    private static CompiledFilter.RequiredKeyword requiredKeyword(Filter filter) {
        for (Condition condition : filter.getMustList()) {
            if (condition.getConditionOneOfCase() != Condition.ConditionOneOfCase.FIELD) {
                continue;
            }
            FieldCondition f = condition.getField();
            if (f.hasMatch() && f.getMatch().getMatchValueCase() == Match.MatchValueCase.KEYWORD
                    && !f.hasRange() && !f.hasDatetimeRange() && !f.hasGeoBoundingBox() && !f.hasGeoRadius()
                    && !f.hasGeoPolygon() && !f.hasValuesCount() && !f.hasIsEmpty() && !f.hasIsNull()
                    && isPlainKey(f.getKey())) {
                return new CompiledFilter.RequiredKeyword(f.getKey(), f.getMatch().getKeyword());
            }
        }
        return null;
    }

    /** A key naming a top-level payload field as written (no path steps, no quotes). */
    private static boolean isPlainKey(String key) {
        JsonPath path = JsonPath.parse(key);
        return path.rest.length == 0 && path.firstKey.equals(key);
    }

    /** Shorthand for {@code compile(filter).test(point)}. */
    public static boolean matches(Filter filter, StoredPoint point) {
        return compile(filter).test(point);
    }

    /**
     * One compiled condition. {@code point} is {@code null} inside a nested condition, where Qdrant
     * evaluates has_id and has_vector as false (no id tracker or vector storage is passed down).
     */
    interface Node {
        boolean test(Map<String, Value> payload, StoredPoint point);
    }

    /** Payload indexes by parsed key, as Qdrant keys them ({@code field_indexes} by {@code JsonPath}). */
    private static Map<JsonPath, PayloadSchemaInfo> byPath(Map<String, PayloadSchemaInfo> indexes) {
        Map<JsonPath, PayloadSchemaInfo> byPath = new HashMap<>();
        indexes.forEach((key, info) -> byPath.put(JsonPath.parse(key), info));
        return byPath;
    }

    /** {@code nested}: inside a nested condition, whose full-text conditions Qdrant checks value by value. */
    static Node compileFilter(Filter filter, Map<JsonPath, PayloadSchemaInfo> indexes, boolean nested) {
        // Conversion order and empty-condition dropping as conversions.rs `TryFrom<Filter>`:
        // should, min_should, must, must_not; a list left without conditions counts as absent.
        Node[] should = compileList(filter.getShouldList(), indexes, nested);
        Node[] minShould = null;
        int minCount = 0;
        if (filter.hasMinShould()) {
            Node[] conditions = compileList(filter.getMinShould().getConditionsList(), indexes, nested);
            minShould = conditions == null ? new Node[0] : conditions;
            long count = filter.getMinShould().getMinCount();
            minCount = count > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) count;
        }
        Node[] must = compileList(filter.getMustList(), indexes, nested);
        Node[] mustNot = compileList(filter.getMustNotList(), indexes, nested);
        return new FilterNode(should, minShould, minCount, must, mustNot);
    }

    private static Node[] compileList(List<Condition> conditions, Map<JsonPath, PayloadSchemaInfo> indexes,
            boolean nested) {
        List<Node> nodes = new ArrayList<>(conditions.size());
        for (Condition condition : conditions) {
            Node node = compileCondition(condition, indexes, nested);
            if (node != null) {
                nodes.add(node);
            }
        }
        return nodes.isEmpty() ? null : nodes.toArray(new Node[0]);
    }

    /** {@code grpc_condition_into_condition}: {@code null} for a condition with no variant set. */
    private static Node compileCondition(Condition condition, Map<JsonPath, PayloadSchemaInfo> indexes,
            boolean nested) {
        switch (condition.getConditionOneOfCase()) {
            case FIELD: {
                // converted first either way, so a malformed condition fails with Qdrant's message
                Node payload = FieldConditionNode.compile(condition.getField());
                Node indexed = IndexedTextMatch.compile(condition.getField(), indexes, nested);
                return indexed != null ? indexed : payload;
            }
            case HAS_ID:
                return compileHasId(condition.getHasId());
            case FILTER:
                return compileFilter(condition.getFilter(), indexes, nested);
            case IS_EMPTY: {
                JsonPath path = JsonPath.parse(condition.getIsEmpty().getKey());
                return (payload, point) -> path.walk(payload, v -> !isEmptyValue(v)) != JsonPath.STOPPED;
            }
            case IS_NULL: {
                JsonPath path = JsonPath.parse(condition.getIsNull().getKey());
                return (payload, point) -> path.walk(payload, PayloadPaths::isNull) == JsonPath.STOPPED;
            }
            case NESTED:
                return compileNested(condition.getNested(), indexes);
            case HAS_VECTOR: {
                String name = condition.getHasVector().getHasVector();
                // a sparse vector counts even when empty, as Qdrant's engine (Edge 0.9.0) answers
                return (payload, point) -> point != null
                        && (point.vector(name) != null || point.sparseVectors().containsKey(name));
            }
            default:
                return null;
        }
    }

    /** {@code check_is_empty} in {@code lib/segment/src/common/utils.rs}: null or an empty array. */
    static boolean isEmptyValue(Value v) {
        return PayloadPaths.isNull(v)
                || v.getKindCase() == Value.KindCase.LIST_VALUE && v.getListValue().getValuesCount() == 0;
    }

    private static Node compileHasId(HasIdCondition hasId) {
        Set<PointKey> ids = new HashSet<>();
        for (PointId id : hasId.getHasIdList()) {
            ids.add(PointKey.of(id));
        }
        return (payload, point) -> point != null && ids.contains(point.id());
    }

    private static Node compileNested(NestedCondition nested, Map<JsonPath, PayloadSchemaInfo> indexes) {
        if (!nested.hasFilter()) {
            throw QdrantErrors.invalidArgument("Nested condition must have a filter");
        }
        // conversions.rs parses the key before converting the inner filter.
        JsonPath path = JsonPath.parse(nested.getKey()).arrayKey();
        // keys inside are relative to the array's objects: query_checker.rs hands the nested check the indexes
        // under `key[]`, keyed by the rest of their path (select_nested_indexes)
        Map<JsonPath, PayloadSchemaInfo> innerIndexes = new HashMap<>();
        indexes.forEach((key, info) -> {
            JsonPath inner = key.stripPrefix(path);
            if (inner != null) {
                innerIndexes.put(inner, info);
            }
        });
        Node inner = compileFilter(nested.getFilter(), innerIndexes, true);
        // query_checker.rs: each object element under `key[]` is checked as a payload of its own;
        // non-object elements are skipped.
        JsonPath.Visitor matchesInner = v -> v.getKindCase() == Value.KindCase.STRUCT_VALUE
                && inner.test(v.getStructValue().getFieldsMap(), null);
        return (payload, point) -> path.walk(payload, matchesInner) == JsonPath.STOPPED;
    }

    /** {@code check_filter}: should, min_should, must, must_not; an absent clause passes. */
    private record FilterNode(Node[] should, Node[] minShould, int minCount, Node[] must, Node[] mustNot)
            implements Node {

        @Override
        public boolean test(Map<String, Value> payload, StoredPoint point) {
            if (should != null) {
                boolean any = false;
                for (Node n : should) {
                    if (n.test(payload, point)) {
                        any = true;
                        break;
                    }
                }
                if (!any) {
                    return false;
                }
            }
            if (minShould != null) {
                int matched = 0;
                for (int i = 0; i < minShould.length && matched < minCount; i++) {
                    if (minShould[i].test(payload, point)) {
                        matched++;
                    }
                }
                if (matched != minCount) {
                    return false;
                }
            }
            if (must != null) {
                for (Node n : must) {
                    if (!n.test(payload, point)) {
                        return false;
                    }
                }
            }
            if (mustNot != null) {
                for (Node n : mustNot) {
                    if (n.test(payload, point)) {
                        return false;
                    }
                }
            }
            return true;
        }
    }

    /** Used by {@link FilterValidation} to decide whether a field condition sets anything. */
    static boolean allFieldsNone(FieldCondition f) {
        return !f.hasMatch() && !f.hasRange() && !f.hasDatetimeRange() && !f.hasGeoBoundingBox()
                && !f.hasGeoRadius() && !f.hasGeoPolygon() && !f.hasValuesCount() && !f.hasIsEmpty()
                && !f.hasIsNull();
    }
}
