package io.github.qdrantscope.embedded.snapshot;

import io.github.qdrantscope.embedded.storage.CollectionDefinition;
import io.github.qdrantscope.embedded.storage.PointKey;
import io.github.qdrantscope.embedded.storage.SparseVec;
import io.github.qdrantscope.embedded.storage.StoredCollection;
import io.github.qdrantscope.embedded.storage.StoredPoint;
import io.github.qdrantscope.embedded.storage.VectorSpec;
import io.qdrant.client.grpc.Collections.CollectionConfig;
import io.qdrant.client.grpc.Collections.CollectionInfo;
import io.qdrant.client.grpc.Collections.CollectionParams;
import io.qdrant.client.grpc.Collections.CreateCollection;
import io.qdrant.client.grpc.Collections.PayloadSchemaInfo;
import io.qdrant.client.grpc.JsonWithInt.Struct;
import io.qdrant.client.grpc.JsonWithInt.Value;
import com.google.protobuf.InvalidProtocolBufferException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The embedded server's own snapshot file of one collection (not Qdrant's tar archive: files are not
 * interchangeable with a real Qdrant). Laid out for a cheap restore:
 *
 * <pre>
 * magic "EQSNAP01"
 * header     int length + a CollectionInfo message: the configuration and the payload indexes
 * points     int n, then n × (byte kind, 8-byte number or 16-byte UUID, int length + payload Struct),
 *            ascending by id
 * dense      int count, then per vector name: name, dimension, n presence bytes, then the vectors of
 *            the points that have one as raw little-endian floats (Cosine ones already preprocessed)
 * sparse     int count, then per name: name, n × int length (-1 = none), then indices and values
 * shards     only for sharding_method=custom (whose own points block is empty): see ShardsSection
 * end        "EQSNEND1"
 * </pre>
 *
 * Reading copies each vector out of the file buffer in bulk and hands the tree its points in order.
 */
public final class CollectionSnapshot {

    static final byte[] MAGIC = "EQSNAP01".getBytes(StandardCharsets.US_ASCII);
    static final byte[] END = "EQSNEND1".getBytes(StandardCharsets.US_ASCII);
    private static final int NUMERIC = 0;
    private static final int UUID_ID = 1;
    private static final int MAX_MESSAGE_BYTES = Integer.MAX_VALUE - 8;

    private CollectionSnapshot() {
    }

    /** One consistent view of a collection, taken under its read lock; the points are immutable. */
    private record Image(CollectionConfig config, Map<String, PayloadSchemaInfo> payloadSchema,
            Map<String, VectorSpec> vectors, List<String> sparseVectors, StoredPoint[] points) {
    }

    /**
     * Writes {@code collection} to the new file {@code target} and returns the file's SHA-256 (hex).
     * What is written is the collection at one moment: the view is captured under the read lock, the
     * file is written after it is released (points are immutable records).
     */
    public static String write(StoredCollection collection, Path target) throws IOException {
        Image image = collection.read(view -> new Image(collection.config(), Map.copyOf(view.payloadSchema()),
                view.vectors(), List.copyOf(new java.util.TreeSet<>(view.sparseVectors())),
                collection.customShards().isPresent() ? new StoredPoint[0]
                        : view.points().toArray(new StoredPoint[0])));
        try (ChannelOutput out = new ChannelOutput(target)) {
            out.writeBytes(MAGIC);
            out.writeSized(CollectionInfo.newBuilder().setConfig(image.config())
                    .putAllPayloadSchema(image.payloadSchema()).setPointsCount(image.points().length)
                    .build().toByteArray());
            writePoints(out, image.vectors(), image.sparseVectors(), image.points());
            if (collection.customShards().isPresent()) {
                ShardsSection.write(out, collection.customShards().get(), image.vectors(), image.sparseVectors());
            }
            out.writeBytes(END);
            return out.finish();
        }
    }

