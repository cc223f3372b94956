package io.github.qdrantscope.embedded.snapshot;

import io.github.qdrantscope.embedded.storage.PointKey;
import io.github.qdrantscope.embedded.storage.SparseVec;
import io.github.qdrantscope.embedded.storage.StoredPoint;
import io.github.qdrantscope.embedded.storage.VectorSpec;
import io.qdrant.client.grpc.JsonWithInt.Struct;
import io.qdrant.client.grpc.JsonWithInt.Value;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
/**
 * The points block of a snapshot file ({@link CollectionSnapshot} describes the layout): ids and payloads, then
 * the dense vector columns (raw little-endian floats behind presence bytes), then the sparse ones. A collection's
 * points and each custom shard's ({@link ShardsSection}) are written and read by the same code.
 */
final class PointsBlock {

    private static final int NUMERIC = 0;
    private static final int UUID_ID = 1;

    private PointsBlock() {
    }

    /** The points block: ids and payloads, then the dense and the sparse vector columns. */
    static void write(ChannelOutput out, Map<String, VectorSpec> vectors, List<String> sparseVectors,
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

    /** Reads a points block written by {@link #write}. */
    static SortedRun read(ChannelInput in, Map<String, VectorSpec> specs, Set<String> sparseNames)
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
            byte[] payload = in.readSized(CollectionSnapshot.MAX_MESSAGE_BYTES, "payload of point " + ids[i]);
            payloads.add(payload.length == 0 ? Map.of()
                    : CollectionSnapshot.parse(() -> Struct.parseFrom(payload).getFieldsMap(), "payload of point " + ids[i]));
        }
        List<Map<String, float[]>> dense = readDense(in, n, specs);
        List<Map<String, SparseVec>> sparse = readSparse(in, n, sparseNames);
        StoredPoint[] points = new StoredPoint[n];
        for (int i = 0; i < n; i++) {
            points[i] = new StoredPoint(ids[i], payloads.get(i), dense.get(i), sparse.get(i));
        }
        return new SortedRun(ids, points);
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
}
