package io.github.qdrantscope.embedded.search;

import io.github.qdrantscope.embedded.storage.StoredPoint;
import java.util.Comparator;

/**
 * A point with a score where larger is better (for distances, the negated distance; see
 * {@link Metric}). Only winners of a scan are materialised as {@code Scored}.
 */
record Scored(StoredPoint point, float score) {

    /** Best first: larger score, then smaller id (Qdrant leaves ties unordered; we make them stable). */
    static final Comparator<Scored> BEST_FIRST = (a, b) -> {
        int c = Float.compare(b.score, a.score);
        return c != 0 ? c : a.point.id().compareTo(b.point.id());
    };
}
