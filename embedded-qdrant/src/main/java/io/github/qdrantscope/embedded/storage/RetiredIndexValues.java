package io.github.qdrantscope.embedded.storage;

import io.qdrant.client.grpc.Collections.PayloadSchemaInfo;
import io.qdrant.client.grpc.Collections.PayloadSchemaType;
import io.qdrant.client.grpc.JsonWithInt.Value;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The payload values a collection's map indexes (keyword, integer, uuid) held for points that have since been
 * changed or deleted. Qdrant's mutable map index keeps a value when its last point leaves it
 * ({@code MutableMapIndex::remove_point} takes the point out of the value's set and never drops the value:
 * {@code lib/segment/src/index/field_index/map_index/mutable_map_index.rs}, qdrant/qdrant 9394fc17 and every
 * version read), and an exact facet without a filter counts every value the index lists ({@code facet_values}
 * over {@code iter_values} in {@code lib/segment/src/segment/facet.rs}), so such a value comes back with count 0
 * ({@code LocalShard::exact_facet}, no count filter there nor in {@code collection/facet.rs}). An index built
 * anew (another schema on the key, or a restored snapshot, which reloads the map from the points) has none.
 *
 * <p>Kept per index as the retired points' payload values under the key's first path segment, deduplicated;
 * resolving the rest of the path is the reader's ({@link CollectionView#retiredIndexPayloads}). Only touched
 * under the collection's write lock (and read under its read lock).
 */
final class RetiredIndexValues {

    /** The values of one index, valid while {@code index} is the very schema object the key maps to. */
    private record Retired(PayloadSchemaInfo index, String root, Set<Value> values) {
    }

    private final Map<String, Retired> byKey = new HashMap<>();

    /** {@code old} was replaced by {@code replacement} ({@code null} when deleted). */
    void retire(Map<String, PayloadSchemaInfo> schema, StoredPoint old, StoredPoint replacement) {
        for (Map.Entry<String, PayloadSchemaInfo> index : schema.entrySet()) {
            if (!isMapIndex(index.getValue())) {
                continue;
            }
            String root = root(index.getKey());
            Value value = old.payload().get(root);
            if (value == null || replacement != null && value.equals(replacement.payload().get(root))) {
                continue;
            }
            Retired retired = byKey.get(index.getKey());
            if (retired == null || retired.index() != index.getValue()) {
                retired = new Retired(index.getValue(), root, new LinkedHashSet<>());
                byKey.put(index.getKey(), retired);
            }
            retired.values().add(value);
        }
    }

    /** One single-key payload per retired value of {@code key}'s index as it is now. */
    List<Map<String, Value>> payloads(String key, PayloadSchemaInfo current) {
        Retired retired = byKey.get(key);
        if (retired == null || retired.index() != current) {
            return List.of();
        }
        List<Map<String, Value>> payloads = new ArrayList<>(retired.values().size());
        retired.values().forEach(value -> payloads.add(Map.of(retired.root(), value)));
        return payloads;
    }

    // an integer index without lookup has no map, but Facets refuses to facet on it anyway
    private static boolean isMapIndex(PayloadSchemaInfo info) {
        PayloadSchemaType type = info.getDataType();
        return type == PayloadSchemaType.Keyword || type == PayloadSchemaType.Uuid
                || type == PayloadSchemaType.Integer;
    }

    /** The top-level payload key of a JSON path: {@code a} of {@code a.b}, {@code a[].b}; {@code a.b} of {@code "a.b".c}. */
    static String root(String key) {
        if (key.startsWith("\"")) {
            int close = key.indexOf('"', 1);
            return close < 0 ? key : key.substring(1, close);
        }
        int end = key.length();
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c == '.' || c == '[') {
                end = i;
                break;
            }
        }
        return key.substring(0, end);
    }
}
