package io.github.qdrantscope.embedded.storage;

import io.qdrant.client.grpc.Collections.Distance;
import io.qdrant.client.grpc.Points.Vector;
import io.qdrant.client.grpc.Points.Vectors;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns wire vectors into stored dense (and multi, {@link MultiVectors}) and sparse vectors: resolves names,
 * checks dimensions and preprocesses Cosine vectors ({@link CosinePreprocessing}), with Qdrant's messages ({@code lib/api/src/grpc/conversions.rs},
 * {@code lib/segment/src/common/operation_error.rs}).
 */
public final class VectorInput {

    private VectorInput() {
    }

    /**
     * The vectors of an upserted point or a vector update, dense ones by name ({@code ""} for the unnamed
     * vector) and sparse ones by name, validated against the collection; dense Cosine vectors are
     * preprocessed as Qdrant stores them ({@link CosinePreprocessing#preprocess}), sparse ones sorted
     * ({@link SparseVec}). Sparse vectors must have passed {@link SparseInput#validate}.
     *
     * @throws io.grpc.StatusRuntimeException {@code INVALID_ARGUMENT}: "Expected some vectors" when
     *     none are given, an unknown vector name, a dimension mismatch or a vector of the wrong kind
     */
    public static Parsed toStored(Vectors vectors, Map<String, VectorSpec> specs, Set<String> sparseNames) {
        Map<String, float[]> dense = new LinkedHashMap<>();
        Map<String, SparseVec> sparse = new LinkedHashMap<>();
        switch (vectors.getVectorsOptionsCase()) {
            // sparse vectors are always named: an unnamed one is refused by dense()
            case VECTOR -> dense.put("", denseOrMulti("", vectors.getVector(), specs));
            case VECTORS -> vectors.getVectors().getVectorsMap().forEach((name, vector) -> {
                if (sparseNames.contains(name)) {
                    if (!SparseInput.isSparse(vector)) {
                        throw kindMismatch();
                    }
                    sparse.put(name, SparseInput.toStored(vector));
                } else if (!specs.containsKey(name)) {
                    throw QdrantErrors.wrongInput("Not existing vector name error: " + name);
                } else {
                    dense.put(name, denseOrMulti(name, vector, specs));
                }
            });
            default -> throw QdrantErrors.invalidArgument("Expected some vectors");
        }
        return new Parsed(dense, sparse);
    }

    /** The dense and the sparse vectors of one point, by name. */
    public record Parsed(Map<String, float[]> dense, Map<String, SparseVec> sparse) {
    }

    // a multivector space stores a multivector, or a dense vector as a multivector of one; a dense space
    // refuses a multivector (OperationError::WrongMulti as BadInput, lib/collection/src/operations/types.rs)
    private static float[] denseOrMulti(String name, Vector vector, Map<String, VectorSpec> specs) {
        VectorSpec spec = specs.get(name);
        if (spec != null && spec.multivector()) {
            float[] flat = MultiVectors.isMulti(vector) ? MultiVectors.flatten(vector) : dense(vector);
            return MultiVectors.checked(flat, MultiVectors.subVectorLengths(vector), spec.size(), spec.distance());
        }
        return checked(name, dense(vector), specs);
    }

    /**
     * A vector for a named vector of the collection: dimension-checked and, for Cosine, preprocessed
     * ({@link CosinePreprocessing#preprocess}).
     */
    public static float[] checked(String name, float[] vector, Map<String, VectorSpec> specs) {
        VectorSpec spec = specs.get(name);
        if (spec == null) {
            throw QdrantErrors.wrongInput("Not existing vector name error: " + name);
        }
        if (vector.length != spec.size()) {
            throw QdrantErrors.wrongInput("Vector dimension error: expected dim: " + spec.size()
                    + ", got " + vector.length);
        }
        return spec.distance() == Distance.Cosine ? CosinePreprocessing.preprocess(vector) : vector;
    }

    /** The dense values of a wire vector ({@code dense}, or the deprecated {@code data} field). */
    public static float[] dense(Vector vector) {
        return switch (vector.getVectorCase()) {
            case DENSE -> toArray(vector.getDense().getDataList());
            case VECTOR_NOT_SET -> {
                if (vector.hasIndices()) {
                    throw sparseNotSupported();
                }
                if (vector.hasVectorsCount()) {
                    throw multiNotSupported();
                }
                yield toArray(vector.getDataList());
            }
            case SPARSE -> throw sparseNotSupported();
            case MULTI_DENSE -> throw multiNotSupported();
            default -> throw QdrantErrors.wrongInput("Embedded Qdrant has no inference: "
                    + vector.getVectorCase() + " vectors are not supported, send dense vectors");
        };
    }

    private static float[] toArray(List<Float> values) {
        float[] result = new float[values.size()];
        for (int i = 0; i < result.length; i++) {
            result[i] = values.get(i);
        }
        return result;
    }

    private static RuntimeException sparseNotSupported() {
        return kindMismatch();
    }

    // a sparse vector under a dense name, or the other way round: OperationError::WrongSparse as BadInput
    // (lib/collection/src/operations/types.rs)
    private static RuntimeException kindMismatch() {
        return QdrantErrors.wrongInput("Conversion between sparse and regular vectors failed");
    }

    private static RuntimeException multiNotSupported() {
        return QdrantErrors.wrongInput("Conversion between multi and regular vectors failed");
    }
}
