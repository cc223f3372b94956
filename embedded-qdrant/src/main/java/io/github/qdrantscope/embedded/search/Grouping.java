package io.github.qdrantscope.embedded.search;

import io.github.qdrantscope.embedded.filter.PayloadPaths;
import io.github.qdrantscope.embedded.storage.CollectionView;
import io.github.qdrantscope.embedded.storage.StoredPoint;
import io.qdrant.client.grpc.JsonWithInt.Value;
import io.qdrant.client.grpc.Points.GroupId;
import io.qdrant.client.grpc.Points.GroupsResult;
import io.qdrant.client.grpc.Points.PointGroup;
import io.qdrant.client.grpc.Points.WithLookup;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Groups ranked hits by a payload field, as Qdrant's {@code group_by}
 * ({@code lib/collection/src/grouping/}) converges to, computed exactly: groups are keyed by every
 * string or integer value at {@code group_by} (arrays contribute each element, so a point can be in
 * several groups; other values are ignored), ordered by their best hit, at most {@code limit}
 * groups of at most {@code groupSize} hits each.
 */
final class Grouping {

    private Grouping() {
    }

    /** Points with no value at the key can never join a group (Qdrant adds must_not is_empty). */
    static Predicate<StoredPoint> hasGroupValue(String groupBy) {
        return point -> !keys(point, groupBy).isEmpty();
    }

    static GroupsResult group(CollectionView view, List<Hit> ranked, String groupBy, long groupSize, long limit,
            ResultPoints out, WithLookup withLookup) {
        Map<Object, List<Hit>> groups = new LinkedHashMap<>();
        int full = 0;
        for (Hit hit : ranked) {
            if (groups.size() >= limit && full >= groups.size()) {
                break;
            }
            for (Object key : keys(hit.point(), groupBy)) {
                List<Hit> hits = groups.get(key);
                if (hits == null) {
                    if (groups.size() >= limit) {
                        continue;
                    }
                    hits = new ArrayList<>();
                    groups.put(key, hits);
                }
                if (hits.size() < groupSize) {
                    hits.add(hit);
                    if (hits.size() == groupSize) {
                        full++;
                    }
                }
            }
        }
        // a lookup in another collection is filled in after this collection's lock is released (GroupLookups)
        GroupLookups lookup = withLookup == null || !withLookup.getCollection().equals(view.name()) ? null
                : new GroupLookups(view, withLookup);
        GroupsResult.Builder result = GroupsResult.newBuilder();
        groups.forEach((key, hits) -> {
            PointGroup.Builder group = PointGroup.newBuilder().setId(groupId(key));
            for (Hit h : hits) {
                group.addHits(out.scored(h.point(), h.score(), h.orderValue()));
            }
            if (lookup != null) {
                lookup.fill(group, groupId(key));
            }
            result.addGroups(group);
        });
        return result.build();
    }

    /** Distinct group keys of a point: {@code String} or {@code Long} (integers). */
    private static Set<Object> keys(StoredPoint point, String groupBy) {
        Set<Object> keys = new LinkedHashSet<>();
        for (Value v : PayloadPaths.resolve(point.payload(), groupBy)) {
            if (v.hasListValue()) {
                v.getListValue().getValuesList().forEach(e -> addKey(keys, e));
            } else {
                addKey(keys, v);
            }
        }
        return keys;
    }

    private static void addKey(Set<Object> keys, Value v) {
        if (v.hasStringValue()) {
            keys.add(v.getStringValue());
        } else if (v.hasIntegerValue()) {
            keys.add(v.getIntegerValue());
        }
    }

    /** Non-negative integers are {@code unsigned_value}, negative ones {@code integer_value}. */
    private static GroupId groupId(Object key) {
        if (key instanceof String s) {
            return GroupId.newBuilder().setStringValue(s).build();
        }
        long n = (Long) key;
        return n >= 0 ? GroupId.newBuilder().setUnsignedValue(n).build()
                : GroupId.newBuilder().setIntegerValue(n).build();
    }
}