    /** The points block: ids and payloads, then the dense and the sparse vector columns. */
    static void writePoints(ChannelOutput out, Map<String, VectorSpec> vectors, List<String> sparseVectors,
            StoredPoint[] points) throws IOException {
        out.writeInt(points.length);
        for (StoredPoint point : points) {
            PointKey id = point.id();
            if (id.isNumeric()) {
                out.writeByte(NUMERIC);
                out.writeLong(id.num());
            } else {
                out.writeByte(UUID_ID);
                out.writeLong(id.uuid().getMostSignificantBits());
                out.writeLong(id.uuid().getLeastSignificantBits());
            }
            out.writeSized(point.payload().isEmpty() ? new byte[0]
                    : Struct.newBuilder().putAllFields(point.payload()).build().toByteArray());
        }
        out.writeInt(vectors.size());
        for (Map.Entry<String, VectorSpec> vector : vectors.entrySet()) {
            out.writeString(vector.getKey());
            out.writeInt(vector.getValue().size());
            for (StoredPoint point : points) {
                float[] v = point.vector(vector.getKey());
                if (vector.getValue().multivector()) {
                    // how many sub-vectors (a multivector has at least one; 0: the point has none)
                    out.writeInt(v == null ? 0 : v.length / vector.getValue().size());
                } else {
                    out.writeByte(v == null ? 0 : 1);
                }
            }
            for (StoredPoint point : points) {
                float[] v = point.vector(vector.getKey());
                if (v != null) {
                    out.writeFloats(v);
                }
            }
        }
        out.writeInt(sparseVectors.size());
        for (String name : sparseVectors) {
            out.writeString(name);
            for (StoredPoint point : points) {
                SparseVec v = point.sparseVectors().get(name);
                out.writeInt(v == null ? -1 : v.indices().length);
            }
            for (StoredPoint point : points) {
                SparseVec v = point.sparseVectors().get(name);
                if (v != null) {
                    out.writeInts(v.indices());
                    out.writeFloats(v.values());
                }
            }
        }
    }

    /**
     * Reads a snapshot file into a new collection named {@code name}, not yet in any catalog.
     *
     * @throws SnapshotFormatException when the file is not such a snapshot or is damaged
     * @throws io.grpc.StatusRuntimeException when {@code name} is not a valid collection name
     */
    public static StoredCollection read(Path file, String name) throws IOException {
        try (ChannelInput in = new ChannelInput(file)) {
            byte[] magic = new byte[MAGIC.length];
            in.readBytes(magic);
            if (!java.util.Arrays.equals(magic, MAGIC)) {
                throw new SnapshotFormatException(java.util.Arrays.equals(magic, FullSnapshot.MAGIC)
                        ? "it is a full snapshot (all collections), not a collection snapshot"
                        : "it does not start with " + new String(MAGIC, StandardCharsets.US_ASCII)
                                + ", so it is no embedded Qdrant collection snapshot");
            }
            CollectionInfo header = parse(() -> CollectionInfo.parseFrom(in.readSized(MAX_MESSAGE_BYTES, "header")),
                    "header");
            StoredCollection collection = CollectionDefinition.build(request(header.getConfig(), name));
            CollectionConfig config = header.getConfig();
            collection.updateConfig(ignored -> config);
            Map<String, VectorSpec> specs = collection.read(view -> view.vectors());
            Set<String> sparseNames = collection.read(view -> view.sparseVectors());

            SortedRun run = readPoints(in, specs, sparseNames);
            if (collection.customShards().isPresent()) {
                ShardsSection.read(in, collection.customShards().get(), specs, sparseNames);
            }
            byte[] end = new byte[END.length];
            in.readBytes(end);
            if (!java.util.Arrays.equals(end, END) || !in.atEnd()) {
                throw new SnapshotFormatException("it does not end where its content ends");
            }
            collection.loadSorted(run);
            collection.write(mutable -> {
                header.getPayloadSchemaMap().forEach(mutable::putIndex);
                return null;
            });
            return collection;
        }
    }

