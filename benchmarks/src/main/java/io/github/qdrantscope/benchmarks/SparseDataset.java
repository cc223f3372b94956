package io.github.qdrantscope.benchmarks;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Seeded sparse vectors over a vocabulary of {@code vocabulary} indices, as a bag-of-words model (SPLADE,
 * BM25) produces them: each vector holds about {@code nonZeros} distinct indices (uniform in
 * {@code [nonZeros/2, 3 nonZeros/2)}), drawn with a Zipf-like skew ({@code vocabulary * u^1.5}: low indices are
 * common words with long posting lists, high ones rare), ascending, with positive weights in
 * {@code [0.05, 1)}. Positive weights make "shares an index with the query" and "scores above 0" the same,
 * so a plain index can tell results by their score.
 *
 * <p>The same seed gives the same vectors in every JVM, so the server fork and the plain fork see equal data.
 */
public final class SparseDataset {

    /** The benchmark's vocabulary size. */
    public static final int VOCABULARY = 30_000;

    private final int[][] indices;
    private final float[][] values;

    private SparseDataset(int[][] indices, float[][] values) {
        this.indices = indices;
        this.values = values;
    }

    /** {@code size} vectors; vector {@code i} belongs to point id {@code i}. */
    public static SparseDataset generate(int size, int nonZeros, int vocabulary, long seed) {
        return draw(new SplittableRandom(seed), size, nonZeros, vocabulary);
    }

    /** {@code count} query vectors from a seed distinct from the points'. */
    public static SparseDataset queries(int count, int nonZeros, int vocabulary, long seed) {
        return draw(new SplittableRandom(seed ^ 0x5DEECE66DL), count, nonZeros, vocabulary);
    }

    private static SparseDataset draw(SplittableRandom random, int size, int nonZeros, int vocabulary) {
        int[][] indices = new int[size][];
        float[][] values = new float[size][];
        boolean[] taken = new boolean[vocabulary];
        for (int i = 0; i < size; i++) {
            int count = Math.min(vocabulary, nonZeros / 2 + random.nextInt(Math.max(1, nonZeros)));
            int[] drawn = new int[count];
            int filled = 0;
            while (filled < count) {
                int index = (int) (vocabulary * Math.pow(random.nextDouble(), 1.5));
                if (!taken[index]) {
                    taken[index] = true;
                    drawn[filled++] = index;
                }
            }
            Arrays.sort(drawn);
            float[] weights = new float[count];
            for (int j = 0; j < count; j++) {
                taken[drawn[j]] = false;
                weights[j] = 0.05f + 0.95f * (float) random.nextDouble();
            }
            indices[i] = drawn;
            values[i] = weights;
        }
        return new SparseDataset(indices, values);
    }

    public int size() {
        return indices.length;
    }

    /** The ascending indices of vector {@code i}; the array itself, not a copy. */
    public int[] indices(int i) {
        return indices[i];
    }

    /** The weights of vector {@code i}, aligned with {@link #indices(int)}; the array itself. */
    public float[] values(int i) {
        return values[i];
    }
}
