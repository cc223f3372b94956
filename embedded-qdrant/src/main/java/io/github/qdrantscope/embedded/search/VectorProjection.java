package io.github.qdrantscope.embedded.search;

import io.github.qdrantscope.embedded.storage.CollectionView;
import io.github.qdrantscope.embedded.storage.SparseVec;
import io.github.qdrantscope.embedded.storage.StoredPoint;
import io.github.qdrantscope.embedded.storage.VectorSpec;
import io.qdrant.client.grpc.Points.DenseVector;
import io.qdrant.client.grpc.Points.MultiDenseVector;
import io.qdrant.client.grpc.Points.NamedVectorsOutput;
import io.qdrant.client.grpc.Points.SparseIndices;
import io.qdrant.client.grpc.Points.SparseVector;
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

    static final VectorProjection NONE = new VectorProjection(false, null, Map.of());

    private final boolean enabled;
    private final List<String> names;
    private final Map<String, VectorSpec> specs;

    private VectorProjection(boolean enabled, List<String> names, Map<String, VectorSpec> specs) {
        this.enabled = enabled;
        this.names = names;
        this.specs = specs;
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
            case ENABLE -> selector.getEnable() ? new VectorProjection(true, null, view.vectors()) : NONE;
            case INCLUDE -> {
                for (String name : selector.getInclude().getNamesList()) {
                    if (!view.sparseVectors().contains(name)) {
                        VectorSpace.forSearch(view, name);
                    }
                }
                yield new VectorProjection(true, selector.getInclude().getNamesList(), view.vectors());
            }
            case SELECTOROPTIONS_NOT_SET -> NONE;
        };
    }

    /** The vectors to return, or {@code null} when none are requested. */
    VectorsOutput apply(StoredPoint point) {
        if (!enabled) {
            return null;
        }
        Map<String, VectorOutput> selected = new TreeMap<>();
        if (names == null) {
            point.vectors().forEach((name, v) -> selected.put(name, output(name, v)));
            point.sparseVectors().forEach((name, v) -> selected.put(name, output(v)));
        } else {
            for (String name : names) {
                float[] v = point.vector(name);
                SparseVec sparse = point.sparseVectors().get(name);
                if (v != null) {
                    selected.put(name, output(name, v));
                } else if (sparse != null) {
                    selected.put(name, output(sparse));
                }
            }
        }
        if (selected.size() == 1 && selected.containsKey("")) {
            return VectorsOutput.newBuilder().setVector(selected.get("")).build();
        }
        return VectorsOutput.newBuilder().setVectors(NamedVectorsOutput.newBuilder().putAllVectors(selected)).build();
    }

    // Qdrant's own conversion (From<VectorInternal> for grpc::VectorOutput, lib/api/src/grpc/conversions.rs)
    // writes the deprecated data + indices; the sparse field is written too, as dense writes both forms
    @SuppressWarnings("deprecation")
    private static VectorOutput output(SparseVec v) {
        SparseVector.Builder sparse = SparseVector.newBuilder();
        SparseIndices.Builder indices = SparseIndices.newBuilder();
        VectorOutput.Builder out = VectorOutput.newBuilder();
        for (int i = 0; i < v.indices().length; i++) {
            sparse.addIndices(v.indices()[i]).addValues(v.values()[i]);
            indices.addData(v.indices()[i]);
            out.addData(v.values()[i]);
        }
        return out.setIndices(indices).setSparse(sparse).build();
    }

    private VectorOutput output(String name, float[] v) {
        VectorSpec spec = specs.get(name);
        return spec != null && spec.multivector() ? outputMulti(v, spec.size()) : output(v);
    }

    // Qdrant's conversion of VectorInternal::MultiDense writes the deprecated flattened data + vectors_count;
    // multi_dense is written too, as dense writes both forms
    @SuppressWarnings("deprecation")
    private static VectorOutput outputMulti(float[] flat, int dim) {
        MultiDenseVector.Builder multi = MultiDenseVector.newBuilder();
        VectorOutput.Builder out = VectorOutput.newBuilder();
        for (int start = 0; start < flat.length; start += dim) {
            DenseVector.Builder sub = DenseVector.newBuilder();
            for (int i = start; i < start + dim; i++) {
                sub.addData(flat[i]);
                out.addData(flat[i]);
            }
            multi.addVectors(sub);
        }
        return out.setVectorsCount(flat.length / dim).setMultiDense(multi).build();
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
