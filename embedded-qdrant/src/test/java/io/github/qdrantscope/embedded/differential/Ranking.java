package io.github.qdrantscope.embedded.differential;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Comparing ranked results where equal scores have no defined order. Qdrant orders hits by score only;
 * among equal scores the order is whatever its heaps and segment merge yield (Edge returned tied ids
 * 5, 3, 9, 7, 1 for one query), and the embedded server orders them by id. So a page agrees with the
 * engine's ranking when, position by position, the scores agree, and every id on it has that score in
 * the engine's ranking.
 *
 * <p>The score tolerance is the bound of reordering an f32 sum, not a fudge: Qdrant itself sums a
 * dot product differently per CPU (scalar below 16 dimensions, SSE from 16, AVX/FMA from 32, NEON on
 * ARM; {@code lib/segment/src/spaces/simple.rs} and its {@code simple_*.rs} kernels), so one Qdrant
 * build on two machines differs by up to that bound, about {@code dim} units in the last place of the
 * larger magnitude. The test allows {@code 4 * dim * 2^-24 * max(1, |score|)}: the factor 4 covers the
 * scores derived from several sums (recommend's sums and sigmoids, discovery ranks, DBSF's mean and
 * deviation, Euclid's square root). Scores of grid data (see {@link Data}) are exact and agree bit for
 * bit anyway.
 */
final class Ranking {

    private final double unit;

    /** @param dim the largest dimension a score of this request is summed over */
    Ranking(int dim) {
        this.unit = 4.0 * Math.max(dim, 1) * Math.pow(2, -24);
    }

    boolean close(double expected, double actual) {
        return close(expected, actual, 0);
    }

    /**
     * {@code scale}: the magnitude of the similarities the score was computed from, when it is a function of
     * several (an example query's; the oracle's {@code edge_tolerance.py}), else 0. Such a score rounds like
     * its similarities, not like its own value: a context score of -0.61 can be the difference of Euclid
     * similarities -406 and -404, and one of them summed in another order moves it by 3e-5.
     */
    boolean close(double expected, double actual, double scale) {
        return Math.abs(expected - actual) <= unit * Math.max(Math.max(1.0, Math.abs(expected)), scale);
    }

    /**
     * The differences between a page and the engine's ranking.
     *
     * @param ranking the engine's hits from the first on, at least up to the page's end (longer when the
     *     engine has more), each with "id" and a key ("order_value" when present, else "score")
     * @param page the embedded server's hits
     * @param offset where the page starts in the ranking
     * @param expectedSize the engine's page size
     */
    String compare(List<Map<String, Object>> ranking, List<Map<String, Object>> page, int offset, int expectedSize) {
        if (page.size() != expectedSize) {
            return "page has " + page.size() + " hits, the engine's " + expectedSize;
        }
        Map<Object, Map<String, Object>> engineHit = new HashMap<>();
        for (Map<String, Object> hit : ranking) {
            engineHit.put(hit.get("id"), hit);
        }
        Set<Object> seen = new HashSet<>();
        for (int i = 0; i < page.size(); i++) {
            Map<String, Object> hit = page.get(i);
            Object id = hit.get("id");
            double actual = key(hit);
            double expected = key(ranking.get(offset + i));
            if (!close(expected, actual, scale(ranking.get(offset + i)))) {
                return "position " + i + ": " + id + " scores " + actual + ", the engine's hit there "
                        + ranking.get(offset + i).get("id") + " scores " + expected;
            }
            Map<String, Object> twin = engineHit.get(id);
            if (twin == null) {
                return "position " + i + ": " + id + " (" + actual + ") is not in the engine's ranking";
            }
            double own = key(twin);
            if (!close(own, actual, scale(twin))) {
                return "position " + i + ": " + id + " scores " + actual + ", the engine scores it " + own;
            }
            if (!seen.add(id)) {
                return "position " + i + ": " + id + " appears twice";
            }
            if (hit.containsKey("order_value") && ranking.get(offset + i).containsKey("order_value")
                    && !Objects.equals(numberKind(hit.get("order_value")),
                            numberKind(ranking.get(offset + i).get("order_value")))) {
                return "position " + i + ": order_value " + hit.get("order_value") + " vs the engine's "
                        + ranking.get(offset + i).get("order_value");
            }
        }
        return null;
    }

    /** True when two neighbours of the list are within tolerance (their relative order is undefined). */
    boolean hasTies(List<Map<String, Object>> hits) {
        for (int i = 1; i < hits.size(); i++) {
            if (close(key(hits.get(i - 1)), key(hits.get(i)))) {
                return true;
            }
        }
        return false;
    }

    private static double scale(Map<String, Object> hit) {
        Object scale = hit.get("scale");
        return scale == null ? 0 : ((Number) scale).doubleValue();
    }

    static double key(Map<String, Object> hit) {
        Object v = hit.containsKey("order_value") ? hit.get("order_value") : hit.get("score");
        return ((Number) v).doubleValue();
    }

    private static String numberKind(Object number) {
        return number instanceof Long ? "integer" : "float";
    }
}
