package io.github.qdrantscope.embedded.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.qdrantscope.embedded.storage.CollectionView;
import io.github.qdrantscope.embedded.storage.ForwardingCollectionView;
import io.github.qdrantscope.embedded.storage.PointColumns;
import io.github.qdrantscope.embedded.storage.PointKey;
import io.github.qdrantscope.embedded.storage.SparseVec;
import io.github.qdrantscope.embedded.storage.StoredCollection;
import io.github.qdrantscope.embedded.storage.StoredPoint;
import io.qdrant.client.grpc.Collections.CollectionConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * A sparse search answered from the inverted index ({@code SparseSearch.run(CollectionView, ...)}) returns
 * exactly what the scan of every point returns: the same points in the same order with bit-identical
 * scores, with filters, thresholds, explicit zeros, unsigned indices, empty vectors, ties and writes after
 * the index was built; idf weights from the posting lists equal those counted over the points.
 */
class SparseIndexedSearchTest {

    private static final String NAME = "text";
    private static final int VOCABULARY = 60;

    private final StoredCollection collection = new StoredCollection("c", Map.of(), Set.of(NAME),
            CollectionConfig.getDefaultInstance());
    private final SplittableRandom random = new SplittableRandom(7);

    @Test
    void indexedSearchEqualsTheScanBitForBit() {
        for (int id = 0; id < 800; id++) {
            put(id, randomVector(1 + random.nextInt(12)));
        }
        put(900, new SparseVec(new int[0], new float[0]));
        collection.write(c -> {
            c.put(new StoredPoint(PointKey.ofNumber(901), Map.of(), Map.of()));
            return null;
        });
        assertSameAnswers();

        // writes after a read: the next read must see a rebuilt index, not the stale one
        for (int id = 0; id < 800; id += 3) {
            int key = id;
            collection.write(c -> c.remove(PointKey.ofNumber(key)));
        }
        for (int id = 1; id < 800; id += 5) {
            put(id, randomVector(1 + random.nextInt(12)));
        }
        assertSameAnswers();
    }

    @Test
    void tiedScoresKeepAscendingIdsAndZeroOverlapIsAResult() {
        for (int id = 20; id > 0; id--) {
            put(id, new SparseVec(new int[] {1, 5}, new float[] {id % 2 == 0 ? 0f : 1f, 2f}));
        }
        put(30, new SparseVec(new int[] {9}, new float[] {4f}));
        SparseSearch search = new SparseSearch(NAME, new SparseVec(new int[] {1}, new float[] {3f}));

        List<Hit> hits = collection.read(view -> search.run(view, null, null, 20));

        assertThat(hits).extracting(h -> h.point().id().toString()).containsExactly(
                "1", "3", "5", "7", "9", "11", "13", "15", "17", "19",
                "2", "4", "6", "8", "10", "12", "14", "16", "18", "20");
        assertThat(hits).extracting(Hit::score).containsExactly(
                3f, 3f, 3f, 3f, 3f, 3f, 3f, 3f, 3f, 3f, 0f, 0f, 0f, 0f, 0f, 0f, 0f, 0f, 0f, 0f);
    }

    private void assertSameAnswers() {
        Predicate<StoredPoint> evenIds = p -> p.id().toString().chars().map(ch -> ch - '0').sum() % 2 == 0;
        for (int q = 0; q < 40; q++) {
            SparseSearch search = new SparseSearch(NAME, randomVector(1 + random.nextInt(8)));
            Predicate<StoredPoint> filter = q % 2 == 0 ? null : evenIds;
            Float threshold = q % 3 == 0 ? 0.5f : null;
            long k = q % 4 == 0 ? 1000 : 10;
            List<String> indexed = collection.read(view -> render(search.run(view, filter, threshold, k)));
            List<String> scanned = collection.read(view -> render(search.run(view.points(), filter, threshold, k)));
            assertThat(indexed).isEqualTo(scanned);
            if (threshold == null) {
                // every index of the small vocabulary is held by many points: a full page
                assertThat(indexed).hasSizeGreaterThan(9);
            }

            SparseVec fromIndex = collection.read(view -> SparseIdf.weighted(view, NAME, search.query()));
            SparseVec fromScan = collection.read(view -> SparseIdf.weighted(new ScanOnly(view), NAME, search.query()));
            assertThat(bits(fromIndex.values())).containsExactly(bits(fromScan.values()));
        }
    }

    private static List<String> render(List<Hit> hits) {
        List<String> out = new ArrayList<>(hits.size());
        hits.forEach(h -> out.add(h.point().id() + "=" + Integer.toHexString(Float.floatToRawIntBits(h.score()))));
        return out;
    }

    private static int[] bits(float[] values) {
        int[] bits = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            bits[i] = Float.floatToRawIntBits(values[i]);
        }
        return bits;
    }

    /** Distinct indices from a small vocabulary, some above 2^31 (negative as int), some values 0 or negative. */
    private SparseVec randomVector(int size) {
        int[] indices = random.ints(0, VOCABULARY).distinct().limit(size)
                .map(i -> i % 7 == 0 ? Integer.MIN_VALUE + i : i).toArray();
        float[] values = new float[indices.length];
        for (int i = 0; i < values.length; i++) {
            int kind = random.nextInt(10);
            values[i] = kind == 0 ? 0f : kind == 1 ? -random.nextFloat() : random.nextFloat() * 3;
        }
        return SparseVec.sorted(indices, values);
    }

    private void put(long id, SparseVec vector) {
        collection.write(c -> {
            c.put(new StoredPoint(PointKey.ofNumber(id), Map.of(), Map.of(), Map.of(NAME, vector)));
            return null;
        });
    }

    /** A view that keeps no index, so searches and idf take their scans. */
    private static final class ScanOnly extends ForwardingCollectionView {

        ScanOnly(CollectionView view) {
            super(view);
        }

        @Override
        public PointColumns columns() {
            return PointColumns.of(points());
        }

        @Override
        public PointColumns sparseIndexed() {
            return null;
        }
    }
}
