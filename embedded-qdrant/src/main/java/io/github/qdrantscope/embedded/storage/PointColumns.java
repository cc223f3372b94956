package io.github.qdrantscope.embedded.storage;

import io.qdrant.client.grpc.JsonWithInt.Value;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
    private final Map<String, Map<String, int[]>> keywordPositions = new ConcurrentHashMap<>();
    private final Map<String, SparseIndex> sparseIndexes = new ConcurrentHashMap<>();

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

    /**
     * The inverted index of the sparse vectors {@code name}, positions as in {@link #point(int)}; built on
     * first use and cached, like {@link #vectors}.
     */
    public SparseIndex sparseIndex(String name) {
        SparseIndex index = sparseIndexes.get(name);
        if (index == null) {
            index = SparseIndex.build(points, name);
            SparseIndex raced = sparseIndexes.putIfAbsent(name, index);
            if (raced != null) {
                index = raced;
            }
        }
        return index;
    }

    /**
     * Positions (for {@link #point(int)}, ascending) of exactly the points a bare {@code match: keyword}
     * condition on the top-level payload field {@code key} accepts: the field is the string
     * {@code keyword}, or an array with it as an element (one level, as Qdrant's condition checker).
     * The per-field map is built on first use, like a keyword payload index.
     */
    public int[] keywordPositions(String key, String keyword) {
        Map<String, int[]> byKeyword = keywordPositions.get(key);
        if (byKeyword == null) {
            byKeyword = keywordIndex(key);
            Map<String, int[]> raced = keywordPositions.putIfAbsent(key, byKeyword);
            if (raced != null) {
                byKeyword = raced;
            }
        }
        return byKeyword.getOrDefault(keyword, NONE);
    }

    private static final int[] NONE = new int[0];

    private Map<String, int[]> keywordIndex(String key) {
        Map<String, List<Integer>> lists = new HashMap<>();
        for (int i = 0; i < points.length; i++) {
            Value value = points[i].payload().get(key);
            if (value != null) {
                Set<String> keywords = new HashSet<>();
                collectStrings(value, keywords);
                for (String keyword : keywords) {
                    lists.computeIfAbsent(keyword, k -> new ArrayList<>()).add(i);
                }
            }
        }
        Map<String, int[]> index = new HashMap<>(lists.size() * 2);
        lists.forEach((keyword, positions) -> index.put(keyword,
                positions.stream().mapToInt(Integer::intValue).toArray()));
        return index;
    }

    private static void collectStrings(Value value, Set<String> out) {
        if (value.getKindCase() == Value.KindCase.STRING_VALUE) {
            out.add(value.getStringValue());
        } else if (value.getKindCase() == Value.KindCase.LIST_VALUE) {
            for (Value element : value.getListValue().getValuesList()) {
                if (element.getKindCase() == Value.KindCase.STRING_VALUE) {
                    out.add(element.getStringValue());
                }
            }
        }
    }
}
