package io.github.qdrantscope.embedded.search;

import io.qdrant.client.grpc.Points.DenseVector;
import io.qdrant.client.grpc.Points.Vector;
import java.util.List;

/** Reads dense query vectors from their wire forms; sparse, multi and inference inputs are refused. */
final class DenseInput {

    private DenseInput() {
    }

    static float[] of(List<Float> values) {
        float[] out = new float[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = values.get(i);
        }
        return out;
    }

    static float[] of(DenseVector vector) {
        return of(vector.getDataList());
    }

    /** A {@link Vector} given as {@code dense} or as the deprecated flat {@code data}. */
    @SuppressWarnings("deprecation")
    static float[] of(Vector vector) {
        return switch (vector.getVectorCase()) {
            case DENSE -> of(vector.getDense());
            case VECTOR_NOT_SET -> {
                if (vector.hasIndices() || vector.hasVectorsCount()) {
                    throw unsupported("sparse and multi-dense vectors");
                }
                yield of(vector.getDataList());
            }
            case SPARSE, MULTI_DENSE -> throw unsupported("sparse and multi-dense vectors");
            default -> throw unsupported("inference inputs (document, image, object)");
        };
    }

    static RuntimeException unsupported(String what) {
        return Unsupported.feature(what + " (only dense vectors are supported)");
    }
}
