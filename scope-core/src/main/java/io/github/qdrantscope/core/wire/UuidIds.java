package io.github.qdrantscope.core.wire;

import java.util.UUID;

import io.github.qdrantscope.core.NamespacedIds;

/**
 * How UUID point ids are namespaced inside one project: a keyed permutation of the 128-bit values, so the
 * application's id is computed back from the stored one without a lookup (and without a copy of it in the
 * payload, which an overwrite or a clear of the payload would lose).
 *
 * <p>The permutation is a four-round Feistel network over the two 64-bit halves; each round XORs one half with
 * {@link #mix} (SplitMix64's finalizer) of the other half XOR a round key. A Feistel network is a
 * bijection whatever its round function, so no two ids of one project ever share a stored id; four rounds are
 * what Luby and Rackoff's construction needs for the halves to be mixed in both directions. The round keys come
 * from two name-based UUIDs of the project (244 bits), so they depend only on the project name and a run is
 * reproducible. Two different projects map two ids to one stored id with a chance of about 2^-128 per pair of
 * points, and a scoped id meets an unscoped UUID id of the same collection with the same chance.
 *
 * <p>Qdrant takes any 128-bit value as a UUID id: the gRPC conversion parses it with the {@code uuid} crate's
 * {@code Uuid::parse_str}, which checks no version or variant bits, and returns it as {@code uuid.to_string()},
 * lowercase and hyphenated (lib/api/src/grpc/conversions.rs, {@code TryFrom<PointId> for PointIdType} and
 * {@code From<PointIdType> for PointId}); so a stored id has no version bits, and a mapped-back id is in that
 * canonical form.
 */
record UuidIds(long k0, long k1, long k2, long k3) {

    /** Name spaces of the projects' keys; fixed forever, like {@link NumericIds}'s. */
    private static final UUID FIRST_NAMESPACE = UUID.fromString("c4a1f0d2-6e3b-5f47-9a08-3d5e7b1c2f64");

    private static final UUID SECOND_NAMESPACE = UUID.fromString("71e9b3c5-2d84-5a16-b0f7-8c4d2e6a9135");

    /** The keys of {@code project}. */
    static UuidIds of(String project) {
        UUID first = NamespacedIds.uuidV5(FIRST_NAMESPACE, project);
        UUID second = NamespacedIds.uuidV5(SECOND_NAMESPACE, project);
        return new UuidIds(first.getMostSignificantBits(), first.getLeastSignificantBits(),
                second.getMostSignificantBits(), second.getLeastSignificantBits());
    }

    /** The stored id of the application's {@code id}. */
    UUID stored(UUID id) {
        long left = id.getMostSignificantBits();
        long right = id.getLeastSignificantBits();
        left ^= round(right, this.k0);
        right ^= round(left, this.k1);
        left ^= round(right, this.k2);
        right ^= round(left, this.k3);
        return new UUID(left, right);
    }

    /** The application's id of a stored id: the inverse of {@link #stored}, the rounds undone in reverse. */
    UUID original(UUID stored) {
        long left = stored.getMostSignificantBits();
        long right = stored.getLeastSignificantBits();
        right ^= round(left, this.k3);
        left ^= round(right, this.k2);
        right ^= round(left, this.k1);
        left ^= round(right, this.k0);
        return new UUID(left, right);
    }

    private static long round(long half, long key) {
        return mix(half ^ key);
    }

    /**
     * SplitMix64's finalizer (Steele, Lea and Flood, "Fast splittable pseudorandom number generators", 2014; the
     * mixer of {@code java.util.SplittableRandom}): every input bit reaches every output bit.
     */
    static long mix(long x) {
        x = (x ^ (x >>> 30)) * 0xbf58476d1ce4e5b9L;
        x = (x ^ (x >>> 27)) * 0x94d049bb133111ebL;
        return x ^ (x >>> 31);
    }
}
