package io.github.qdrantscope.core.wire;

import java.util.UUID;

import io.github.qdrantscope.core.NamespacedIds;

/**
 * How numeric point ids are namespaced inside one project: a keyed translation of the unsigned 64-bit ids,
 * {@code stored = id + offset (mod 2^64)}, so a scoped point keeps a numeric id on the wire and in storage (a varint,
 * not a 36-character UUID), no two ids of one project ever share a stored id, and the application's id is computed
 * back from the stored one without a lookup.
 *
 * <p>A translation keeps the application's order: ids a test writes as 1, 2, 3 are stored consecutively, so a server
 * that keeps points in id order (the embedded server's tree) inserts them at one end, as it does the unscoped
 * ids. A permutation that scatters them (two SplitMix64 finalizer rounds, the previous rule)
 * made every upsert of 100 such points 7–11% slower on the embedded server (docs/benchmarks.md).
 *
 * <p>The offset is 64 bits of the project's name-based UUID (the XOR of its halves: each of the UUID's fixed
 * version and variant bits meets a hashed bit of the other half), so it depends only on the project name and a
 * run is reproducible. For two different projects and any two ids a and b, {@code a + offset1 = b + offset2}
 * holds for one difference of the offsets in 2^64, so two points of two projects share a stored id with a chance
 * of 2^-64 per pair (for the small consecutive ids tests write, less: the offsets must fall within the ids'
 * range of each other), and a scoped id meets an unscoped numeric id of the same collection with the same chance.
 */
record NumericIds(long offset) {

    /** Name space of the projects' keys; fixed forever, like {@link NamespacedIds}'s. */
    private static final UUID NUMERIC_NAMESPACE = UUID.fromString("4f1c2d7a-9b3e-5a60-8c1d-2e7f0a9b6c35");

    /** The keys of {@code project}. */
    static NumericIds of(String project) {
        UUID keys = NamespacedIds.uuidV5(NUMERIC_NAMESPACE, project);
        return new NumericIds(keys.getMostSignificantBits() ^ keys.getLeastSignificantBits());
    }

    /** The stored id of the application's {@code id} (both unsigned 64-bit, as Qdrant's). */
    long stored(long id) {
        return id + this.offset;
    }

    /** The application's id of a stored id: the inverse of {@link #stored}. */
    long original(long stored) {
        return stored - this.offset;
    }
}
