package io.github.qdrantscope.embedded.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The shard each point id falls in, as the Rust crates Qdrant 1.17 routes with compute it (hashring 0.3.6 over
 * siphasher 0.3.11, ids as Qdrant's derived {@code ExtendedPointId} hash, UUIDs from uuid 1): expected values printed
 * by a Rust program building {@code (shard, 0..100)} rings with those crates, for ids 0 to 39 and two UUIDs.
 */
class ShardHashRingTest {

    @Test
    void pointsFallInTheShardsTheRustRingPutsThemIn() {
        assertThat(placements(1, 2)).isEqualTo(
                "2 2 2 2 2 2 2 2 1 1 1 2 2 2 2 2 2 1 1 2 2 1 2 2 1 1 2 1 1 2 1 2 2 1 1 2 2 2 1 2 u1 u2");
        assertThat(placements(3, 3)).isEqualTo(
                "5 3 4 3 4 5 4 5 3 5 5 5 3 4 5 4 4 5 3 4 3 4 5 3 5 5 5 5 3 5 4 3 3 5 4 5 5 4 5 4 u3 u5");
        assertThat(placements(0, 3)).isEqualTo(
                "2 2 2 2 2 0 2 2 0 1 1 2 2 0 2 2 0 1 1 0 2 1 2 2 1 1 2 1 1 0 0 2 2 1 1 0 2 0 0 2 u1 u2");
    }

    private static String placements(int first, int count) {
        ShardHashRing ring = new ShardHashRing(first, count);
        List<String> out = new ArrayList<>();
        for (long id = 0; id < 40; id++) {
            out.add(String.valueOf(ring.shardOf(PointKey.ofNumber(id))));
        }
        for (String uuid : List.of("550e8400-e29b-41d4-a716-446655440000", "00000000-0000-0000-0000-000000000001")) {
            out.add("u" + ring.shardOf(PointKey.ofUuid(UUID.fromString(uuid))));
        }
        return String.join(" ", out);
    }
}
