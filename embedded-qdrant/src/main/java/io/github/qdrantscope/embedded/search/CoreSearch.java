package io.github.qdrantscope.embedded.search;

import io.github.qdrantscope.embedded.storage.CollectionView;
import io.github.qdrantscope.embedded.storage.PointKey;
import io.github.qdrantscope.embedded.storage.StoredPoint;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Qdrant's {@code CoreSearchRequest}: one vector query on one vector space, with a filter, excluded
 * ids and an optional threshold. Returns client-visible scores, best first
 * ({@code local_shard/search.rs}: distances post-processed, threshold checked per the distance).
 *
 * @param threshold {@code null} when the request has none
 */
record CoreSearch(VectorSpace space, VectorQuery query, Predicate<StoredPoint> filter, Set<PointKey> excluded,
        Float threshold) implements ExampleSearch {

    /** The best {@code k} hits over the whole collection. */
    @Override
    public List<Hit> run(CollectionView view, long k) {
        List<Scored> top = query instanceof VectorQuery.Nearest nearest
                ? ExactScan.nearest(view, space, nearest.vector(), filter, excluded, k)
                : ExactScan.top(view, space.name(), query.scorer(space.similarity()), filter, excluded, k);
        return toHits(top);
    }

    @Override
    public ExampleSearch restrictedTo(Predicate<StoredPoint> extra) {
        return new CoreSearch(space, query, PointFilter.and(filter, extra), excluded, threshold);
    }

    /** The best {@code k} hits among {@code candidates} (rescoring prefetched points). */
    List<Hit> runOn(Collection<StoredPoint> candidates, long k) {
        TopK top = new TopK((int) Math.min(k, candidates.size()));
        ExactScan.VectorScorer scorer = query.scorer(space.similarity());
        for (StoredPoint point : candidates) {
            float[] stored = point.vector(space.name());
            if (stored == null || !PointFilter.matches(filter, point) || excluded.contains(point.id())) {
                continue;
            }
            top.offer(point, scorer.score(stored));
        }
        return toHits(top.best());
    }

    private List<Hit> toHits(List<Scored> top) {
        Metric metric = space.metric();
        List<Hit> hits = new ArrayList<>(top.size());
        for (Scored s : top) {
            float score = query.distanceScored() ? metric.toScore(s.score()) : s.score();
            if (threshold != null && !passes(metric, score)) {
                break;
            }
            hits.add(new Hit(s.point(), score));
        }
        return hits;
    }

    /**
     * The distance's own threshold rule for every score, also the custom scores of recommend and
     * discover (larger is better, yet Euclid/Manhattan still keep only {@code score < threshold}): Qdrant's
     * {@code do_search_impl} in {@code lib/collection/src/shards/local_shard/search.rs} applies
     * {@code distance.check_threshold} with {@code take_while} whatever the query kind.
     */
    private boolean passes(Metric metric, float score) {
        return metric.passesThreshold(score, threshold);
    }
}
