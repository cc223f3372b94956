package io.github.qdrantscope.core.fork;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.MethodDescriptor;
import com.google.protobuf.Descriptors.ServiceDescriptor;
import io.qdrant.client.grpc.CollectionsService;
import io.qdrant.client.grpc.Points.WithLookup;
import io.qdrant.client.grpc.PointsService;
import io.qdrant.client.grpc.SnapshotsService;

/**
 * Which request fields name a collection or an alias, and which message fields can lead to one, for every
 * request of {@code qdrant.Collections}, {@code qdrant.Points} and {@code qdrant.Snapshots}.
 *
 * <p>Worked out once from the client's descriptors rather than listed by hand, so a field added to a request
 * that is called {@code collection_name} is mapped without a code change. Message types from which no name
 * can be reached (vectors, payload values, filters, points, parameters) get no fields at all: a walk never
 * enters them, so an upsert's vectors are never looked at.
 */
final class NameFields {

    /** What a name field names. */
    enum Kind {
        COLLECTION("collection"), ALIAS("alias");

        final String word;

        Kind(String word) {
            this.word = word;
        }
    }

    /** The request types of the three services. */
    static final Set<Descriptor> REQUESTS;

    /** For each type a name can be reached from: its name fields and the message fields leading to names. */
    private static final Map<Descriptor, List<FieldDescriptor>> RELEVANT;

    static {
        Set<Descriptor> requests = new LinkedHashSet<>();
        for (ServiceDescriptor service : services()) {
            for (MethodDescriptor method : service.getMethods()) {
                requests.add(method.getInputType());
            }
        }
        REQUESTS = Set.copyOf(requests);
        RELEVANT = relevantFields(requests);
    }

    private NameFields() {
    }

    /** The protobuf services whose requests are mapped. */
    static List<ServiceDescriptor> services() {
        return List.of(CollectionsService.getDescriptor().findServiceByName("Collections"),
                PointsService.getDescriptor().findServiceByName("Points"),
                SnapshotsService.getDescriptor().findServiceByName("Snapshots"));
    }

    /** What {@code field} names, or {@code null} when it names no collection or alias. */
    static Kind kind(FieldDescriptor field) {
        if (field.getJavaType() != FieldDescriptor.JavaType.STRING || field.isRepeated()) {
            return null;
        }
        return switch (field.getName()) {
            case "collection_name" -> Kind.COLLECTION;
            case "alias_name", "old_alias_name", "new_alias_name" -> Kind.ALIAS;
            // WithLookup is the one message that calls its collection just "collection"
            case "collection" -> field.getContainingType() == WithLookup.getDescriptor() ? Kind.COLLECTION : null;
            default -> null;
        };
    }

    /** The fields of {@code type} a walk visits, in declaration order; empty when no name is reachable. */
    static List<FieldDescriptor> relevant(Descriptor type) {
        return RELEVANT.getOrDefault(type, List.of());
    }

    /** Whether a name can be reached from a message of {@code type}. */
    static boolean holdsNames(Descriptor type) {
        return RELEVANT.containsKey(type);
    }

    private static Map<Descriptor, List<FieldDescriptor>> relevantFields(Set<Descriptor> roots) {
        Set<Descriptor> reachable = new LinkedHashSet<>();
        roots.forEach(root -> collect(root, reachable));
        // A type holds names when it has a name field or a message field of a type that holds names; repeat
        // until nothing changes, because the types are recursive (Filter, PrefetchQuery, ...).
        Set<Descriptor> holding = new HashSet<>();
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Descriptor type : reachable) {
                if (!holding.contains(type) && type.getFields().stream().anyMatch(f -> leads(f, holding))) {
                    holding.add(type);
                    changed = true;
                }
            }
        }
        return holding.stream().collect(Collectors.toUnmodifiableMap(type -> type, type -> {
            List<FieldDescriptor> fields = new ArrayList<>();
            for (FieldDescriptor field : type.getFields()) {
                if (leads(field, holding)) {
                    fields.add(field);
                }
            }
            return List.copyOf(fields);
        }));
    }

    private static boolean leads(FieldDescriptor field, Set<Descriptor> holding) {
        if (kind(field) != null) {
            return true;
        }
        // map entries are messages too, but no map of these services holds a name; leaving them out keeps the
        // walk to plain singular and repeated message fields
        return field.getJavaType() == FieldDescriptor.JavaType.MESSAGE && !field.isMapField()
                && holding.contains(field.getMessageType());
    }

    private static void collect(Descriptor type, Set<Descriptor> seen) {
        if (!seen.add(type)) {
            return;
        }
        for (FieldDescriptor field : type.getFields()) {
            if (field.getJavaType() == FieldDescriptor.JavaType.MESSAGE) {
                collect(field.getMessageType(), seen);
            }
        }
    }
}
