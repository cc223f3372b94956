package io.github.qdrantscope.embedded.search;

import io.github.qdrantscope.embedded.storage.CollectionView;
import io.github.qdrantscope.embedded.storage.PointKey;
import io.github.qdrantscope.embedded.storage.StoredPoint;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A classic Recommend or Discover request on a sparse vector: the {@link SparseRanking} with the request's
 * filter, its example ids excluded and its threshold ({@code null}: none).
 */
record SparseClassicSearch(SparseRanking ranking, Predicate<StoredPoint> filter, Set<PointKey> excluded,
        Float threshold) implements ExampleSearch {

    @Override
    public List<Hit> run(CollectionView view, long k) {
        Predicate<StoredPoint> notExcluded = excluded.isEmpty() ? null : p -> !excluded.contains(p.id());
        return ranking.run(view, PointFilter.and(filter, notExcluded), threshold, k);
    }

    @Override
    public ExampleSearch restrictedTo(Predicate<StoredPoint> extra) {
        return new SparseClassicSearch(ranking, PointFilter.and(filter, extra), excluded, threshold);
    }
}
