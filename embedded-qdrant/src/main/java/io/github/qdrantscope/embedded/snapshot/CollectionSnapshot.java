package io.github.qdrantscope.embedded.snapshot;

import io.github.qdrantscope.embedded.storage.CollectionDefinition;
import io.github.qdrantscope.embedded.storage.StoredCollection;
import io.github.qdrantscope.embedded.storage.StoredPoint;
import io.github.qdrantscope.embedded.storage.VectorSpec;
import io.qdrant.client.grpc.Collections.CollectionConfig;
import io.qdrant.client.grpc.Collections.CollectionInfo;
import io.qdrant.client.grpc.Collections.CollectionParams;
import io.qdrant.client.grpc.Collections.CreateCollection;
import io.qdrant.client.grpc.Collections.PayloadSchemaInfo;
import io.qdrant.client.grpc.JsonWithInt.Struct;
import com.google.protobuf.InvalidProtocolBufferException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
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
    static final int MAX_MESSAGE_BYTES = Integer.MAX_VALUE - 8;

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
            PointsBlock.write(out, image.vectors(), image.sparseVectors(), image.points());
            if (collection.customShards().isPresent()) {
                ShardsSection.write(out, collection.customShards().get(), image.vectors(), image.sparseVectors());
            }
            out.writeBytes(END);
            return out.finish();
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

            SortedRun run = PointsBlock.read(in, specs, sparseNames);
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

    interface ProtoRead<T> {
        T read() throws IOException;
    }

    static <T> T parse(ProtoRead<T> read, String what) throws IOException {
        try {
            return read.read();
        } catch (InvalidProtocolBufferException e) {
            throw new SnapshotFormatException("its " + what + " is not readable: " + e.getMessage());
        }
    }
}
