package io.github.qdrantscope.embedded.search;

import io.github.qdrantscope.embedded.storage.CollectionView;
import io.github.qdrantscope.embedded.storage.PointColumns;
import io.github.qdrantscope.embedded.storage.SparseIndex;
import io.github.qdrantscope.embedded.storage.SparseVec;
import io.github.qdrantscope.embedded.storage.StoredPoint;
import java.util.Arrays;

/**
 * The {@code idf} modifier of a sparse vector: before scoring, every query weight is multiplied by its
 * index's inverse document frequency, Qdrant's {@code VectorQueryContext::remap_idf_weights} with
 * {@code fancy_idf} ({@code lib/segment/src/data_types/query_context.rs}), in f32:
 * {@code idf = ln((N - df + 0.5) / (df + 0.5) + 1)}.
 *
 * <p>{@code N} is the number of points whose vector is indexed, i.e. non-empty, and {@code df} the number of
 * those holding the index, also with a value of 0 (the statistics {@code fill_idf_statistics} reads from the
 * posting lists of the sparse index). The statistics cover the whole collection whatever the request's
 * filter, and a prefetch re-scored by an idf query uses them too. Observed the same on Qdrant's engine
 * (Edge 0.9.0), with one difference: Qdrant's segments keep a deleted point in their posting lists until an
 * optimizer rebuilds the segment, so there deletes change N and df only later; here they do at once.
 */
final class SparseIdf {

    private SparseIdf() {
    }

    /** {@code query} with every weight multiplied by its index's idf over the collection's vectors {@code name}. */
    static SparseVec weighted(CollectionView view, String name, SparseVec query) {
        int[] indices = query.indices();
        int[] df = new int[indices.length];
        int n = 0;
        PointColumns columns = view.sparseIndexed();
        if (columns != null) {
            // the same counts from the posting lists, which hold exactly the non-empty vectors' indices
            SparseIndex index = columns.sparseIndex(name);
            n = index.indexedPoints();
            for (int i = 0; i < indices.length; i++) {
                df[i] = index.end(indices[i]) - index.start(indices[i]);
            }
            return weighted(query, n, df);
        }
        for (StoredPoint point : view.points()) {
            SparseVec stored = point.sparseVectors().get(name);
            if (stored == null || stored.indices().length == 0) {
                continue;
            }
            n++;
            for (int i = 0; i < indices.length; i++) {
                if (contains(stored.indices(), indices[i])) {
                    df[i]++;
                }
            }
        }
        return weighted(query, n, df);
    }

    private static SparseVec weighted(SparseVec query, int n, int[] df) {
        int[] indices = query.indices();
        float[] values = Arrays.copyOf(query.values(), indices.length);
        for (int i = 0; i < values.length; i++) {
            values[i] *= idf(n, df[i]);
        }
        return new SparseVec(indices, values);
    }

    /** {@code fancy_idf}: every operation in f32 as there; {@code ln} of the f32 argument, rounded to f32. */
    static float idf(float n, float df) {
        return (float) Math.log((n - df + 0.5f) / (df + 0.5f) + 1f);
    }

    // stored indices are sorted unsigned (SparseVec)
    private static boolean contains(int[] sorted, int index) {
        int low = 0;
        int high = sorted.length - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            int cmp = Integer.compareUnsigned(sorted[mid], index);
            if (cmp == 0) {
                return true;
            }
            if (cmp < 0) {
                low = mid + 1;
            } else {
                high = mid - 1;
            }
        }
        return false;
    }
}
