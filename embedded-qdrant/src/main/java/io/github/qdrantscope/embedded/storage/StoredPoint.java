package io.github.qdrantscope.embedded.storage;

import io.qdrant.client.grpc.JsonWithInt.Value;
import java.util.Map;

/**
 * One point as the embedded server stores it. Immutable: writes replace the whole record.
 *
 * @param id the point id
 * @param payload top-level payload keys to values (never null; unmodifiable)
 * @param vectors dense vectors by vector name, the unnamed default vector under {@code ""}; Cosine
 *     vectors are stored as Qdrant stores them ({@link CosinePreprocessing}: unit length, kept as sent
 *     when already so) (never null; unmodifiable; arrays must not be mutated)
 * @param sparseVectors sparse vectors by name, sorted by index ({@link SparseVec}); kept apart from the
 *     dense ones so that dense-only code paths never see them (never null; unmodifiable)
 */
public record StoredPoint(PointKey id, Map<String, Value> payload, Map<String, float[]> vectors,
        Map<String, SparseVec> sparseVectors) {

    public StoredPoint {
        payload = Map.copyOf(payload);
        vectors = Map.copyOf(vectors);
        sparseVectors = Map.copyOf(sparseVectors);
    }

    /** A point without sparse vectors. */
    public StoredPoint(PointKey id, Map<String, Value> payload, Map<String, float[]> vectors) {
        this(id, payload, vectors, Map.of());
    }

    /** The same point with another payload. */
    public StoredPoint withPayload(Map<String, Value> newPayload) {
        return new StoredPoint(id, newPayload, vectors, sparseVectors);
    }

    /** The named dense vector, or {@code null} when the point has none of that name. */
    public float[] vector(String name) {
        return vectors.get(name);
    }
}
