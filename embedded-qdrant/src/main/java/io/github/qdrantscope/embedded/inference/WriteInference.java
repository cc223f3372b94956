package io.github.qdrantscope.embedded.inference;

import io.qdrant.client.grpc.Points.NamedVectors;
import io.qdrant.client.grpc.Points.PointStruct;
import io.qdrant.client.grpc.Points.PointVectors;
import io.qdrant.client.grpc.Points.PointsUpdateOperation;
import io.qdrant.client.grpc.Points.UpdatePointVectors;
import io.qdrant.client.grpc.Points.UpsertPoints;
import io.qdrant.client.grpc.Points.Vector;
import io.qdrant.client.grpc.Points.Vectors;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Replaces the inference inputs of point writes by the vectors Qdrant 1.17 infers for them
 * ({@code src/common/inference/update_requests.rs}, {@code InferenceType::Update}), before the write is applied:
 * a named vector's {@code Document} becomes its BM25 document vector, so what follows (vector names, the
 * sparse/dense check) treats it like a sparse vector the client sent.
 *
 * <p>Unnamed inputs fail once every input was inferred: {@code convert_point_struct} answers a sparse
 * result for the default vector with {@code Bad request: Sparse vector should be named};
 * {@code convert_point_vectors} refuses an unnamed input outright ({@code InferenceError}
 * "Document processing is not supported for point vectors.").
 */
public final class WriteInference {

    private WriteInference() {
    }

    /** Upsert's points with their inputs inferred; the request itself when it has none. */
    public static UpsertPoints upsert(UpsertPoints request) {
        if (request.getPointsList().stream().noneMatch(p -> hasInput(p.getVectors()))) {
            return request;
        }
        return request.toBuilder().clearPoints().addAllPoints(points(request.getPointsList())).build();
    }

    /** UpdateVectors' points with their inputs inferred. */
    public static UpdatePointVectors updateVectors(UpdatePointVectors request) {
        if (request.getPointsList().stream().noneMatch(p -> hasInput(p.getVectors()))) {
            return request;
        }
        return request.toBuilder().clearPoints().addAllPoints(pointVectors(request.getPointsList())).build();
    }

    /** One operation of UpdateBatch: its upsert or update_vectors inferred as the single RPCs are. */
    public static PointsUpdateOperation batchOperation(PointsUpdateOperation operation) {
        if (operation.hasUpsert() && operation.getUpsert().getPointsList().stream()
                .anyMatch(p -> hasInput(p.getVectors()))) {
            var upsert = operation.getUpsert().toBuilder().clearPoints()
                    .addAllPoints(points(operation.getUpsert().getPointsList()));
            return operation.toBuilder().setUpsert(upsert).build();
        }
        if (operation.hasUpdateVectors() && operation.getUpdateVectors().getPointsList().stream()
                .anyMatch(p -> hasInput(p.getVectors()))) {
            var update = operation.getUpdateVectors().toBuilder().clearPoints()
                    .addAllPoints(pointVectors(operation.getUpdateVectors().getPointsList()));
            return operation.toBuilder().setUpdateVectors(update).build();
        }
        return operation;
    }

    private static List<PointStruct> points(List<PointStruct> points) {
        try {
            InferenceSession session = new InferenceSession(InferenceSession.Side.UPDATE);
            boolean unnamed = false;
            List<PointStruct> inferred = new ArrayList<>(points.size());
            for (PointStruct point : points) {
                Vectors vectors = point.getVectors();
                if (vectors.hasVector() && isInput(vectors.getVector())) {
                    infer(vectors.getVector(), session);
                    unnamed = true;
                    inferred.add(point);
                } else {
                    inferred.add(point.toBuilder().setVectors(named(vectors, session)).build());
                }
            }
            session.finish();
            if (unnamed) {
                throw new InferenceError(InferenceError.Kind.BAD_REQUEST, "Sparse vector should be named");
            }
            return inferred;
        } catch (InferenceError e) {
            throw e.onUpdate();
        }
    }

    private static List<PointVectors> pointVectors(List<PointVectors> points) {
        try {
            InferenceSession session = new InferenceSession(InferenceSession.Side.UPDATE);
            String unnamed = null;
            List<PointVectors> inferred = new ArrayList<>(points.size());
            for (PointVectors point : points) {
                Vectors vectors = point.getVectors();
                if (vectors.hasVector() && isInput(vectors.getVector())) {
                    // not inferred at all: the conversion refuses it after the named inputs were inferred
                    unnamed = unnamed != null ? unnamed : switch (vectors.getVector().getVectorCase()) {
                        case DOCUMENT -> "Document";
                        case IMAGE -> "Image";
                        default -> "Object";
                    };
                    inferred.add(point);
                } else {
                    inferred.add(point.toBuilder().setVectors(named(vectors, session)).build());
                }
            }
            session.finish();
            if (unnamed != null) {
                throw new InferenceError(InferenceError.Kind.INFERENCE,
                        unnamed + " processing is not supported for point vectors.");
            }
            return inferred;
        } catch (InferenceError e) {
            throw e.onUpdate();
        }
    }

    private static Vectors named(Vectors vectors, InferenceSession session) {
        if (!vectors.hasVectors()) {
            return vectors;
        }
        NamedVectors.Builder named = vectors.getVectors().toBuilder();
        for (Map.Entry<String, Vector> entry : vectors.getVectors().getVectorsMap().entrySet()) {
            if (isInput(entry.getValue())) {
                named.putVectors(entry.getKey(), infer(entry.getValue(), session));
            }
        }
        return vectors.toBuilder().setVectors(named).build();
    }

    private static Vector infer(Vector vector, InferenceSession session) {
        switch (vector.getVectorCase()) {
            case DOCUMENT -> {
                return Vector.newBuilder().setSparse(session.document(vector.getDocument())).build();
            }
            case IMAGE -> session.nonText(vector.getImage().getModel());
            default -> session.nonText(vector.getObject().getModel());
        }
        return vector;
    }

    private static boolean hasInput(Vectors vectors) {
        return vectors.hasVector() && isInput(vectors.getVector())
                || vectors.hasVectors() && vectors.getVectors().getVectorsMap().values().stream()
                        .anyMatch(WriteInference::isInput);
    }

    private static boolean isInput(Vector vector) {
        return switch (vector.getVectorCase()) {
            case DOCUMENT, IMAGE, OBJECT -> true;
            default -> false;
        };
    }
}
