package io.github.qdrantscope.embedded.snapshot;

import io.github.qdrantscope.embedded.storage.PointKey;
import io.github.qdrantscope.embedded.storage.StoredPoint;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Comparator;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.SortedMap;

/**
 * Points already in ascending id order, presented as the {@link SortedMap} that lets
 * {@code TreeMap.putAll} build its tree from a sorted run in linear time. Only what that needs
 * (size, comparator, in-order iteration, first and last key) is supported.
 */
final class SortedRun extends AbstractMap<PointKey, StoredPoint> implements SortedMap<PointKey, StoredPoint> {

    private final PointKey[] keys;
    private final StoredPoint[] values;

    SortedRun(PointKey[] keys, StoredPoint[] values) {
        this.keys = keys;
        this.values = values;
    }

    @Override
    public Comparator<? super PointKey> comparator() {
        return null; // natural order, as the collection's TreeMap
    }

    @Override
    public int size() {
        return keys.length;
    }

    @Override
    public Set<Entry<PointKey, StoredPoint>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<PointKey, StoredPoint>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < keys.length;
                    }

                    @Override
                    public Entry<PointKey, StoredPoint> next() {
                        if (next >= keys.length) {
                            throw new NoSuchElementException();
                        }
                        int i = next++;
                        return new SimpleImmutableEntry<>(keys[i], values[i]);
                    }
                };
            }

            @Override
            public int size() {
                return keys.length;
            }
        };
    }

    @Override
    public PointKey firstKey() {
        if (keys.length == 0) {
            throw new NoSuchElementException();
        }
        return keys[0];
    }

    @Override
    public PointKey lastKey() {
        if (keys.length == 0) {
            throw new NoSuchElementException();
        }
        return keys[keys.length - 1];
    }

    @Override
    public SortedMap<PointKey, StoredPoint> subMap(PointKey fromKey, PointKey toKey) {
        throw new UnsupportedOperationException("a sorted run is only iterated");
    }

    @Override
    public SortedMap<PointKey, StoredPoint> headMap(PointKey toKey) {
        throw new UnsupportedOperationException("a sorted run is only iterated");
    }

    @Override
    public SortedMap<PointKey, StoredPoint> tailMap(PointKey fromKey) {
        throw new UnsupportedOperationException("a sorted run is only iterated");
    }
}
