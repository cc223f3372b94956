package io.github.qdrantscope.embedded.inference;

import java.nio.charset.StandardCharsets;

/**
 * The token → sparse index mapping of Qdrant's BM25 ({@code compute_token_id} in
 * {@code src/common/inference/bm25.rs}): MurmurHash3 x86 32-bit with seed 0 over the token's UTF-8 bytes
 * ({@code murmur3_32_of_slice}), read as {@code i32}, then {@code unsigned_abs}.
 */
final class Murmur3 {

    private static final int C1 = 0xcc9e2d51;
    private static final int C2 = 0x1b873593;

    private Murmur3() {
    }

    /** The sparse index of a token, a u32 in an int (so {@code i32::MIN} becomes 2^31). */
    static int tokenId(String token) {
        int hash = hash32(token.getBytes(StandardCharsets.UTF_8));
        // unsigned_abs: i32::MIN has no positive i32 counterpart but is 2^31 as u32, the int's own bits
        return hash == Integer.MIN_VALUE ? hash : Math.abs(hash);
    }

    static int hash32(byte[] data) {
        int h = 0;
        int length = data.length;
        int blocks = length & ~3;
        for (int i = 0; i < blocks; i += 4) {
            int k = (data[i] & 0xff) | (data[i + 1] & 0xff) << 8 | (data[i + 2] & 0xff) << 16
                    | (data[i + 3] & 0xff) << 24;
            h ^= mixK(k);
            h = Integer.rotateLeft(h, 13) * 5 + 0xe6546b64;
        }
        int k = 0;
        switch (length - blocks) {
            case 3:
                k ^= (data[blocks + 2] & 0xff) << 16;
                // fall through
            case 2:
                k ^= (data[blocks + 1] & 0xff) << 8;
                // fall through
            case 1:
                k ^= data[blocks] & 0xff;
                h ^= mixK(k);
                break;
            default:
                break;
        }
        h ^= length;
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return h;
    }

    private static int mixK(int k) {
        return Integer.rotateLeft(k * C1, 15) * C2;
    }
}
