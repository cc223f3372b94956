package io.github.qdrantscope.embedded.grpc;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import io.github.qdrantscope.embedded.storage.CollectionCatalog;
import io.github.qdrantscope.embedded.storage.ForeignCollections;
import io.github.qdrantscope.embedded.storage.PointKey;
import io.github.qdrantscope.embedded.storage.QdrantErrors;
import io.github.qdrantscope.embedded.storage.StoredCollection;
import io.github.qdrantscope.embedded.storage.StoredPoint;
import io.qdrant.client.grpc.Common.PointId;
import io.qdrant.client.grpc.Points.LookupLocation;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads, before a read's own collection is locked, the collections its {@code lookup_from} fields name (anywhere in
 * the request: the root, prefetches, batch entries): the points among every point id the request mentions, read in
 * the shards the lookup's own {@code shard_key_selector} names (all shards without one), as Qdrant's
 * {@code resolve_referenced_vectors_batch} selects them ({@code fetch_vectors.rs}).
 */
final class LookupPrefetch {

    /**
     * Whether a message type can hold a {@link LookupLocation} at any depth, by type: the walk below reads every set
     * field reflectively (a map built per message), which cost ~5% of a filtered Search that never has one.
     */
    private static final Map<Descriptor, Boolean> MAY_LOOK_UP = new ConcurrentHashMap<>();

    private LookupPrefetch() {
    }

    /**
     * @param searched the collection name the request names (a lookup naming it is no foreign lookup)
     */
    static ForeignCollections read(CollectionCatalog catalog, String searched, Message request) {
        if (!MAY_LOOK_UP.computeIfAbsent(request.getDescriptorForType(),
                type -> reaches(type, LookupLocation.getDescriptor(), new HashSet<>()))) {
            return ForeignCollections.NONE;
        }
        Set<LookupLocation> locations = new LinkedHashSet<>();
        Set<PointKey> ids = new LinkedHashSet<>();
        collect(request, searched, locations, ids);
        if (locations.isEmpty()) {
            return ForeignCollections.NONE;
        }
        Map<LookupLocation, ForeignCollections.Entry> entries = new HashMap<>();
        for (LookupLocation location : locations) {
            entries.put(location, entry(catalog, location, ids));
        }
        return new ForeignCollections(entries);
    }

    private static ForeignCollections.Entry entry(CollectionCatalog catalog, LookupLocation location,
            Set<PointKey> ids) {
        String name = location.getCollectionName();
        Optional<StoredCollection> collection = catalog.find(name);
        if (collection.isEmpty()) {
            // fetch_vectors.rs: CollectionError::not_found(format!("Collection {name}"))
            return new ForeignCollections.Entry(null, QdrantErrors.notFound("Not found: Collection " + name));
        }
        try {
            ForeignCollections.Snapshot snapshot = ShardRouting.read(collection.get(),
                    location.hasShardKeySelector() ? location.getShardKeySelector() : null, view -> {
                        Map<PointKey, StoredPoint> points = new LinkedHashMap<>();
                        for (PointKey id : ids) {
                            StoredPoint point = view.point(id);
                            if (point != null) {
                                points.put(id, point);
                            }
                        }
                        return new ForeignCollections.Snapshot(view.name(), Map.copyOf(view.vectors()),
                                Set.copyOf(view.sparseVectors()), points);
                    });
            return new ForeignCollections.Entry(snapshot, null);
        } catch (RuntimeException e) {
            return new ForeignCollections.Entry(null, e);
        }
    }

    /** Whether {@code type} is {@code target} or has a message field that can hold one, through any nesting. */
    private static boolean reaches(Descriptor type, Descriptor target, Set<Descriptor> seen) {
        if (type == target) {
            return true;
        }
        if (!seen.add(type)) {
            return false;
        }
        for (FieldDescriptor field : type.getFields()) {
            if (field.getJavaType() == FieldDescriptor.JavaType.MESSAGE && reaches(field.getMessageType(), target, seen)) {
                return true;
            }
        }
        return false;
    }

    private static void collect(Message message, String searched, Set<LookupLocation> locations, Set<PointKey> ids) {
        if (message instanceof PointId id) {
            if (id.getPointIdOptionsCase() != PointId.PointIdOptionsCase.POINTIDOPTIONS_NOT_SET) {
                try {
                    ids.add(PointKey.of(id));
                } catch (RuntimeException invalid) {
                    // an invalid id fails where the request uses it, with that place's error
                }
            }
            return;
        }
        if (message instanceof LookupLocation location) {
            if (!location.getCollectionName().equals(searched)) {
                locations.add(ForeignCollections.key(location));
            }
            return;
        }
        for (Map.Entry<FieldDescriptor, Object> field : message.getAllFields().entrySet()) {
            if (field.getKey().getJavaType() != FieldDescriptor.JavaType.MESSAGE) {
                continue;
            }
            if (field.getKey().isRepeated()) {
                for (Object item : (List<?>) field.getValue()) {
                    if (item instanceof Message m) {
                        collect(m, searched, locations, ids);
                    }
                }
            } else {
                collect((Message) field.getValue(), searched, locations, ids);
            }
        }
    }
}
