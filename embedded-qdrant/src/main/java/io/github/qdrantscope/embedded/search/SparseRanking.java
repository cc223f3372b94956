package io.github.qdrantscope.embedded.search;

import io.github.qdrantscope.embedded.storage.CollectionView;
import io.github.qdrantscope.embedded.storage.StoredPoint;
import java.util.List;
import java.util.function.Predicate;

/**
 * A query on one sparse vector: a nearest search ({@link SparseSearch}) or an example query
 * ({@link SparseExampleSearch}).
 */
interface SparseRanking {

    /**
     * The best {@code k} among {@code points}, best first (ties by ascending id); {@code threshold} keeps
     * scores above it, Dot's rule (sparse vectors score as Dot).
     */
    List<Hit> run(Iterable<StoredPoint> points, Predicate<StoredPoint> filter, Float threshold, long k);

    /** The same over all points of {@code view}, which a ranking may answer from the view's indexes. */
    default List<Hit> run(CollectionView view, Predicate<StoredPoint> filter, Float threshold, long k) {
        return run(view.points(), filter, threshold, k);
    }
}
