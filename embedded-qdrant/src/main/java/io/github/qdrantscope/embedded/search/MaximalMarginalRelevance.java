package io.github.qdrantscope.embedded.search;

import io.github.qdrantscope.embedded.storage.QdrantErrors;
import io.github.qdrantscope.embedded.storage.StoredPoint;
import io.qdrant.client.grpc.Points.Mmr;
import io.github.qdrantscope.embedded.storage.CollectionView;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Predicate;

/**
 * Query {@code nearest_with_mmr}: the {@code candidates_limit} nearest points (the query's filter and
 * threshold applied, the threshold by the distance's rule), re-ranked by Maximal Marginal Relevance as Qdrant's
 * {@code maximal_marginal_relevance} does ({@code lib/collection/src/collection/mmr.rs}): first the most
 * relevant candidate, then repeatedly the one maximising
 * {@code lambda * relevance - (1 - lambda) * (its largest similarity to a point already selected)}, with
 * {@code lambda = 1 - diversity} (default 0.5) and {@code candidates_limit} defaulting to the query's limit
 * ({@code collection_query.rs}). Relevance and similarities are the metric's raw similarities
 * ({@link MmrMeasure}: dense vectors and multivectors, and sparse vectors, which Qdrant's
 * {@code create_volatile_storage} supports alike); the hits come in selection order with the relevance as score,
 * post-processed for the client as Qdrant's engine (Edge 0.9.0) answers it (Euclid and Manhattan report the
 * distance). Among equal values the later candidate in Qdrant's iteration order wins ({@code max_by_key}
 * over an {@code IndexSet} that {@code swap_remove} reorders), which is followed here over candidates in
 * nearest order.
 *
 * @param lambda {@code 1 - diversity}
 */
record MaximalMarginalRelevance(MmrMeasure measure, float lambda, long candidatesLimit) {

    /** Qdrant's {@code DEFAULT_MMR_LAMBDA}: a request without {@code diversity}. */
    static final float DEFAULT_LAMBDA = 0.5f;
    /** {@code Mmr.candidates_limit} is validated {@code range(max = 16_384)} ({@code lib/api/build.rs}). */
    static final long MAX_CANDIDATES = 16_384;

    /**
     * Request validation of {@code Mmr} ({@code lib/api/build.rs}: {@code diversity} range(min = 0.0,
     * max = 1.0), {@code candidates_limit} range(max = 16_384)), printed as the validator's range errors.
     *
     * @param path the query's field path, e.g. {@code query} or {@code prefetch[0].query}
     */
    static void validate(Mmr mmr, String path) {
        String field = path + ".variant.mmr.";
        if (mmr.hasDiversity() && !(mmr.getDiversity() >= 0f && mmr.getDiversity() <= 1f)) {
            throw QdrantErrors.validation(field + "diversity: value " + mmr.getDiversity()
                    + " invalid, must be from 0.0 to 1.0");
        }
        if (mmr.hasCandidatesLimit() && Integer.toUnsignedLong(mmr.getCandidatesLimit()) > MAX_CANDIDATES) {
            throw QdrantErrors.validation(field + "candidates_limit: value "
                    + Integer.toUnsignedString(mmr.getCandidatesLimit()) + " invalid, must be " + MAX_CANDIDATES
                    + " or smaller");
        }
    }

    static MaximalMarginalRelevance of(MmrMeasure measure, Mmr mmr, long requestLimit) {
        float lambda = mmr.hasDiversity() ? 1f - mmr.getDiversity() : DEFAULT_LAMBDA;
        long candidates = mmr.hasCandidatesLimit() ? Integer.toUnsignedLong(mmr.getCandidatesLimit()) : requestLimit;
        return new MaximalMarginalRelevance(measure, lambda, candidates);
    }

    /** MMR over the view's points: the candidates' nearest search, then {@link #select}. */
    List<Hit> run(CollectionView view, Predicate<StoredPoint> filter, Float threshold, long limit) {
        return select(measure.candidates(view, filter, threshold, candidatesLimit), limit);
    }

    /** MMR over prefetched points. */
    List<Hit> runOn(Collection<StoredPoint> points, Float threshold, long limit) {
        return select(measure.candidates(points, threshold, candidatesLimit), limit);
    }

    /** Up to {@code limit} of {@code candidates} (best first by relevance), in MMR order. */
    List<Hit> select(List<Hit> candidates, long limit) {
        int n = candidates.size();
        if (n == 0 || limit == 0) {
            return List.of();
        }
        float[] relevance = new float[n];
        for (int i = 0; i < n; i++) {
            relevance[i] = measure.relevance(candidates.get(i).point());
        }
        List<Integer> remaining = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            remaining.add(i);
        }
        List<Integer> selected = new ArrayList<>();
        int first = lastMax(remaining, relevance);
        selected.add(first);
        swapRemove(remaining, first);
        float[] maxToSelected = new float[n];
        java.util.Arrays.fill(maxToSelected, Float.NEGATIVE_INFINITY);
        while (selected.size() < limit && !remaining.isEmpty()) {
            int last = selected.get(selected.size() - 1);
            float[] mmr = new float[n];
            for (int c : remaining) {
                // the matrix holds each pair's similarity once, scored from the lower index's vector
                float sim = c < last ? measure.similarity(candidates.get(c).point(), candidates.get(last).point())
                        : measure.similarity(candidates.get(last).point(), candidates.get(c).point());
                maxToSelected[c] = Math.max(maxToSelected[c], sim);
                mmr[c] = lambda * relevance[c] - (1f - lambda) * maxToSelected[c];
            }
            int best = lastMax(remaining, mmr);
            selected.add(best);
            swapRemove(remaining, best);
        }
        List<Hit> out = new ArrayList<>(selected.size());
        for (int i : selected) {
            out.add(new Hit(candidates.get(i).point(), measure.toScore(relevance[i])));
        }
        return out;
    }

    // Rust's max_by_key: the last of equal maxima in iteration order
    private static int lastMax(List<Integer> order, float[] values) {
        int best = order.get(0);
        for (int i : order) {
            if (values[i] >= values[best]) {
                best = i;
            }
        }
        return best;
    }

    // IndexSet::swap_remove: the last element takes the removed one's place
    private static void swapRemove(List<Integer> order, int value) {
        int at = order.indexOf(value);
        int last = order.remove(order.size() - 1);
        if (at < order.size()) {
            order.set(at, last);
        }
    }
}
