package io.github.qdrantscope.embedded.storage;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The points of a collection at one moment as flat arrays in ascending {@link PointKey} order, for
 * scans: walking an array and a column of vectors avoids the tree's pointer chasing and a map lookup
 * per point that dominate a filtered exact search.
 *
 * <p>Immutable once built and safe to share between concurrent readers: a vector column is built on
 * first use and cached; two readers building the same column at once build equal arrays.
 */
public final class PointColumns {

    private final StoredPoint[] points;
    private final Map<String, float[][]> vectorColumns = new ConcurrentHashMap<>();

    private PointColumns(StoredPoint[] points) {
        this.points = points;
    }

    /** A snapshot of {@code points}, which must be in ascending id order. */
    public static PointColumns of(Collection<StoredPoint> points) {
        return new PointColumns(points.toArray(new StoredPoint[0]));
    }

    /** Number of points. */
    public int size() {
        return points.length;
    }

    /** The {@code index}-th point in ascending id order. */
    public StoredPoint point(int index) {
        return points[index];
    }

    /**
     * The vectors named {@code name}, aligned with {@link #point(int)}: element {@code i} is
     * {@code point(i).vector(name)}, {@code null} where that point has none. The arrays are shared and
     * must not be mutated.
     */
    public float[][] vectors(String name) {
        float[][] column = vectorColumns.get(name);
        if (column == null) {
            column = new float[points.length][];
            for (int i = 0; i < points.length; i++) {
                column[i] = points[i].vector(name);
            }
            float[][] raced = vectorColumns.putIfAbsent(name, column);
            if (raced != null) {
                column = raced;
            }
        }
        return column;
    }
}
