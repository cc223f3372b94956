package io.github.qdrantscope.benchmarks;

import java.util.Arrays;

/**
 * The baseline every search is compared with: an exact Cosine top-k over plain float arrays in the
 * benchmark's own JVM, with no transport, no protobuf and no payload: the cost of touching every vector
 * once (a memory-bandwidth floor for a brute-force search).
 *
 * <p>Scoring and ordering follow Qdrant: stored vectors are unit length, the query is normalised, the
 * score is the dot product, higher first, ties by ascending id.
 */
public final class PlainScan {

    private PlainScan() {
    }

    /**
     * The ids of the {@code limit} best points, best first.
     *
     * @param vectors unit vectors indexed by point id
     * @param mask when non-null, only ids whose entry is true are candidates
     * @param query the query vector, any length
     * @param limit how many ids to return at most
     */
    public static long[] topK(float[][] vectors, boolean[] mask, float[] query, int limit) {
        float[] q = normalised(query);
        float[] bestScores = new float[limit];
        long[] bestIds = new long[limit];
        int found = 0;
        for (int id = 0; id < vectors.length; id++) {
            if (mask != null && !mask[id]) {
                continue;
            }
            float score = dot(vectors[id], q);
            if (found < limit) {
                found = insert(bestScores, bestIds, found, score, id);
            } else if (score > bestScores[limit - 1]) {
                // Ids are scanned in ascending order, so an equal score never displaces an earlier id.
                insert(bestScores, bestIds, limit - 1, score, id);
            }
        }
        return found == limit ? bestIds : Arrays.copyOf(bestIds, found);
    }

    /** Inserts into the sorted prefix {@code [0, count)} and returns the new count. */
    private static int insert(float[] scores, long[] ids, int count, float score, long id) {
        int at = count;
        while (at > 0 && scores[at - 1] < score) {
            if (at < scores.length) {
                scores[at] = scores[at - 1];
                ids[at] = ids[at - 1];
            }
            at--;
        }
        scores[at] = score;
        ids[at] = id;
        return count + 1;
    }

    /**
     * Four independent accumulators: the JIT keeps a single float sum in order (no reassociation), so
     * the naive loop is bound by add latency, not by memory; this is the fastest plain Java form.
     */
    static float dot(float[] a, float[] b) {
        float s0 = 0f;
        float s1 = 0f;
        float s2 = 0f;
        float s3 = 0f;
        int i = 0;
        for (; i + 3 < a.length; i += 4) {
            s0 += a[i] * b[i];
            s1 += a[i + 1] * b[i + 1];
            s2 += a[i + 2] * b[i + 2];
            s3 += a[i + 3] * b[i + 3];
        }
        for (; i < a.length; i++) {
            s0 += a[i] * b[i];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /** A unit-length copy of {@code v}; a zero vector is returned unchanged, as Qdrant does. */
    public static float[] normalised(float[] v) {
        double squares = 0;
        for (float x : v) {
            squares += (double) x * x;
        }
        if (squares == 0) {
            return v.clone();
        }
        float inverse = (float) (1.0 / Math.sqrt(squares));
        float[] unit = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            unit[i] = v[i] * inverse;
        }
        return unit;
    }
}