    /** Reads a points block written by {@link #writePoints}. */
    static SortedRun readPoints(ChannelInput in, Map<String, VectorSpec> specs, Set<String> sparseNames)
            throws IOException {
        int n = in.readInt();
        if (n < 0) {
            throw new SnapshotFormatException("negative point count " + n);
        }
        PointKey[] ids = new PointKey[n];
        List<Map<String, Value>> payloads = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            ids[i] = readId(in);
            if (i > 0 && ids[i - 1].compareTo(ids[i]) >= 0) {
                throw new SnapshotFormatException("point ids are not ascending at point " + ids[i]);
            }
            byte[] payload = in.readSized(MAX_MESSAGE_BYTES, "payload of point " + ids[i]);
            payloads.add(payload.length == 0 ? Map.of()
                    : parse(() -> Struct.parseFrom(payload).getFieldsMap(), "payload of point " + ids[i]));
        }
        List<Map<String, float[]>> dense = readDense(in, n, specs);
        List<Map<String, SparseVec>> sparse = readSparse(in, n, sparseNames);
        StoredPoint[] points = new StoredPoint[n];
        for (int i = 0; i < n; i++) {
            points[i] = new StoredPoint(ids[i], payloads.get(i), dense.get(i), sparse.get(i));
        }
        return new SortedRun(ids, points);
    }

    // The CreateCollection that yields this configuration (CollectionDefinition merges defaults under
    // what is set, and every field of a stored configuration is set), for the vector layout.
    private static CreateCollection request(CollectionConfig config, String name) {
        CollectionParams params = config.getParams();
        CreateCollection.Builder request = CreateCollection.newBuilder().setCollectionName(name)
                .setShardNumber(params.getShardNumber()).setOnDiskPayload(params.getOnDiskPayload())
                .setReplicationFactor(params.getReplicationFactor())
                .setWriteConsistencyFactor(params.getWriteConsistencyFactor())
                .setHnswConfig(config.getHnswConfig()).setOptimizersConfig(config.getOptimizerConfig())
                .setWalConfig(config.getWalConfig()).putAllMetadata(config.getMetadataMap());
        if (params.hasVectorsConfig()) {
            request.setVectorsConfig(params.getVectorsConfig());
        }
        if (params.hasSparseVectorsConfig()) {
            request.setSparseVectorsConfig(params.getSparseVectorsConfig());
        }
        if (params.hasShardingMethod()) {
            request.setShardingMethod(params.getShardingMethod());
        }
        return request.build();
    }

    private static PointKey readId(ChannelInput in) throws IOException {
        int kind = in.readByte();
        if (kind == NUMERIC) {
            return PointKey.ofNumber(in.readLong());
        }
        if (kind == UUID_ID) {
            return PointKey.ofUuid(new UUID(in.readLong(), in.readLong()));
        }
        throw new SnapshotFormatException("unknown point id kind " + kind);
    }

    private static List<Map<String, float[]>> readDense(ChannelInput in, int n, Map<String, VectorSpec> specs)
            throws IOException {
        int count = in.readInt();
        if (count != specs.size()) {
            throw new SnapshotFormatException(count + " dense vector columns for " + specs.size() + " configured");
        }
        List<Map<String, float[]>> byPoint = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            byPoint.add(Map.of());
        }
        byte[] present = new byte[n];
        for (int c = 0; c < count; c++) {
            String name = in.readString("dense vector name");
            int dimension = in.readInt();
            VectorSpec spec = specs.get(name);
            if (spec == null || spec.size() != dimension) {
                throw new SnapshotFormatException("dense vector `" + name + "` of " + dimension
                        + " dimensions is not in the stored configuration");
            }
            int[] subVectors = new int[n];
            if (spec.multivector()) {
                for (int i = 0; i < n; i++) {
                    subVectors[i] = in.readInt();
                    if (subVectors[i] < 0 || (long) subVectors[i] * dimension > Integer.MAX_VALUE) {
                        throw new SnapshotFormatException("multivector `" + name + "` of point " + i + " has "
                                + subVectors[i] + " sub-vectors");
                    }
                }
            } else {
                in.readBytes(present);
                for (int i = 0; i < n; i++) {
                    subVectors[i] = present[i] != 0 ? 1 : 0;
                }
            }
            for (int i = 0; i < n; i++) {
                if (subVectors[i] != 0) {
                    float[] v = new float[subVectors[i] * dimension];
                    in.readFloats(v);
                    byPoint.set(i, with(byPoint.get(i), name, v));
                }
            }
        }
        return byPoint;
    }

    private static List<Map<String, SparseVec>> readSparse(ChannelInput in, int n, Set<String> names)
            throws IOException {
        int count = in.readInt();
        if (count != names.size()) {
            throw new SnapshotFormatException(count + " sparse vector columns for " + names.size() + " configured");
        }
        List<Map<String, SparseVec>> byPoint = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            byPoint.add(Map.of());
        }
        int[] lengths = new int[n];
        for (int c = 0; c < count; c++) {
            String name = in.readString("sparse vector name");
            if (!names.contains(name)) {
                throw new SnapshotFormatException("sparse vector `" + name + "` is not in the stored configuration");
            }
            in.readInts(lengths);
            for (int i = 0; i < n; i++) {
                if (lengths[i] >= 0) {
                    int[] indices = new int[lengths[i]];
                    float[] values = new float[lengths[i]];
                    in.readInts(indices);
                    in.readFloats(values);
                    byPoint.set(i, with(byPoint.get(i), name, new SparseVec(indices, values)));
                }
            }
        }
        return byPoint;
    }

    private static <V> Map<String, V> with(Map<String, V> map, String key, V value) {
        if (map.isEmpty()) {
            return Map.of(key, value);
        }
        Map<String, V> copy = new HashMap<>(map);
        copy.put(key, value);
        return copy;
    }

    private interface ProtoRead<T> {
        T read() throws IOException;
    }

    private static <T> T parse(ProtoRead<T> read, String what) throws IOException {
        try {
            return read.read();
        } catch (InvalidProtocolBufferException e) {
            throw new SnapshotFormatException("its " + what + " is not readable: " + e.getMessage());
        }
    }
}
