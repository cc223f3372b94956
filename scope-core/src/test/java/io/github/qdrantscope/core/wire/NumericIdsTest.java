package io.github.qdrantscope.core.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NumericIdsTest {

    @Test
    void theOriginalIsComputedBackFromEveryStoredId() {
        NumericIds ids = NumericIds.of("orders-1a2b3c4d");
        Random random = new Random(7);
        long[] edges = {0, 1, 2, -1, Long.MAX_VALUE, Long.MIN_VALUE, 0xffffffffL, -ids.offset(), 1 - ids.offset()};
        for (long id : edges) {
            assertThat(ids.original(ids.stored(id))).isEqualTo(id);
        }
        for (int i = 0; i < 100_000; i++) {
            long id = random.nextLong();
            assertThat(ids.original(ids.stored(id))).isEqualTo(id);
        }
    }

    @Test
    void oneProjectsIdsNeverShareAStoredIdAndTwoProjectsGetDifferentOnes() {
        NumericIds a = NumericIds.of("orders-1a2b3c4d");
        NumericIds b = NumericIds.of("orders-1a2b3c4e");
        Set<Long> stored = new HashSet<>();
        for (long id = 0; id < 50_000; id++) {
            stored.add(a.stored(id));
            stored.add(b.stored(id));
        }
        // small ids, as tests write them: no id of a maps onto one of b, nor onto an unscoped small id
        assertThat(stored.size()).isEqualTo(100_000);
        assertThat(stored).allSatisfy(id -> assertThat(Long.compareUnsigned(id, 50_000)).isPositive());
    }

    @Test
    void consecutiveIdsStayConsecutive() {
        NumericIds ids = NumericIds.of("orders-1a2b3c4d");
        assertThat(ids.stored(8) - ids.stored(7)).isEqualTo(1);
        assertThat(ids.stored(1)).isNotEqualTo(1L);
    }

    @Test
    void theKeysDependOnlyOnTheProjectName() {
        assertThat(NumericIds.of("p-00000001")).isEqualTo(NumericIds.of("p-00000001"));
        assertThat(NumericIds.of("p-00000001").stored(42)).isEqualTo(NumericIds.of("p-00000001").stored(42));
        assertThat(NumericIds.of("p-00000001")).isNotEqualTo(NumericIds.of("p-00000002"));
    }
}
