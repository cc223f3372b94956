package io.github.qdrantscope.embedded.storage;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.UUID;

/**
 * Which shard of a shard key holds a point, as Qdrant 1.17 routes it when the key has several shards: the key's
 * hash ring is {@code HashRing::single()} (lib/collection/src/hash_ring.rs), a {@code ScaledHashRing::fair(100)}
 * (lib/common/scaled_hashring) over the {@code hashring} 0.3 crate: every shard id {@code s} puts 100 nodes
 * {@code (s, 0..100)} on a ring of 64-bit SipHash-2-4 keys (keys 0, 0; the crate's {@code DefaultHashBuilder}), and a
 * point belongs to the first node at or after its own key, wrapping around. Keys hash Rust's derived {@code Hash}
 * bytes: a node {@code (u32, u32)} as two little-endian words; a point id ({@code ExtendedPointId}, derived) as its
 * variant index as an 8-byte little-endian {@code isize} followed by the number as 8 little-endian bytes or the
 * UUID's 16 bytes. Checked against the crates themselves (hashring 0.3.6, siphasher 0.3.11, uuid 1) for three
 * rings and 40 numeric and 2 UUID ids (ShardHashRingTest).
 */
public final class ShardHashRing {

    private static final int SCALE = 100;

    private final long[] keys;
    private final int[] shards;

    /** The ring of shard ids {@code first .. first + count - 1}. */
    public ShardHashRing(int first, int count) {
        int n = count * SCALE;
        long[][] nodes = new long[n][];
        for (int s = 0; s < count; s++) {
            for (int i = 0; i < SCALE; i++) {
                byte[] bytes = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putInt(first + s).putInt(i).array();
                nodes[s * SCALE + i] = new long[] {sipHash24(bytes), first + s};
            }
        }
        // Vec::sort is stable: nodes of equal keys keep the order they were added in
        Arrays.sort(nodes, (a, b) -> Long.compareUnsigned(a[0], b[0]));
        keys = new long[n];
        shards = new int[n];
        for (int i = 0; i < n; i++) {
            keys[i] = nodes[i][0];
            shards[i] = (int) nodes[i][1];
        }
    }

    /** The shard id holding {@code id}. */
    public int shardOf(PointKey id) {
        ByteBuffer b = ByteBuffer.allocate(id.isNumeric() ? 16 : 24).order(ByteOrder.LITTLE_ENDIAN);
        if (id.isNumeric()) {
            b.putLong(0).putLong(id.num());
        } else {
            UUID uuid = id.uuid();
            b.putLong(1).order(ByteOrder.BIG_ENDIAN).putLong(uuid.getMostSignificantBits())
                    .putLong(uuid.getLeastSignificantBits());
        }
        long key = sipHash24(b.array());
        int lo = 0;
        int hi = keys.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (Long.compareUnsigned(keys[mid], key) < 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return shards[lo == keys.length ? 0 : lo];
    }

    /** SipHash-2-4 with both keys 0 (siphasher's {@code SipHasher::new()}). */
    static long sipHash24(byte[] data) {
        long v0 = 0x736f6d6570736575L;
        long v1 = 0x646f72616e646f6dL;
        long v2 = 0x6c7967656e657261L;
        long v3 = 0x7465646279746573L;
        ByteBuffer in = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
        int whole = data.length / 8 * 8;
        long[] v = {v0, v1, v2, v3};
        for (int i = 0; i < whole; i += 8) {
            long m = in.getLong(i);
            v[3] ^= m;
            round(v);
            round(v);
            v[0] ^= m;
        }
        long last = (long) data.length << 56;
        for (int i = whole; i < data.length; i++) {
            last |= (data[i] & 0xFFL) << (8 * (i - whole));
        }
        v[3] ^= last;
        round(v);
        round(v);
        v[0] ^= last;
        v[2] ^= 0xff;
        for (int i = 0; i < 4; i++) {
            round(v);
        }
        return v[0] ^ v[1] ^ v[2] ^ v[3];
    }

    private static void round(long[] v) {
        v[0] += v[1];
        v[1] = Long.rotateLeft(v[1], 13);
        v[1] ^= v[0];
        v[0] = Long.rotateLeft(v[0], 32);
        v[2] += v[3];
        v[3] = Long.rotateLeft(v[3], 16);
        v[3] ^= v[2];
        v[0] += v[3];
        v[3] = Long.rotateLeft(v[3], 21);
        v[3] ^= v[0];
        v[2] += v[1];
        v[1] = Long.rotateLeft(v[1], 17);
        v[1] ^= v[2];
        v[2] = Long.rotateLeft(v[2], 32);
    }
}
