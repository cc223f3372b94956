package io.github.qdrantscope.embedded.search;

import io.github.qdrantscope.embedded.filter.FilterEvaluator;
import io.github.qdrantscope.embedded.storage.CollectionView;
import io.github.qdrantscope.embedded.storage.StoredPoint;
import io.qdrant.client.grpc.Common.Filter;
import io.qdrant.client.grpc.Common.MinShould;
import java.util.function.Predicate;

/** Compiles a request's filter once per request; an absent or empty filter costs nothing per point. */
final class PointFilter {

    private PointFilter() {
    }

    /**
     * The compiled filter, or {@code null} when every point matches (absent or empty filter). It reads the
     * payload indexes {@code view} has now, so it belongs to this request only.
     */
    static Predicate<StoredPoint> compile(CollectionView view, boolean present, Filter filter) {
        if (!present || isEmpty(filter)) {
            return null;
        }
        return FilterEvaluator.compile(filter, view.payloadSchema());
    }

    static boolean matches(Predicate<StoredPoint> filter, StoredPoint point) {
        return filter == null || filter.test(point);
    }

    /** Combines two compiled filters (either may be {@code null} = match all). */
    static Predicate<StoredPoint> and(Predicate<StoredPoint> a, Predicate<StoredPoint> b) {
        if (a == null) {
            return b;
        }
        return b == null ? a : a.and(b);
    }

    /**
     * Qdrant's {@code Filter::merge_opts}/{@code merge_owned} (lib/segment/src/types.rs), with which
     * {@code recurse_prefetches} (lib/shard/src/query/planned_query.rs) propagates a query's filter into its
     * prefetches: must, must_not and should lists are concatenated, min_should conditions too with the larger
     * min_count. So a root {@code should} and a prefetch {@code should} are ORed together, not ANDed
     * (qdrant/qdrant#10594, still open after 1.17); must and must_not stay conjunctive.
     *
     * @return the merged filter, or {@code null} when both are absent
     */
    static Filter merge(Filter inherited, Filter own) {
        if (inherited == null) {
            return own;
        }
        if (own == null) {
            return inherited;
        }
        Filter.Builder merged = Filter.newBuilder()
                .addAllShould(inherited.getShouldList()).addAllShould(own.getShouldList())
                .addAllMust(inherited.getMustList()).addAllMust(own.getMustList())
                .addAllMustNot(inherited.getMustNotList()).addAllMustNot(own.getMustNotList());
        if (inherited.hasMinShould() && own.hasMinShould()) {
            merged.setMinShould(MinShould.newBuilder()
                    .addAllConditions(inherited.getMinShould().getConditionsList())
                    .addAllConditions(own.getMinShould().getConditionsList())
                    .setMinCount(Math.max(inherited.getMinShould().getMinCount(), own.getMinShould().getMinCount())));
        } else if (inherited.hasMinShould() || own.hasMinShould()) {
            merged.setMinShould(inherited.hasMinShould() ? inherited.getMinShould() : own.getMinShould());
        }
        return merged.build();
    }

    private static boolean isEmpty(Filter filter) {
        return filter.getMustCount() == 0 && filter.getShouldCount() == 0 && filter.getMustNotCount() == 0
                && !filter.hasMinShould();
    }
}
