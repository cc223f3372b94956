package io.github.qdrantscope.embedded.search;

import io.github.qdrantscope.embedded.storage.CollectionView;
import io.github.qdrantscope.embedded.storage.StoredPoint;
import java.util.List;
import java.util.function.Predicate;

/** The search a classic Recommend or Discover request becomes: on a dense vector or multivector, or on a sparse one. */
sealed interface ExampleSearch permits CoreSearch, SparseClassicSearch {

    /** The best {@code k} hits over the whole collection, best first. */
    List<Hit> run(CollectionView view, long k);

    /** The same search over the points also matching {@code extra} (RecommendGroups' group_by values). */
    ExampleSearch restrictedTo(Predicate<StoredPoint> extra);
}
