package io.github.qdrantscope.embedded.search;

import io.github.qdrantscope.embedded.filter.FilterEvaluator;
import io.github.qdrantscope.embedded.storage.StoredPoint;
import io.qdrant.client.grpc.Common.Filter;
import java.util.function.Predicate;

/** Compiles a request's filter once per request; an absent or empty filter costs nothing per point. */
final class PointFilter {

    private PointFilter() {
    }

    /** The compiled filter, or {@code null} when every point matches (absent or empty filter). */
    static Predicate<StoredPoint> compile(boolean present, Filter filter) {
        if (!present || isEmpty(filter)) {
            return null;
        }
        return FilterEvaluator.compile(filter);
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

    private static boolean isEmpty(Filter filter) {
        return filter.getMustCount() == 0 && filter.getShouldCount() == 0 && filter.getMustNotCount() == 0
                && !filter.hasMinShould();
    }
}
