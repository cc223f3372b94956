package io.github.qdrantscope.junit;

import static io.qdrant.client.PointIdFactory.id;
import static io.qdrant.client.ValueFactory.value;
import static io.qdrant.client.VectorsFactory.vectors;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import com.google.common.util.concurrent.ListenableFuture;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.qdrant.client.QdrantClient;
import io.qdrant.client.grpc.Collections.Distance;
import io.qdrant.client.grpc.Collections.VectorParams;
import io.qdrant.client.grpc.Common.PointId;
import io.qdrant.client.grpc.Points.PointStruct;

/**
 * The data every isolation test writes: the same ids ({@code 1}, {@code 2}, {@code 3} and one UUID) into the same
 * application collection {@value #COLLECTION}, vectors at fixed angles, and a token each test draws so it can
 * recognise its own points.
 */
final class Documents {

    static final String COLLECTION = "documents";

    static final UUID FIXED_UUID = UUID.fromString("6f1c2a9e-3b7d-4e58-9a0c-1d2e3f405162");

    static final List<PointId> IDS = List.of(id(1), id(2), id(3), id(FIXED_UUID));

    private Documents() {
    }

    /** Creates {@value #COLLECTION} (4 dimensions, cosine) in the fork unless some test already did. */
    static void ensureCollection(QdrantClient client) throws Exception {
        if (get(client.collectionExistsAsync(COLLECTION))) {
            return;
        }
        try {
            get(client.createCollectionAsync(COLLECTION,
                    VectorParams.newBuilder().setSize(4).setDistance(Distance.Cosine).build()));
        }
        catch (StatusRuntimeException ex) {
            if (ex.getStatus().getCode() != Status.Code.ALREADY_EXISTS && !String.valueOf(ex.getMessage())
                .contains("already exists")) {
                throw ex;
            }
        }
    }

    /** The four fixed points, each carrying {@code token} and its position {@code rank}. */
    static List<PointStruct> points(String token) {
        return List.of(point(IDS.get(0), token, 0, 1, 0, 0, 0), point(IDS.get(1), token, 1, 1, 1, 0, 0),
                point(IDS.get(2), token, 2, 0, 1, 0, 0), point(IDS.get(3), token, 3, 0, 0, 1, 0));
    }

    private static PointStruct point(PointId id, String token, int rank, float... vector) {
        return PointStruct.newBuilder().setId(id).setVectors(vectors(vector))
            .putPayload("token", value(token)).putPayload("rank", value(rank)).build();
    }

    static <T> T get(ListenableFuture<T> future) throws Exception {
        try {
            return future.get(30, TimeUnit.SECONDS);
        }
        catch (ExecutionException ex) {
            if (ex.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw ex;
        }
    }
}
