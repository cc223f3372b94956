package io.github.qdrantscope.embedded.storage;

import java.util.Arrays;

/**
 * A stored sparse vector: strictly ascending indices and their values. Qdrant sorts a sparse vector
 * by its indices when it stores one ({@code NamedVectors::preprocess} in
 * {@code lib/segment/src/data_types/named_vectors.rs}: "sort by indices to enable faster dot product
 * and overlap checks"), so reads return it sorted whatever order it was sent in.
 *
 * @param indices ascending, unique (arrays must not be mutated)
 * @param values the weight of each index
 */
public record SparseVec(int[] indices, float[] values) {

    /**
     * The vector sorted by index. The caller has checked lengths and uniqueness
     * ({@link VectorInput#sparseProblems}).
     */
    public static SparseVec sorted(int[] indices, float[] values) {
        Integer[] order = new Integer[indices.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        // indices are u32 on the wire: compare them unsigned, as Qdrant's DimId does
        Arrays.sort(order, (a, b) -> Integer.compareUnsigned(indices[a], indices[b]));
        int[] sortedIndices = new int[indices.length];
        float[] sortedValues = new float[values.length];
        for (int i = 0; i < order.length; i++) {
            sortedIndices[i] = indices[order[i]];
            sortedValues[i] = values[order[i]];
        }
        return new SparseVec(sortedIndices, sortedValues);
    }

    /**
     * The dot product over the indices both vectors have, or {@code null} when they share none: Qdrant's
     * {@code score} returns {@code None} then ({@code lib/sparse/src/common/sparse_vector.rs}), and such a
     * point is not a result of a sparse search.
     */
    public Float dot(SparseVec other) {
        float score = 0;
        boolean overlap = false;
        int i = 0;
        int j = 0;
        while (i < indices.length && j < other.indices.length) {
            int cmp = Integer.compareUnsigned(indices[i], other.indices[j]);
            if (cmp < 0) {
                i++;
            } else if (cmp > 0) {
                j++;
            } else {
                overlap = true;
                score += values[i] * other.values[j];
                i++;
                j++;
            }
        }
        return overlap ? score : null;
    }
}
