package io.github.qdrantscope.benchmarks;

/**
 * The baseline of the sparse search: a plain inverted index in the benchmark's own JVM, built once. Per
 * index, a posting list of (point id, value) as two primitive arrays; a query adds {@code value * weight}
 * into a {@code float[]} of one score per point for each of its indices in ascending order, then one pass
 * over the scores keeps the best {@code k} in a small sorted array. No transport, no protobuf, no filter.
 *
 * <p>The products are added in the order Qdrant adds them (ascending index per point), so scores and ties
 * (by ascending id) equal the server's. With positive weights (as {@link SparseDataset}'s), a score above 0
 * means the point shares an index with the query, the condition for being a result.
 */
public final class PlainInvertedIndex {

    private final int points;
    private final int[][] ids;
    private final float[][] values;

    private PlainInvertedIndex(int points, int[][] ids, float[][] values) {
        this.points = points;
        this.ids = ids;
        this.values = values;
    }

    /** The index of {@code data}, whose indices are below {@code vocabulary}. */
    public static PlainInvertedIndex build(SparseDataset data, int vocabulary) {
        int[] lengths = new int[vocabulary];
        for (int p = 0; p < data.size(); p++) {
            for (int index : data.indices(p)) {
                lengths[index]++;
            }
        }
        int[][] ids = new int[vocabulary][];
        float[][] values = new float[vocabulary][];
        for (int index = 0; index < vocabulary; index++) {
            ids[index] = new int[lengths[index]];
            values[index] = new float[lengths[index]];
        }
        int[] filled = new int[vocabulary];
        for (int p = 0; p < data.size(); p++) {
            int[] indices = data.indices(p);
            float[] weights = data.values(p);
            for (int j = 0; j < indices.length; j++) {
                int at = filled[indices[j]]++;
                ids[indices[j]][at] = p;
                values[indices[j]][at] = weights[j];
            }
        }
        return new PlainInvertedIndex(data.size(), ids, values);
    }

    /** The ids of the {@code limit} best points for the query (ascending indices), best first. */
    public long[] topK(int[] queryIndices, float[] queryValues, int limit) {
        float[] scores = new float[points];
        for (int q = 0; q < queryIndices.length; q++) {
            int index = queryIndices[q];
            if (index >= ids.length) {
                continue;
            }
            int[] postingIds = ids[index];
            float[] postingValues = values[index];
            float weight = queryValues[q];
            for (int j = 0; j < postingIds.length; j++) {
                scores[postingIds[j]] += postingValues[j] * weight;
            }
        }
        float[] bestScores = new float[limit];
        long[] bestIds = new long[limit];
        int found = 0;
        for (int id = 0; id < points; id++) {
            float score = scores[id];
            if (score > 0 && (found < limit || score > bestScores[limit - 1])) {
                // ids ascend, so an equal score never displaces an earlier id
                int at = found < limit ? found++ : limit - 1;
                while (at > 0 && bestScores[at - 1] < score) {
                    bestScores[at] = bestScores[at - 1];
                    bestIds[at] = bestIds[at - 1];
                    at--;
                }
                bestScores[at] = score;
                bestIds[at] = id;
            }
        }
        return found == limit ? bestIds : java.util.Arrays.copyOf(bestIds, found);
    }
}
