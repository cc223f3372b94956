package io.github.qdrantscope.embedded.storage;

import java.util.Arrays;

/**
 * An inverted index of one sparse vector over a {@link PointColumns} snapshot: for every sparse index, the
 * positions (ascending) of the points whose vector holds it and the values there, including explicit zeros,
 * as Qdrant's posting lists hold them ({@code lib/sparse/src/index/inverted_index}). A sparse search then walks
 * only the posting lists of the query's indices, as Qdrant's {@code SearchContext} does, instead of every
 * point.
 *
 * <p>Postings are stored compressed-row style: the lists of all indices back to back in two flat arrays, with
 * an open-addressing table from sparse index to its list's slot, so building and reading allocate nothing per
 * posting. Immutable once built.
 */
public final class SparseIndex {

    private static final int EMPTY = -1;

    private final int[] keys;
    private final int[] slots;
    private final int[] offsets;
    private final int[] positions;
    private final float[] values;
    private final int indexedPoints;

    private SparseIndex(int[] keys, int[] slots, int[] offsets, int[] positions, float[] values, int indexedPoints) {
        this.keys = keys;
        this.slots = slots;
        this.offsets = offsets;
        this.positions = positions;
        this.values = values;
        this.indexedPoints = indexedPoints;
    }

    /** The index of the sparse vectors {@code name} of {@code points} (aligned with {@link PointColumns#point}). */
    static SparseIndex build(StoredPoint[] points, String name) {
        SparseVec[] vectors = new SparseVec[points.length];
        long total = 0;
        int indexed = 0;
        for (int i = 0; i < points.length; i++) {
            SparseVec vector = points[i].sparseVectors().get(name);
            vectors[i] = vector;
            if (vector != null && vector.indices().length > 0) {
                total += vector.indices().length;
                indexed++;
            }
        }
        if (total > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("Sparse vector `" + name + "` has more than 2^31 non-zeros in one collection");
        }
        int[] keys = new int[64];
        int[] slots = new int[64];
        Arrays.fill(slots, EMPTY);
        int[] counts = new int[32];
        int distinct = 0;
        for (SparseVec vector : vectors) {
            if (vector == null) {
                continue;
            }
            for (int index : vector.indices()) {
                int at = probe(keys, slots, index);
                if (slots[at] == EMPTY) {
                    keys[at] = index;
                    slots[at] = distinct++;
                    if (distinct * 2 > keys.length) {
                        int[][] grown = grow(keys, slots);
                        keys = grown[0];
                        slots = grown[1];
                        counts = Arrays.copyOf(counts, keys.length / 2);
                    }
                    at = probe(keys, slots, index);
                }
                counts[slots[at]]++;
            }
        }
        int[] offsets = new int[distinct + 1];
        for (int s = 0; s < distinct; s++) {
            offsets[s + 1] = offsets[s] + counts[s];
        }
        int[] fill = Arrays.copyOf(offsets, distinct);
        int[] positions = new int[(int) total];
        float[] values = new float[(int) total];
        for (int p = 0; p < vectors.length; p++) {
            SparseVec vector = vectors[p];
            if (vector == null) {
                continue;
            }
            int[] indices = vector.indices();
            float[] weights = vector.values();
            for (int j = 0; j < indices.length; j++) {
                int at = fill[slots[probe(keys, slots, indices[j])]]++;
                positions[at] = p;
                values[at] = weights[j];
            }
        }
        return new SparseIndex(keys, slots, offsets, positions, values, indexed);
    }

    /** The table at twice the size, every key re-probed: keeps it at most half full. */
    private static int[][] grow(int[] keys, int[] slots) {
        int[] newKeys = new int[keys.length * 2];
        int[] newSlots = new int[keys.length * 2];
        Arrays.fill(newSlots, EMPTY);
        for (int i = 0; i < keys.length; i++) {
            if (slots[i] != EMPTY) {
                int at = probe(newKeys, newSlots, keys[i]);
                newKeys[at] = keys[i];
                newSlots[at] = slots[i];
            }
        }
        return new int[][] {newKeys, newSlots};
    }

    // linear probing; the table is kept at most half full, so a free cell always exists
    private static int probe(int[] keys, int[] slots, int index) {
        int mask = keys.length - 1;
        int at = mix(index) & mask;
        while (slots[at] != EMPTY && keys[at] != index) {
            at = (at + 1) & mask;
        }
        return at;
    }

    private static int mix(int x) {
        int h = x * 0x9E3779B9;
        return h ^ (h >>> 16);
    }

    /** The posting list of sparse index {@code index}: its bounds in {@link #positions()} / {@link #values()}. */
    public int start(int index) {
        int slot = slots[probe(keys, slots, index)];
        return slot == EMPTY ? 0 : offsets[slot];
    }

    /** The exclusive end of {@code index}'s posting list; equals {@link #start} when no point holds it. */
    public int end(int index) {
        int slot = slots[probe(keys, slots, index)];
        return slot == EMPTY ? 0 : offsets[slot + 1];
    }

    /** Point positions of all posting lists back to back; shared, must not be mutated. */
    public int[] positions() {
        return positions;
    }

    /** The values aligned with {@link #positions()}; shared, must not be mutated. */
    public float[] values() {
        return values;
    }

    /** Number of points whose vector is non-empty (idf's {@code N}). */
    public int indexedPoints() {
        return indexedPoints;
    }
}
