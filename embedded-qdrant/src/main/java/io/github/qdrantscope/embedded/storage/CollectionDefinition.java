package io.github.qdrantscope.embedded.storage;

import io.qdrant.client.grpc.Collections.CollectionConfig;
import io.qdrant.client.grpc.Collections.CollectionParams;
import io.qdrant.client.grpc.Collections.CreateCollection;
import io.qdrant.client.grpc.Collections.Distance;
import io.qdrant.client.grpc.Collections.HnswConfigDiff;
import io.qdrant.client.grpc.Collections.Modifier;
import io.qdrant.client.grpc.Collections.MultiVectorComparator;
import io.qdrant.client.grpc.Collections.OptimizersConfigDiff;
import io.qdrant.client.grpc.Collections.VectorParams;
import io.qdrant.client.grpc.Collections.WalConfigDiff;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Validates a CreateCollection request and builds the collection it describes, with Qdrant's
 * validation rules and messages ({@code lib/api/build.rs}, {@code common/src/validation.rs},
 * {@code collection/src/operations/validation.rs}).
 */
public final class CollectionDefinition {

    /** Longest collection name Qdrant accepts (a file-system limit there). */
    public static final int MAX_NAME_LENGTH = 255;

    private static final char[] FORBIDDEN_NAME_CHARS = {'<', '>', ':', '"', '/', '\\', '|', '?', '*', '\0', '\u001F'};
    private static final int MAX_VECTOR_SIZE = 65536;

    private CollectionDefinition() {
    }

    /**
     * Checks the length rule every RPC applies to {@code collection_name}.
     *
     * @throws io.grpc.StatusRuntimeException {@code INVALID_ARGUMENT} "Validation error in body:
     *     [collection_name: value "" invalid, must be from 1 to 255 characters]"
     */
    public static void checkNameLength(String name) {
        if (name.isEmpty() || name.length() > MAX_NAME_LENGTH) {
            throw QdrantErrors.validation("collection_name: value " + jsonString(name)
                    + " invalid, must be from 1 to " + MAX_NAME_LENGTH + " characters");
        }
    }

    /**
     * Checks the stricter rules for a new collection's name: the length and no character that is
     * unsafe in a file name.
     */
    public static void checkNewName(String name) {
        checkNameLength(name);
        for (char c : FORBIDDEN_NAME_CHARS) {
            if (name.indexOf(c) >= 0) {
                throw QdrantErrors.validation("collection_name: collection name cannot contain \"" + c + "\" char");
            }
        }
    }

    /** Validates the request and builds the (empty) collection. */
    public static StoredCollection build(CreateCollection request) {
        String name = request.getCollectionName();
        checkNewName(name);
        Map<String, VectorSpec> vectors = new LinkedHashMap<>();
        if (request.hasVectorsConfig()) {
            switch (request.getVectorsConfig().getConfigCase()) {
                case PARAMS -> vectors.put("", spec(request.getVectorsConfig().getParams(), "vectors_config.config"));
                case PARAMS_MAP -> new TreeMap<>(request.getVectorsConfig().getParamsMap().getMapMap()).forEach(
                        (vectorName, params) -> vectors.put(vectorName, spec(params, "vectors_config.config.map.[]")));
                default -> {
                    // no dense vectors: a collection for sparse vectors only
                }
            }
        }
        Set<String> sparse = new TreeSet<>();
        if (request.hasSparseVectorsConfig()) {
            request.getSparseVectorsConfig().getMapMap().forEach((vectorName, params) -> {
                // None and Idf are 1.17's modifiers (collections.proto); another number is refused as an
                // unknown enum value, in the wording of the comparator's refusal (this text is not Qdrant's own)
                if (params.hasModifier() && params.getModifier() != Modifier.None
                        && params.getModifier() != Modifier.Idf) {
                    throw QdrantErrors.invalidArgument("Unknown modifier: " + params.getModifierValue());
                }
                sparse.add(vectorName);
            });
        }
        return new StoredCollection(name, vectors, sparse, config(request));
    }

