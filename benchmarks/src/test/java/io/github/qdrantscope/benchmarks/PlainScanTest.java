package io.github.qdrantscope.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PlainScanTest {

    private final Dataset dataset = Dataset.generate(2_000, 16, 1);
    private final float[][] queries = Dataset.queries(20, 16, 1);

    @Test
    void returnsTheSameIdsAsSortingEveryScore() {
        for (float[] query : queries) {
            assertThat(PlainScan.topK(dataset.vectors(), null, query, 10))
                    .containsExactly(bySorting(query, null, 10));
        }
    }

    @Test
    void honoursTheMask() {
        boolean[] mask = dataset.maskFor(Dataset.FILTER_TENANT);
        for (float[] query : queries) {
            long[] ids = PlainScan.topK(dataset.vectors(), mask, query, 10);
            assertThat(ids).containsExactly(bySorting(query, mask, 10));
            assertThat(ids).hasSize(10);
            for (long id : ids) {
                assertThat(dataset.tenant((int) id)).isEqualTo(Dataset.FILTER_TENANT);
            }
        }
    }

    @Test
    void breaksTiesByAscendingIdAndReturnsFewerWhenFewerMatch() {
        float[][] vectors = {{1, 0}, {0, 1}, {1, 0}, {1, 0}, {0, 1}};
        assertThat(PlainScan.topK(vectors, null, new float[] {5, 0}, 2)).containsExactly(0, 2);
        assertThat(PlainScan.topK(vectors, new boolean[] {false, true, false, true, false}, new float[] {5, 0}, 3))
                .containsExactly(3, 1);
    }

    @Test
    void tenantMaskSelectsAboutOneTenth() {
        long selected = IntStream.range(0, dataset.size())
                .filter(i -> dataset.maskFor(Dataset.FILTER_TENANT)[i]).count();
        assertThat(selected).isBetween(150L, 250L);
    }

    private long[] bySorting(float[] query, boolean[] mask, int limit) {
        float[] q = PlainScan.normalised(query);
        return IntStream.range(0, dataset.size())
                .filter(i -> mask == null || mask[i])
                .boxed()
                .sorted(Comparator.<Integer>comparingDouble(i -> -PlainScan.dot(dataset.vector(i), q))
                        .thenComparing(i -> i))
                .limit(limit)
                .mapToLong(Integer::longValue)
                .toArray();
    }
}
