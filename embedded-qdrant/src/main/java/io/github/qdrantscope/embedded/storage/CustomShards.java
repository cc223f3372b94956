package io.github.qdrantscope.embedded.storage;

import io.github.qdrantscope.embedded.storage.StoredCollection.MutableCollection;
import io.qdrant.client.grpc.Collections.ReplicaState;
import io.qdrant.client.grpc.Collections.ShardKey;
import io.qdrant.client.grpc.JsonWithInt.Value;
import io.qdrant.client.grpc.Points.ShardKeySelector;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The shard keys of a collection created with {@code sharding_method=custom}, as a single Qdrant peer holds
 * them: each key is one local shard with its own points, so the same point id under two keys is two points.
 * Routing and messages follow {@code lib/collection/src/shards/shard_holder/mod.rs} ({@code split_by_shard} for
 * writes, {@code select_shards} for reads).
 *
 * <p>Every access holds the collection's lock: reading for point reads and writes (each shard then takes its
 * own lock), writing for creating or dropping a key and for payload index changes, which the shards share.
 */
public final class CustomShards {

    /**
     * One shard key's local shards: {@code count} of them, ids {@code id} to {@code id + count - 1}, holding the
     * key's points in one store (reads merge a key's shards anyway; which shard holds a point only shows in
     * {@link #sizes()}).
     */
    public record Shard(ShardKey key, int id, int count, ReplicaState state, StoredCollection store) {

        /** Number of points in the key's shards. */
        public int size() {
            return store.readOwn(CollectionView::size);
        }

        /**
         * Number of points in each of the key's shards, by shard id order: where Qdrant's hash ring of the key puts
         * them ({@link ShardHashRing}).
         */
        public int[] sizes() {
            int[] sizes = new int[count];
            if (count == 1) {
                sizes[0] = size();
                return sizes;
            }
            ShardHashRing ring = new ShardHashRing(id, count);
            for (StoredPoint point : points()) {
                sizes[ring.shardOf(point.id()) - id]++;
            }
            return sizes;
        }

        /** The shard's points in id order (immutable records), copied under its read lock. */
        public StoredPoint[] points() {
            return store.readOwn(view -> view.points().toArray(new StoredPoint[0]));
        }
    }

    private final StoredCollection collection;
    private final Map<ShardKey, Shard> shards = new LinkedHashMap<>();

    CustomShards(StoredCollection collection) {
        this.collection = collection;
    }

    /** Qdrant's {@code Display} of a shard key: a keyword in double quotes, a number as is. */
    public static String display(ShardKey key) {
        return key.hasKeyword() ? "\"" + key.getKeyword() + "\"" : Long.toUnsignedString(key.getNumber());
    }

    /** Whether the key exists. */
    public boolean contains(ShardKey key) {
        return locked(false, () -> shards.containsKey(key));
    }

    /**
     * Adds a key with {@code count} new empty shards; their ids follow the highest shard id (Qdrant's
     * {@code max_shard_id + 1}, so a dropped key's ids can come back).
     */
    public Shard create(ShardKey key, int count, ReplicaState state) {
        return locked(true, () -> {
            int id = shards.values().stream().mapToInt(s -> s.id() + s.count() - 1).max().orElse(0) + 1;
            Shard shard = new Shard(key, id, count, state, collection.newShard());
            shards.put(key, shard);
            return shard;
        });
    }

    /** Adds a restored key with its first shard id, shard count, state and points (a snapshot). */
    public void restore(ShardKey key, int id, int count, ReplicaState state, SortedMap<PointKey, StoredPoint> points) {
        locked(true, () -> {
            Shard shard = new Shard(key, id, count, state, collection.newShard());
            shard.store().loadSorted(points);
            return shards.put(key, shard);
        });
    }

    /** Drops a key and its points; false when there was no such key. */
    public boolean drop(ShardKey key) {
        return locked(true, () -> shards.remove(key) != null);
    }

    /** The keys' shards in creation order. */
    public List<Shard> shards() {
        return locked(false, () -> List.copyOf(shards.values()));
    }

