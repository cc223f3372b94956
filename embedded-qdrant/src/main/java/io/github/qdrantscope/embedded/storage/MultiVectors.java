package io.github.qdrantscope.embedded.storage;

import io.qdrant.client.grpc.Collections.Distance;
import io.qdrant.client.grpc.Points.DenseVector;
import io.qdrant.client.grpc.Points.MultiDenseVector;
import io.qdrant.client.grpc.Points.Vector;
import java.util.Arrays;
import java.util.List;

/**
 * Multivectors (a collection vector with {@code multivector_config}) as the embedded server keeps them: the
 * sub-vectors flattened into one {@code float[]} of {@code count * dim} values, as Qdrant's
 * {@code TypedMultiDenseVector} keeps {@code flattened_vectors} with its {@code dim}
 * ({@code lib/segment/src/data_types/vectors.rs}).
 */
public final class MultiVectors {

    private MultiVectors() {
    }

    /**
     * Checks a wire multivector as Qdrant's request validation does before anything is applied: the
     * {@code multi_dense} form with {@code validate_multi_vector_by_length}, the deprecated {@code data} +
     * {@code vectors_count} form with {@code validate_multi_vector_len} (both in {@code lib/common/common/src/validation.rs},
     * reached through {@code impl Validate for grpc::Vector} in {@code lib/api/src/grpc/validate.rs}); both
     * report the field {@code data}, and their error codes carry no message of their own, so Qdrant's
     * {@code describe_error} prints the validator's {@code Validation error: <code> [<params>]}.
     *
     * @param path the field path of the vector (as {@link SparseInput#validate} builds it)
     */
    @SuppressWarnings("deprecation")
    public static void validate(Vector vector, String path) {
        String problem = null;
        if (vector.getVectorCase() == Vector.VectorCase.MULTI_DENSE) {
            problem = lengthProblem(vector.getMultiDense().getVectorsList());
        } else if (vector.getVectorCase() == Vector.VectorCase.VECTOR_NOT_SET && vector.hasVectorsCount()
                && !vector.hasIndices()) {
            problem = countProblem(vector.getVectorsCount(), vector.getDataCount());
        }
        if (problem != null) {
            throw QdrantErrors.validation(path + ".data: " + problem);
        }
    }

    private static String lengthProblem(List<DenseVector> vectors) {
        if (vectors.isEmpty()) {
            return message("empty_multi_vector", "multi vector must not be empty");
        }
        int dim = vectors.get(0).getDataCount();
        for (DenseVector v : vectors) {
            if (v.getDataCount() == 0) {
                return message("empty_vector", "all vectors must be non-empty");
            }
        }
        for (DenseVector v : vectors) {
            if (v.getDataCount() != dim) {
                return message("inconsistent_multi_vector",
                        "all vectors must have the same dimension, found vector with dimension " + v.getDataCount());
            }
        }
        return null;
    }

    private static String countProblem(int vectorsCount, int length) {
        if (vectorsCount == 0) {
            return "Validation error: invalid_vector_count [{\"vectors_count\": String(\"vectors count must be"
                    + " greater than 0\")}]";
        }
        if (length % vectorsCount != 0) {
            // Qdrant prints these two params from a HashMap, in an order that varies between runs
            return "Validation error: invalid dense vector length for vectors count [{\"vector_len\": Number("
                    + length + "), \"vectors_count\": Number(" + vectorsCount + ")}]";
        }
        return null;
    }

    private static String message(String code, String message) {
        return "Validation error: " + code + " [{\"message\": String(\"" + message + "\")}]";
    }

    /** Whether a wire vector is a multivector, in either form. */
    @SuppressWarnings("deprecation")
    public static boolean isMulti(Vector vector) {
        return vector.getVectorCase() == Vector.VectorCase.MULTI_DENSE
                || vector.getVectorCase() == Vector.VectorCase.VECTOR_NOT_SET && vector.hasVectorsCount();
    }

