package io.github.qdrantscope.embedded.storage;

import io.qdrant.client.grpc.Collections.CollectionConfig;
import io.qdrant.client.grpc.Collections.Modifier;
import io.qdrant.client.grpc.Collections.PayloadSchemaInfo;
import io.qdrant.client.grpc.Collections.ShardingMethod;
import io.qdrant.client.grpc.Collections.SparseVectorParams;
import io.qdrant.client.grpc.JsonWithInt.Value;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * One collection: its configuration, its points in id order and its payload indexes, guarded by a
 * read-write lock. Readers see a {@link CollectionView}; writers a {@link MutableCollection}, each only
 * inside {@link #read} / {@link #write}.
 */
public final class StoredCollection {

    private final String name;
    private final Map<String, VectorSpec> vectors;
    private final Set<String> sparseVectors;
    private volatile CollectionConfig config;
    private final TreeMap<PointKey, StoredPoint> points = new TreeMap<>();
    private final Map<String, PayloadSchemaInfo> payloadSchema;
    private final RetiredIndexValues retired = new RetiredIndexValues();
    /** The shard keys of a collection with {@code sharding_method=custom}; {@code null} for auto sharding. */
    private final CustomShards customShards;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final View view = new View();
    private long nextOperationId;
    /**
     * The flat snapshot of {@link #points} scans use; {@code null} after a write until the next reader
     * asks. Readers hold the read lock, so no write runs while one is built; concurrent readers may
     * each build one, which is harmless (they are equal), and volatile publishes it safely.
     */
    private volatile PointColumns columns;

    /**
     * @param name the collection's real name
     * @param vectors dense vector configurations by name ({@code ""} for the unnamed vector)
     * @param sparseVectors names of the sparse vectors
     * @param config the configuration Collections/Get echoes back
     */
    public StoredCollection(String name, Map<String, VectorSpec> vectors, Set<String> sparseVectors,
            CollectionConfig config) {
        this(name, vectors, sparseVectors, config, new LinkedHashMap<>(),
                config.getParams().getShardingMethod() == ShardingMethod.Custom);
    }

    private StoredCollection(String name, Map<String, VectorSpec> vectors, Set<String> sparseVectors,
            CollectionConfig config, Map<String, PayloadSchemaInfo> payloadSchema, boolean custom) {
        this.name = name;
        this.vectors = Collections.unmodifiableMap(new LinkedHashMap<>(vectors));
        this.sparseVectors = Set.copyOf(sparseVectors);
        this.config = config;
        this.payloadSchema = payloadSchema;
        this.customShards = custom ? new CustomShards(this) : null;
    }

    /**
     * A new empty shard of this custom-sharded collection: the same vectors, and the payload indexes shared with
     * this collection (changed only under this collection's write lock, which every shard access holds for reading).
     */
    StoredCollection newShard() {
        return new StoredCollection(name, vectors, sparseVectors, config, payloadSchema, false);
    }

    /** The shard keys of a collection with {@code sharding_method=custom}; empty for auto sharding. */
    public java.util.Optional<CustomShards> customShards() {
        return java.util.Optional.ofNullable(customShards);
    }

    /** This collection's own view; only while its lock is held. */
    CollectionView ownView() {
        return view;
    }

    /** The collection's lock, which {@link CustomShards} takes around every access to its shards. */
    ReentrantReadWriteLock lock() {
        return lock;
    }

    public String name() {
        return name;
    }

    public CollectionConfig config() {
        return config;
    }

    /** Replaces the configuration Collections/Get reports (Collections/Update). */
    public void updateConfig(UnaryOperator<CollectionConfig> change) {
        lock.writeLock().lock();
        try {
            config = change.apply(config);
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * Fills this empty collection with {@code sorted}, whose keys ascend with no duplicates (a restored
     * snapshot). {@code TreeMap.putAll} of a {@link SortedMap} into an empty tree builds it from the
     * sorted run in linear time, where point-by-point puts would rebalance n log n times.
     *
     * @throws IllegalStateException when the collection already holds points
     */
    public void loadSorted(SortedMap<PointKey, StoredPoint> sorted) {
        lock.writeLock().lock();
        try {
            if (!points.isEmpty()) {
                throw new IllegalStateException("Collection `" + name + "` is not empty; only an empty one is loaded");
            }
            columns = null;
            points.putAll(sorted);
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * Runs {@code reader} under the read lock; the view must not escape it. A custom-sharded collection's view
     * is all its shards (as a read without a shard key selector sees them).
     */
    public <T> T read(Function<? super CollectionView, T> reader) {
        return customShards == null ? readOwn(reader) : customShards.read(null, reader);
    }

    /** Runs {@code reader} over this collection's own points, under its read lock. */
    <T> T readOwn(Function<? super CollectionView, T> reader) {
        lock.readLock().lock();
        try {
            return reader.apply(view);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Runs {@code writer} under the write lock; the mutable view must not escape it. */
    public <T> T write(Function<? super MutableCollection, T> writer) {
        lock.writeLock().lock();
        try {
            return writer.apply(view);
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Write access to a collection, handed out only under its write lock. */
    public interface MutableCollection extends CollectionView {

        /** Inserts or replaces a point. */
        void put(StoredPoint point);

        /** Removes a point; returns whether it existed. */
        boolean remove(PointKey id);

        /** Records a payload index (replacing one on the same key). */
        void putIndex(String key, PayloadSchemaInfo info);

        /** Drops a payload index; returns whether it existed. */
        boolean removeIndex(String key);

        /** The next operation id (Qdrant's WAL sequence number), increasing per collection. */
        long nextOperationId();
    }

    private final class View implements MutableCollection {

        @Override
        public String name() {
            return name;
        }

        @Override
        public Map<String, VectorSpec> vectors() {
            return vectors;
        }

        @Override
        public Set<String> sparseVectors() {
            return sparseVectors;
        }

        @Override
        public boolean sparseIdf(String name) {
            SparseVectorParams params = config.getParams().getSparseVectorsConfig().getMapMap().get(name);
            return params != null && params.getModifier() == Modifier.Idf;
        }

        @Override
        public Collection<StoredPoint> points() {
            return Collections.unmodifiableCollection(points.values());
        }

        @Override
        public PointColumns columns() {
            PointColumns snapshot = columns;
            if (snapshot == null) {
                snapshot = PointColumns.of(points.values());
                columns = snapshot;
            }
            return snapshot;
        }

        @Override
        public PointColumns sparseIndexed() {
            return columns();
        }

        @Override
        public StoredPoint point(PointKey id) {
            return points.get(id);
        }

        @Override
        public int size() {
            return points.size();
        }

        @Override
        public Map<String, PayloadSchemaInfo> payloadSchema() {
            return Collections.unmodifiableMap(payloadSchema);
        }

        @Override
        public List<Map<String, Value>> retiredIndexPayloads(String key) {
            PayloadSchemaInfo index = payloadSchema.get(key);
            return index == null ? List.of() : retired.payloads(key, index);
        }

        @Override
        public void put(StoredPoint point) {
            columns = null;
            StoredPoint old = points.put(point.id(), point);
            if (old != null && !payloadSchema.isEmpty()) {
                retired.retire(payloadSchema, old, point);
            }
        }

        @Override
        public boolean remove(PointKey id) {
            StoredPoint old = points.remove(id);
            if (old == null) {
                return false;
            }
            columns = null;
            if (!payloadSchema.isEmpty()) {
                retired.retire(payloadSchema, old, null);
            }
            return true;
        }

        @Override
        public void putIndex(String key, PayloadSchemaInfo info) {
            // the same schema again keeps the index as it is (and what it retained); another one rebuilds it
            if (!info.equals(payloadSchema.get(key))) {
                payloadSchema.put(key, info);
            }
        }

        @Override
        public boolean removeIndex(String key) {
            return payloadSchema.remove(key) != null;
        }

        @Override
        public long nextOperationId() {
            return nextOperationId++;
        }
    }
}