    /**
     * Runs {@code reader} over the shards {@code selector} names (all active shards when {@code null}, as
     * {@code ShardSelectorInternal::All} reads them), merged when there are several.
     *
     * @throws io.grpc.StatusRuntimeException {@code INVALID_ARGUMENT} "Bad request: Shard key X not found"
     *     ({@code get_shard_ids_by_key})
     */
    public <T> T read(ShardKeySelector selector, Function<? super CollectionView, T> reader) {
        return locked(false, () -> {
            List<Shard> selected = selectForRead(selector);
            if (selected.size() == 1) {
                return selected.get(0).store().readOwn(reader);
            }
            TreeMap<PointKey, StoredPoint> merged = new TreeMap<>();
            Map<String, List<Map<String, Value>>> retired = new HashMap<>();
            // the first shard (in creation order) holding an id supplies it
            for (int i = selected.size() - 1; i >= 0; i--) {
                selected.get(i).store().readOwn(view -> {
                    view.points().forEach(point -> merged.put(point.id(), point));
                    view.payloadSchema().keySet().forEach(key -> retired.computeIfAbsent(key, k -> new ArrayList<>())
                            .addAll(view.retiredIndexPayloads(key)));
                    return null;
                });
            }
            return reader.apply(new MergedView(collection.ownView(), merged, retired));
        });
    }

    /** Runs {@code reader} over each selected shard on its own (Count sums the shards' counts). */
    public <T> List<T> readEach(ShardKeySelector selector, Function<? super CollectionView, T> reader) {
        return locked(false, () -> {
            List<T> results = new ArrayList<>();
            for (Shard shard : selectForRead(selector)) {
                results.add(shard.store().readOwn(reader));
            }
            return results;
        });
    }

    /**
     * The key a read result's point came from: the first selected shard holding it (the one {@link #read}
     * took it from).
     */
    public Function<PointKey, ShardKey> keysOf(ShardKeySelector selector) {
        List<Shard> selected = locked(false, () -> selectForRead(selector));
        Map<PointKey, ShardKey> cache = new HashMap<>();
        return id -> cache.computeIfAbsent(id, k -> {
            for (Shard shard : selected) {
                if (shard.store().readOwn(view -> view.point(k)) != null) {
                    return shard.key();
                }
            }
            return null;
        });
    }

    /**
     * Applies {@code writer} to the shard of each key the selector names, key by key (as the table of contents
     * sends one update per key, so keys before a failing one stay written); returns the last result.
     *
     * @throws io.grpc.StatusRuntimeException {@code INVALID_ARGUMENT} "Wrong input: Shard key not specified"
     *     without a selector, "Wrong input: Shard key X not found" for an unknown key ({@code split_by_shard})
     */
    public <T> T write(ShardKeySelector selector, Function<? super MutableCollection, T> writer) {
        return locked(false, () -> {
            if (!ShardSelection.present(selector)) {
                throw QdrantErrors.wrongInput("Shard key not specified");
            }
            T result = null;
            for (ShardKey key : ShardSelection.keys(selector, shards::containsKey, this::active)) {
                Shard shard = shards.get(key);
                if (shard == null) {
                    throw QdrantErrors.wrongInput("Shard key " + display(key) + " not found");
                }
                result = shard.store().write(writer);
            }
            return result;
        });
    }

    private List<Shard> selectForRead(ShardKeySelector selector) {
        List<Shard> selected = new ArrayList<>();
        if (!ShardSelection.present(selector)) {
            // select_shards(All) leaves out inactive shards of a custom-sharded collection
            for (Shard shard : shards.values()) {
                if (shard.state() == ReplicaState.Active) {
                    selected.add(shard);
                }
            }
            return selected;
        }
        for (ShardKey key : ShardSelection.keys(selector, shards::containsKey, this::active)) {
            Shard shard = shards.get(key);
            if (shard == null) {
                throw QdrantErrors.badRequest("Shard key " + display(key) + " not found");
            }
            selected.add(shard);
        }
        return selected;
    }

    private boolean active(ShardKey key) {
        return shards.get(key).state() == ReplicaState.Active;
    }

    private interface Body<T> {
        T run();
    }

    private <T> T locked(boolean exclusive, Body<T> body) {
        var lock = exclusive ? collection.lock().writeLock() : collection.lock().readLock();
        lock.lock();
        try {
            return body.run();
        } finally {
            lock.unlock();
        }
    }
}
