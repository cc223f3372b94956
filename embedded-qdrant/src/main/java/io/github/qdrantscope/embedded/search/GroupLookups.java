package io.github.qdrantscope.embedded.search;

import io.github.qdrantscope.embedded.storage.CollectionView;
import io.github.qdrantscope.embedded.storage.PointKey;
import io.github.qdrantscope.embedded.storage.StoredPoint;
import io.qdrant.client.grpc.Common.PointId;
import io.qdrant.client.grpc.Points.GroupId;
import io.qdrant.client.grpc.Points.GroupsResult;
import io.qdrant.client.grpc.Points.PointGroup;
import io.qdrant.client.grpc.Points.WithLookup;

/**
 * {@code with_lookup} of the groups RPCs: each group gets the point of the lookup collection whose id is the group
 * id, when there is one ({@code lookup_ids} in {@code lib/collection/src/lookup/mod.rs}: a group id that is no valid
 * point id, i.e. a negative integer or a string that is no UUID, looks nothing up). The lookup's payload defaults to
 * all of it and its vectors to none.
 */
public final class GroupLookups {

    private final CollectionView view;
    private final ResultPoints out;

    /** @param view the lookup collection (the searched one, or the one {@code with_lookup} names) */
    GroupLookups(CollectionView view, WithLookup withLookup) {
        this.view = view;
        this.out = new ResultPoints(
                PayloadProjection.of(withLookup.hasWithPayload() ? withLookup.getWithPayload() : null, true),
                VectorProjection.of(withLookup.hasWithVectors() ? withLookup.getWithVectors() : null, view));
    }

    /**
     * Fills the lookups of {@code groups} from {@code view}, the collection {@code withLookup} names (another than
     * the searched one: the searched one's lookups are filled while grouping).
     */
    public static GroupsResult fill(CollectionView view, WithLookup withLookup, GroupsResult groups) {
        GroupLookups lookups = new GroupLookups(view, withLookup);
        GroupsResult.Builder result = groups.toBuilder();
        for (PointGroup.Builder group : result.getGroupsBuilderList()) {
            lookups.fill(group, group.getId());
        }
        return result.build();
    }

    void fill(PointGroup.Builder group, GroupId id) {
        PointKey key = toPointKey(id);
        StoredPoint point = key == null ? null : view.point(key);
        if (point != null) {
            group.setLookup(out.retrieved(point, null));
        }
    }

    private static PointKey toPointKey(GroupId id) {
        return switch (id.getKindCase()) {
            case UNSIGNED_VALUE -> PointKey.ofNumber(id.getUnsignedValue());
            case INTEGER_VALUE -> id.getIntegerValue() >= 0 ? PointKey.ofNumber(id.getIntegerValue()) : null;
            case STRING_VALUE -> {
                try {
                    yield PointKey.of(PointId.newBuilder().setUuid(id.getStringValue()).build());
                } catch (RuntimeException notAnId) {
                    yield null;
                }
            }
            case KIND_NOT_SET -> null;
        };
    }
}
