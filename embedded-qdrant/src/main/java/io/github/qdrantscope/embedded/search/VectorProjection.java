package io.github.qdrantscope.embedded.search;

import io.github.qdrantscope.embedded.storage.CollectionView;
import io.github.qdrantscope.embedded.storage.StoredPoint;
import io.qdrant.client.grpc.Points.DenseVector;
import io.qdrant.client.grpc.Points.NamedVectorsOutput;
import io.qdrant.client.grpc.Points.VectorOutput;
import io.qdrant.client.grpc.Points.VectorsOutput;
import io.qdrant.client.grpc.Points.WithVectorsSelector;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which vectors a response carries: Qdrant's {@code with_vectors} (bool or a list of names; off by
 * default). A point whose returned vectors are just the unnamed one is sent as
 * {@code VectorsOutput.vector}, anything else as the named map, like Qdrant's
 * {@code VectorStructInternal} conversion. Dense data is written both to {@code dense} and to the
 * deprecated {@code data} field so that clients reading either form see the vector.
 */
final class VectorProjection {

    static final VectorProjection NONE = new VectorProjection(false, null);

    private final boolean enabled;
    private final List<String> names;

    private VectorProjection(boolean enabled, List<String> names) {
        this.enabled = enabled;
        this.names = names;
    }

    /**
     * @param selector the request's selector, or {@code null} when not set (vectors off)
     * @param view the collection: a selected name it does not configure is rejected as the segment
     *     rejects it ({@code Wrong input: Not existing vector name error: <name>})
     */
    static VectorProjection of(WithVectorsSelector selector, CollectionView view) {
        if (selector == null) {
            return NONE;
        }
        return switch (selector.getSelectorOptionsCase()) {
            case ENABLE -> selector.getEnable() ? new VectorProjection(true, null) : NONE;
            case INCLUDE -> {
                for (String name : selector.getInclude().getNamesList()) {
                    VectorSpace.forSearch(view, name);
                }
                yield new VectorProjection(true, selector.getInclude().getNamesList());
            }
            case SELECTOROPTIONS_NOT_SET -> NONE;
        };
    }

    /** The vectors to return, or {@code null} when none are requested. */
    VectorsOutput apply(StoredPoint point) {
        if (!enabled) {
            return null;
        }
        Map<String, float[]> selected = new TreeMap<>();
        if (names == null) {
            selected.putAll(point.vectors());
        } else {
            for (String name : names) {
                float[] v = point.vector(name);
                if (v != null) {
                    selected.put(name, v);
                }
            }
        }
        if (selected.size() == 1 && selected.containsKey("")) {
            return VectorsOutput.newBuilder().setVector(output(selected.get(""))).build();
        }
        NamedVectorsOutput.Builder named = NamedVectorsOutput.newBuilder();
        selected.forEach((name, v) -> named.putVectors(name, output(v)));
        return VectorsOutput.newBuilder().setVectors(named).build();
    }

    @SuppressWarnings("deprecation")
    private static VectorOutput output(float[] v) {
        DenseVector.Builder dense = DenseVector.newBuilder();
        VectorOutput.Builder out = VectorOutput.newBuilder();
        for (float x : v) {
            dense.addData(x);
            out.addData(x);
        }
        return out.setDense(dense).build();
    }
}
