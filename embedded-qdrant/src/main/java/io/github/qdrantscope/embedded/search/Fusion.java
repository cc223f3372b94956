package io.github.qdrantscope.embedded.search;

import io.github.qdrantscope.embedded.storage.PointKey;
import io.github.qdrantscope.embedded.storage.QdrantErrors;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Merging the result lists of prefetches: reciprocal rank fusion
 * ({@code lib/segment/src/common/reciprocal_rank_fusion.rs}) and distribution-based score fusion
 * ({@code lib/segment/src/common/score_fusion.rs}). Both return the fused list best first; Qdrant
 * leaves equal fused scores unordered, here they are ordered by id.
 */
final class Fusion {

    /** Qdrant's {@code DEFAULT_RRF_K}. */
    static final int DEFAULT_RRF_K = 2;

    private static final Comparator<Hit> BEST_FIRST = Comparator.comparing(Hit::score, Comparator.reverseOrder())
            .thenComparing(h -> h.point().id());

    private Fusion() {
    }

    /**
     * RRF: a point at 0-based position {@code p} of a source with weight {@code w} earns
     * {@code 1 / ((p + 1) / w + k - 1)} (so {@code 1 / (p + k)} unweighted); earnings are summed.
     *
     * @param weights one per source, or {@code null} for all 1
     */
    static List<Hit> rrf(List<List<Hit>> sources, int k, List<Float> weights) {
        if (weights != null && weights.size() != sources.size()) {
            throw QdrantErrors.wrongInput("Validation failed: Number of weights in RRF should match number of"
                    + " pre-fetches: got " + weights.size() + ", expected " + sources.size());
        }
        Map<PointKey, Hit> fused = new LinkedHashMap<>();
        for (int s = 0; s < sources.size(); s++) {
            float weight = weights == null ? 1f : weights.get(s);
            List<Hit> source = sources.get(s);
            for (int position = 0; position < source.size(); position++) {
                float score = weight <= 0 ? 0f : 1.0f / ((position + 1) / weight + k - 1.0f);
                Hit hit = source.get(position);
                fused.merge(hit.point().id(), new Hit(hit.point(), score),
                        (a, b) -> new Hit(a.point(), a.score() + b.score()));
            }
        }
        List<Hit> out = new ArrayList<>(fused.values());
        out.sort(BEST_FIRST);
        return out;
    }

    /**
     * DBSF: each source's scores are normalised to [0, 1] between mean ± 3 standard deviations
     * (a single point scores 0.5), then summed per point.
     */
    static List<Hit> dbsf(List<List<Hit>> sources) {
        Map<PointKey, Hit> fused = new LinkedHashMap<>();
        for (List<Hit> source : sources) {
            for (Hit hit : distributionNormalised(source)) {
                fused.merge(hit.point().id(), hit, (a, b) -> new Hit(a.point(), a.score() + b.score()));
            }
        }
        List<Hit> out = new ArrayList<>(fused.values());
        out.sort(BEST_FIRST);
        return out;
    }

    private static List<Hit> distributionNormalised(List<Hit> points) {
        if (points.size() < 2) {
            return points.isEmpty() ? points : List.of(new Hit(points.get(0).point(), 0.5f));
        }
        // Welford's one-pass mean and sample variance, in f32 like Qdrant
        float mean = 0;
        float aggregate = 0;
        int k = 1;
        for (Hit p : points) {
            float oldDelta = p.score() - mean;
            mean += oldDelta / k++;
            aggregate += oldDelta * (p.score() - mean);
        }
        float stdDev = (float) Math.sqrt(aggregate / (points.size() - 1.0f));
        float min = mean - 3.0f * stdDev;
        float max = mean + 3.0f * stdDev;
        List<Hit> out = new ArrayList<>(points.size());
        for (Hit p : points) {
            out.add(new Hit(p.point(), min == max ? 0.5f : (p.score() - min) / (max - min)));
        }
        return out;
    }
}
