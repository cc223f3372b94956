package io.github.qdrantscope.core.wire;

import java.util.UUID;

import io.github.qdrantscope.core.NamespacedIds;

/**
 * How numeric point ids are namespaced inside one project: a keyed permutation of the 64-bit ids, so a scoped
 * point keeps a numeric id on the wire and in storage (a varint, not a 36-character UUID), no two ids of one
 * project ever share a stored id, and the application's id is computed back from the stored one without a
 * lookup.
 *
 * <p>The permutation is two rounds of SplitMix64's finalizer (Steele, Lea and Flood, "Fast splittable
 * pseudorandom number generators", 2014; the same mixer as {@code java.util.SplittableRandom}), each after an
 * XOR with 64 bits of the project's name-based UUID. Each step is invertible, so the whole is a bijection.
 * Two different projects map two ids to one stored id with a chance of 2^-64 per pair of points (for a
 * million points in one collection, about 3 in 10^8 of any collision), and a scoped id meets an unscoped
 * numeric id of the same collection with the same chance. The keys depend only on the project name, so a
 * run is reproducible.
 */
record NumericIds(long first, long second) {

    /** Name space of the projects' keys; fixed forever, like {@link NamespacedIds}'s. */
    private static final UUID NUMERIC_NAMESPACE = UUID.fromString("4f1c2d7a-9b3e-5a60-8c1d-2e7f0a9b6c35");

    private static final long M1 = 0xbf58476d1ce4e5b9L;
    private static final long M2 = 0x94d049bb133111ebL;
    private static final long M1_INVERSE = inverse(M1);
    private static final long M2_INVERSE = inverse(M2);

    /** The keys of {@code project}. */
    static NumericIds of(String project) {
        UUID keys = NamespacedIds.uuidV5(NUMERIC_NAMESPACE, project);
        return new NumericIds(keys.getMostSignificantBits(), keys.getLeastSignificantBits());
    }

    /** The stored id of the application's {@code id} (both unsigned 64-bit, as Qdrant's). */
    long stored(long id) {
        return mix(mix(id ^ this.first) ^ this.second);
    }

    /** The application's id of a stored id: the inverse of {@link #stored}. */
    long original(long stored) {
        return unmix(unmix(stored) ^ this.second) ^ this.first;
    }

    static long mix(long x) {
        x = (x ^ (x >>> 30)) * M1;
        x = (x ^ (x >>> 27)) * M2;
        return x ^ (x >>> 31);
    }

    static long unmix(long x) {
        x = unshift(x, 31) * M2_INVERSE;
        x = unshift(x, 27) * M1_INVERSE;
        return unshift(x, 30);
    }

    /** The inverse of {@code x ^ (x >>> shift)}. */
    private static long unshift(long x, int shift) {
        long result = x;
        for (int done = shift; done < Long.SIZE; done += shift) {
            result = x ^ (result >>> shift);
        }
        return result;
    }

    /** The multiplicative inverse of an odd {@code value} modulo 2^64 (Newton's iteration doubles the bits). */
    private static long inverse(long value) {
        long inverse = value;
        for (int i = 0; i < 5; i++) {
            inverse *= 2 - value * inverse;
        }
        return inverse;
    }
}