    private static VectorSpec spec(VectorParams params, String path) {
        long size = params.getSize();
        if (size < 1 || size > MAX_VECTOR_SIZE) {
            throw QdrantErrors.validation(path + ".size: value " + Long.toUnsignedString(size)
                    + " invalid, must be from 1 to " + MAX_VECTOR_SIZE);
        }
        Distance distance = params.getDistance();
        if (distance != Distance.Cosine && distance != Distance.Dot && distance != Distance.Euclid
                && distance != Distance.Manhattan) {
            throw QdrantErrors.invalidArgument("Malformed distance parameter: " + params.getDistanceValue());
        }
        // MaxSim is the only MultiVectorComparator of 1.17's collections.proto; another value fails
        // TryFrom<MultiVectorConfig> (lib/api/src/grpc/conversions.rs)
        if (params.hasMultivectorConfig()
                && params.getMultivectorConfig().getComparator() != MultiVectorComparator.MaxSim) {
            throw QdrantErrors.invalidArgument("Unknown multi vector comparator");
        }
        return new VectorSpec((int) size, distance, params.hasMultivectorConfig());
    }

    // What Qdrant reports for a collection created with default settings, with the request's own
    // settings merged over it (lib/collection/src/config.rs defaults).
    private static CollectionConfig config(CreateCollection request) {
        CollectionParams.Builder params = CollectionParams.newBuilder()
                .setShardNumber(request.hasShardNumber() ? request.getShardNumber() : 1)
                .setOnDiskPayload(!request.hasOnDiskPayload() || request.getOnDiskPayload())
                .setReplicationFactor(request.hasReplicationFactor() ? request.getReplicationFactor() : 1)
                .setWriteConsistencyFactor(request.hasWriteConsistencyFactor() ? request.getWriteConsistencyFactor() : 1);
        if (request.hasVectorsConfig()) {
            params.setVectorsConfig(request.getVectorsConfig());
        }
        if (request.hasShardingMethod()) {
            params.setShardingMethod(request.getShardingMethod());
        }
        if (request.hasSparseVectorsConfig()) {
            params.setSparseVectorsConfig(request.getSparseVectorsConfig());
        }
        HnswConfigDiff.Builder hnsw = HnswConfigDiff.newBuilder()
                .setM(16).setEfConstruct(100).setFullScanThreshold(10_000).setMaxIndexingThreads(0).setOnDisk(false);
        if (request.hasHnswConfig()) {
            hnsw.mergeFrom(request.getHnswConfig());
        }
        OptimizersConfigDiff.Builder optimizers = OptimizersConfigDiff.newBuilder()
                .setDeletedThreshold(0.2).setVacuumMinVectorNumber(1000).setDefaultSegmentNumber(0)
                .setFlushIntervalSec(5);
        if (request.hasOptimizersConfig()) {
            optimizers.mergeFrom(request.getOptimizersConfig());
        }
        WalConfigDiff.Builder wal = WalConfigDiff.newBuilder().setWalCapacityMb(32).setWalSegmentsAhead(0);
        if (request.hasWalConfig()) {
            wal.mergeFrom(request.getWalConfig());
        }
        CollectionConfig.Builder config = CollectionConfig.newBuilder()
                .setParams(params)
                .setHnswConfig(hnsw)
                .setOptimizerConfig(optimizers)
                .setWalConfig(wal)
                .putAllMetadata(request.getMetadataMap());
        if (request.hasQuantizationConfig()) {
            config.setQuantizationConfig(request.getQuantizationConfig());
        }
        if (request.hasStrictModeConfig()) {
            config.setStrictModeConfig(request.getStrictModeConfig());
        }
        return config.build();
    }

    // serde_json's rendering of a string value, as Qdrant's validation messages print it.
    private static String jsonString(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
