package io.github.qdrantscope.core.wire;

import static io.qdrant.client.PointIdFactory.id;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class StoredIdSetTest {

    @Test
    void countsDistinctIdsOfBothKindsAsASetWould() {
        StoredIdSet ids = new StoredIdSet();
        Set<Object> expected = new HashSet<>();
        Random random = new Random(3);
        for (int i = 0; i < 200_000; i++) {
            // a narrow range, so adds and removes meet the same ids and probe runs get long
            long number = random.nextInt(5_000) - 2_500;
            boolean uuid = random.nextInt(10) == 0;
            Object key = uuid ? new UUID(0, number).toString() : (Object) number;
            if (random.nextInt(3) == 0) {
                ids.remove(uuid ? id(new UUID(0, number)) : id(number));
                expected.remove(key);
            }
            else {
                ids.add(uuid ? id(new UUID(0, number)) : id(number));
                expected.add(key);
            }
            if (i % 1_000 == 0) {
                assertThat(ids.size()).isEqualTo(expected.size());
            }
        }
        assertThat(ids.size()).isEqualTo(expected.size());
    }

    @Test
    void zeroAndTheUnsignedExtremesAreIdsLikeAnyOther() {
        StoredIdSet ids = new StoredIdSet();
        for (long id : new long[] { 0, -1, Long.MIN_VALUE, Long.MAX_VALUE, 0, -1 }) {
            ids.add(id(id));
        }
        assertThat(ids.size()).isEqualTo(4);
        ids.remove(id(0));
        ids.remove(id(0));
        ids.remove(id(12345));
        assertThat(ids.size()).isEqualTo(3);
    }
}
