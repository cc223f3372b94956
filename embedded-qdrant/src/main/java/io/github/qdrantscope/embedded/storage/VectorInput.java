package io.github.qdrantscope.embedded.storage;

import io.qdrant.client.grpc.Collections.Distance;
import io.qdrant.client.grpc.Points.Vector;
import io.qdrant.client.grpc.Points.Vectors;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns wire vectors into stored dense vectors: resolves names, checks dimensions and normalises
 * Cosine vectors, with Qdrant's messages ({@code lib/api/src/grpc/conversions.rs},
 * {@code lib/segment/src/spaces/simple.rs}).
 */
public final class VectorInput {

    private VectorInput() {
    }

    /**
     * The dense vectors of an upserted point or a vector update, by name ({@code ""} for the unnamed
     * vector), validated against the collection and normalised where its distance is Cosine.
     *
     * @throws io.grpc.StatusRuntimeException {@code INVALID_ARGUMENT}: "Expected some vectors" when
     *     none are given, an unknown vector name, a dimension mismatch or a non-dense vector kind
     */
    public static Map<String, float[]> toStored(Vectors vectors, Map<String, VectorSpec> specs) {
        Map<String, float[]> result = new LinkedHashMap<>();
        switch (vectors.getVectorsOptionsCase()) {
            case VECTOR -> result.put("", checked("", dense(vectors.getVector()), specs));
            case VECTORS -> vectors.getVectors().getVectorsMap()
                    .forEach((name, vector) -> result.put(name, checked(name, dense(vector), specs)));
            default -> throw QdrantErrors.invalidArgument("Expected some vectors");
        }
        return result;
    }

    /**
     * A query or example vector for a named vector of the collection: checked and, for Cosine,
     * normalised like stored vectors.
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
        return spec.distance() == Distance.Cosine ? normalised(vector) : vector;
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

    /**
     * The vector scaled to unit length, as Qdrant's Cosine preprocessing does (in {@code float});
     * a zero vector is returned unchanged.
     */
    public static float[] normalised(float[] vector) {
        float sum = 0f;
        for (float v : vector) {
            sum += v * v;
        }
        float length = (float) Math.sqrt(sum);
        if (length < Math.ulp(1.0f)) {
            return vector;
        }
        float[] result = new float[vector.length];
        for (int i = 0; i < vector.length; i++) {
            result[i] = vector[i] / length;
        }
        return result;
    }

    private static float[] toArray(List<Float> values) {
        float[] result = new float[values.size()];
        for (int i = 0; i < result.length; i++) {
            result[i] = values.get(i);
        }
        return result;
    }

    private static RuntimeException sparseNotSupported() {
        return QdrantErrors.wrongInput("Conversion between sparse and regular vectors failed"
                + " (embedded Qdrant supports dense vectors only)");
    }

    private static RuntimeException multiNotSupported() {
        return QdrantErrors.wrongInput("Conversion between multi and regular vectors failed"
                + " (embedded Qdrant supports dense vectors only)");
    }
}
