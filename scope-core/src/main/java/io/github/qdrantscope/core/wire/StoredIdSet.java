package io.github.qdrantscope.core.wire;

import java.util.HashSet;
import java.util.Set;

import io.qdrant.client.grpc.Common.PointId;

/**
 * The stored ids of one project's points in one collection, for cleanup's count: every id a scoped upsert writes is
 * added on the call's way back, so the numeric ids (the common case in tests) sit unboxed in an open-addressing table
 * (linear probing, deletion by backward shift) instead of a concurrent set of {@code Long}s. UUID ids are kept as
 * their text, which a {@code PointId} already holds. Writes of one project to one collection are normally sequential,
 * so the lock is uncontended.
 */
final class StoredIdSet {

    /** The empty slot; id 0 itself is tracked by {@link #hasZero}. */
    private static final long FREE = 0L;

    private long[] numbers = new long[16];

    private int numberCount;

    private boolean hasZero;

    private final Set<String> uuids = new HashSet<>();

    synchronized void add(PointId id) {
        if (id.hasNum()) {
            addNumber(id.getNum());
        }
        else {
            this.uuids.add(id.getUuid());
        }
    }

    synchronized void remove(PointId id) {
        if (id.hasNum()) {
            removeNumber(id.getNum());
        }
        else {
            // stored ids are built by ScopedIds, always in the canonical form
            this.uuids.remove(id.getUuid());
        }
    }

    synchronized int size() {
        return this.numberCount + (this.hasZero ? 1 : 0) + this.uuids.size();
    }

    private void addNumber(long value) {
        if (value == FREE) {
            this.hasZero = true;
            return;
        }
        int mask = this.numbers.length - 1;
        for (int slot = slot(value, mask);; slot = (slot + 1) & mask) {
            long present = this.numbers[slot];
            if (present == value) {
                return;
            }
            if (present == FREE) {
                this.numbers[slot] = value;
                if (++this.numberCount * 2 > this.numbers.length) {
                    grow();
                }
                return;
            }
        }
    }

    private void removeNumber(long value) {
        if (value == FREE) {
            this.hasZero = false;
            return;
        }
        int mask = this.numbers.length - 1;
        int slot = slot(value, mask);
        while (this.numbers[slot] != value) {
            if (this.numbers[slot] == FREE) {
                return;
            }
            slot = (slot + 1) & mask;
        }
        // backward shift: move later entries of the probe run into the hole unless that would put one before its home
        int hole = slot;
        for (int next = (hole + 1) & mask; this.numbers[next] != FREE; next = (next + 1) & mask) {
            int home = slot(this.numbers[next], mask);
            if (((next - home) & mask) >= ((next - hole) & mask)) {
                this.numbers[hole] = this.numbers[next];
                hole = next;
            }
        }
        this.numbers[hole] = FREE;
        this.numberCount--;
    }

    private void grow() {
        long[] old = this.numbers;
        this.numbers = new long[old.length * 2];
        this.numberCount = 0;
        for (long value : old) {
            if (value != FREE) {
                addNumber(value);
            }
        }
    }

    /** Stored numeric ids of a project are consecutive: spread them over the table (SplitMix64's finalizer). */
    private static int slot(long value, int mask) {
        return (int) UuidIds.mix(value) & mask;
    }
}