    /** The flattened values of a multivector that passed {@link #validate}. */
    @SuppressWarnings("deprecation")
    public static float[] flatten(Vector vector) {
        if (vector.getVectorCase() == Vector.VectorCase.MULTI_DENSE) {
            return flatten(vector.getMultiDense());
        }
        float[] out = new float[vector.getDataCount()];
        for (int i = 0; i < out.length; i++) {
            out[i] = vector.getData(i);
        }
        return out;
    }

    /** The flattened values of the sub-vectors of a {@code MultiDenseVector}. */
    public static float[] flatten(MultiDenseVector multi) {
        int total = 0;
        for (DenseVector v : multi.getVectorsList()) {
            total += v.getDataCount();
        }
        float[] out = new float[total];
        int at = 0;
        for (DenseVector v : multi.getVectorsList()) {
            for (int i = 0; i < v.getDataCount(); i++) {
                out[at++] = v.getData(i);
            }
        }
        return out;
    }

    /**
     * A flattened multivector for a space of sub-vector dimension {@code dim}: every sub-vector must have
     * that dimension, and in a Cosine space each sub-vector is preprocessed
     * ({@link CosinePreprocessing#preprocess}), as {@code MultiMetricQueryScorer::new} and the multi-dense
     * storage's insert preprocess every sub-vector
     * ({@code lib/segment/src/vector_storage/query_scorer/multi_metric_query_scorer.rs}).
     *
     * @param subVectorLengths the lengths of the sub-vectors as sent ({@link #subVectorLengths})
     * @throws io.grpc.StatusRuntimeException {@code Wrong input: Vector dimension error: expected dim: d, got n}
     *     for the first sub-vector of another length, the segment's dimension check
     */
    public static float[] checked(float[] flat, int[] subVectorLengths, int dim, Distance distance) {
        for (int length : subVectorLengths) {
            if (length != dim) {
                throw dimensionError(dim, length);
            }
        }
        if (distance != Distance.Cosine) {
            return flat;
        }
        float[] out = flat.clone();
        for (int start = 0; start < flat.length; start += dim) {
            float[] sub = new float[dim];
            System.arraycopy(flat, start, sub, 0, dim);
            System.arraycopy(CosinePreprocessing.preprocess(sub), 0, out, start, dim);
        }
        return out;
    }

    /**
     * The sub-vector lengths of a wire multivector: those of {@code multi_dense}, or {@code vectors_count}
     * times {@code data.len / vectors_count} for the deprecated form (Qdrant's {@code try_from_flatten} with
     * that dimension); a plain dense vector is one sub-vector of its length (Qdrant stores a dense vector
     * sent for a multivector as a multivector of one, as Qdrant Edge 0.9.0 does).
     */
    @SuppressWarnings("deprecation")
    public static int[] subVectorLengths(Vector vector) {
        if (vector.getVectorCase() == Vector.VectorCase.MULTI_DENSE) {
            return subVectorLengths(vector.getMultiDense());
        }
        if (vector.getVectorCase() == Vector.VectorCase.VECTOR_NOT_SET && vector.hasVectorsCount()) {
            int[] lengths = new int[vector.getVectorsCount()];
            Arrays.fill(lengths, vector.getDataCount() / vector.getVectorsCount());
            return lengths;
        }
        return new int[] {vector.getVectorCase() == Vector.VectorCase.DENSE
                ? vector.getDense().getDataCount() : vector.getDataCount()};
    }

    /** The sub-vector lengths of a {@code MultiDenseVector}. */
    public static int[] subVectorLengths(MultiDenseVector multi) {
        int[] lengths = new int[multi.getVectorsCount()];
        for (int i = 0; i < lengths.length; i++) {
            lengths[i] = multi.getVectors(i).getDataCount();
        }
        return lengths;
    }

    private static RuntimeException dimensionError(int expected, int got) {
        return QdrantErrors.wrongInput("Vector dimension error: expected dim: " + expected + ", got " + got);
    }
}
