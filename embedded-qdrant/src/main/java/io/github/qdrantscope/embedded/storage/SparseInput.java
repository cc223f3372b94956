package io.github.qdrantscope.embedded.storage;

import io.qdrant.client.grpc.Points.SparseVector;
import io.qdrant.client.grpc.Points.Vector;
import io.qdrant.client.grpc.Points.Vectors;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/**
 * Reads and validates sparse vectors from their wire forms ({@code sparse}, or the deprecated
 * {@code data} + {@code indices} of {@code Vector}), with Qdrant's validation texts.
 */
public final class SparseInput {

    private SparseInput() {
    }

    /**
     * Checks every sparse vector (and, with {@link MultiVectors#validate}, every multivector) of a point's
     * {@code vectors} as Qdrant's request validation does before
     * anything is applied: {@code validate_sparse_vector_impl} ({@code lib/sparse/src/common/sparse_vector.rs})
     * reached through the nested {@code UpsertPoints.points}/{@code UpdatePointVectors.points},
     * {@code PointStruct.vectors}/{@code PointVectors.vectors}, {@code Vectors.vectors_options} and
     * {@code NamedVectors.vectors} ({@code lib/api/build.rs}) and {@code impl Validate for grpc::Vector}
     * ({@code lib/api/src/grpc/validate.rs}), which adds no field name of its own, and a named map adds
     * {@code []} ({@code impl ValidateExt for HashMap} there).
     *
     * @param path the field path of the {@code Vectors} message, e.g. {@code points[0].vectors}
     * @throws io.grpc.StatusRuntimeException {@code INVALID_ARGUMENT} "Validation error in body:
     *     [points[0].vectors.vectors_options.vectors.[].indices: must be unique]"
     */
    public static void validate(Vectors vectors, String path) {
        String options = path + ".vectors_options";
        switch (vectors.getVectorsOptionsCase()) {
            case VECTOR -> validate(vectors.getVector(), options);
            case VECTORS -> {
                for (Vector vector : vectors.getVectors().getVectorsMap().values()) {
                    validate(vector, options + ".vectors.[]");
                }
            }
            default -> {
                // no vectors: the conversion answers "Expected some vectors"
            }
        }
    }

    /** Whether a wire vector is sparse, in either form. */
    @SuppressWarnings("deprecation")
    public static boolean isSparse(Vector vector) {
        return vector.getVectorCase() == Vector.VectorCase.SPARSE
                || vector.getVectorCase() == Vector.VectorCase.VECTOR_NOT_SET && vector.hasIndices();
    }

    /** The stored (sorted) form of a sparse wire vector that passed {@link #validate}. */
    @SuppressWarnings("deprecation")
    public static SparseVec toStored(Vector vector) {
        if (vector.getVectorCase() == Vector.VectorCase.SPARSE) {
            SparseVector sparse = vector.getSparse();
            return SparseVec.sorted(ints(sparse.getIndicesList()), floats(sparse.getValuesList()));
        }
        return SparseVec.sorted(ints(vector.getIndices().getDataList()), floats(vector.getDataList()));
    }

    /**
     * Qdrant's complaints about one sparse vector, as {@code field: message} in the order
     * {@code validate_sparse_vector_impl} checks them; empty when it is valid.
     */
    public static List<String> sparseProblems(List<Integer> indices, int valueCount) {
        List<String> problems = new ArrayList<>(2);
        if (indices.size() != valueCount) {
            problems.add("values: must be the same length as indices");
        }
        if (new HashSet<>(indices).size() != indices.size()) {
            problems.add("indices: must be unique");
        }
        return problems;
    }

    @SuppressWarnings("deprecation")
    private static void validate(Vector vector, String path) {
        // the same impl Validate for grpc::Vector checks multivectors (indices and vectors_count exclude each other)
        MultiVectors.validate(vector, path);
        List<String> problems;
        if (vector.getVectorCase() == Vector.VectorCase.SPARSE) {
            problems = sparseProblems(vector.getSparse().getIndicesList(), vector.getSparse().getValuesCount());
        } else if (vector.getVectorCase() == Vector.VectorCase.VECTOR_NOT_SET && vector.hasIndices()) {
            problems = sparseProblems(vector.getIndices().getDataList(), vector.getDataCount());
        } else {
            return;
        }
        if (!problems.isEmpty()) {
            List<String> labelled = new ArrayList<>(problems.size());
            problems.forEach(p -> labelled.add(path + "." + p));
            throw QdrantErrors.validation(String.join(", ", labelled));
        }
    }

    private static int[] ints(List<Integer> list) {
        int[] result = new int[list.size()];
        for (int i = 0; i < result.length; i++) {
            result[i] = list.get(i);
        }
        return result;
    }

    private static float[] floats(List<Float> list) {
        float[] result = new float[list.size()];
        for (int i = 0; i < result.length; i++) {
            result[i] = list.get(i);
        }
        return result;
    }
}
