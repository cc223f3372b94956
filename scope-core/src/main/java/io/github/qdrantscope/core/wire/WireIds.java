package io.github.qdrantscope.core.wire;

import io.github.qdrantscope.core.client.CallRejection;
import java.util.Comparator;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

import io.github.qdrantscope.core.NamespacedIds;
import io.grpc.Status;
import io.qdrant.client.grpc.Common.PointId;
import io.qdrant.client.grpc.JsonWithInt.Value;

/**
 * Point ids on the wire: the one rule by which an application's id becomes the stored id inside a project.
 *
 * <p>A UUID id is namespaced exactly as {@link NamespacedIds#of} namespaces a document id given as that UUID's
 * canonical (lowercase, hyphenated) text, so a point written through a raw client and a {@code VectorStore}
 * document with the same UUID are one point. A numeric id gets a name-based UUID from a namespace of its own,
 * so no text id can ever name the same point.
 */
final class WireIds {

    /** Name space of numeric ids; fixed forever, like {@link NamespacedIds}'s. */
    private static final UUID NUMERIC_NAMESPACE = UUID.fromString("4f1c2d7a-9b3e-5a60-8c1d-2e7f0a9b6c35");

    private static final Pattern SIMPLE = Pattern.compile("[0-9a-fA-F]{32}");

    /**
     * Qdrant's id order (lib/segment/src/types.rs {@code ExtendedPointId}'s derived {@code Ord}): every numeric
     * id before every UUID, numbers unsigned, UUIDs by their bytes.
     */
    static final Comparator<PointId> QDRANT_ORDER = (a, b) -> {
        boolean aNum = a.hasNum();
        boolean bNum = b.hasNum();
        if (aNum != bNum) {
            return aNum ? -1 : 1;
        }
        if (aNum) {
            return Long.compareUnsigned(a.getNum(), b.getNum());
        }
        UUID x = parse(a.getUuid());
        UUID y = parse(b.getUuid());
        int high = Long.compareUnsigned(x.getMostSignificantBits(), y.getMostSignificantBits());
        return high != 0 ? high : Long.compareUnsigned(x.getLeastSignificantBits(), y.getLeastSignificantBits());
    };

    private WireIds() {
    }

    /** The id {@code original} is stored under inside {@code project}. */
    static PointId namespaced(String project, PointId original) {
        return switch (original.getPointIdOptionsCase()) {
            case UUID -> uuid(NamespacedIds.of(project, canonical(original.getUuid())));
            case NUM -> uuid(NamespacedIds.uuidV5(NUMERIC_NAMESPACE, project + '\u0000'
                    + Long.toUnsignedString(original.getNum())).toString());
            // Qdrant itself rejects it, with its own message
            case POINTIDOPTIONS_NOT_SET -> original;
        };
    }

    /** The application's id as a payload value: a UUID as its canonical text, a number as an integer. */
    static Value payloadValue(PointId original) {
        return original.hasNum() ? Value.newBuilder().setIntegerValue(original.getNum()).build()
                : Value.newBuilder().setStringValue(canonical(original.getUuid())).build();
    }

    /** The key by which the registry remembers a stored id. */
    static String key(PointId stored) {
        return stored.hasNum() ? "#" + Long.toUnsignedString(stored.getNum()) : stored.getUuid();
    }

    /** A UUID id in the form Qdrant returns: lowercase and hyphenated. */
    static PointId canonicalId(PointId id) {
        return id.hasUuid() ? uuid(canonical(id.getUuid())) : id;
    }

    /**
     * The canonical text of a UUID in any form Qdrant accepts (hyphenated, simple, braced, URN; the {@code uuid}
     * crate's {@code Uuid::parse_str}, lib/api/src/grpc/conversions.rs), failing with Qdrant's own message.
     */
    static String canonical(String text) {
        return parse(text).toString();
    }

    private static UUID parse(String text) {
        String value = text;
        if (value.regionMatches(true, 0, "urn:uuid:", 0, 9)) {
            value = value.substring(9);
        }
        else if (value.length() == 38 && value.charAt(0) == '{' && value.charAt(37) == '}') {
            value = value.substring(1, 37);
        }
        if (SIMPLE.matcher(value).matches()) {
            value = value.substring(0, 8) + '-' + value.substring(8, 12) + '-' + value.substring(12, 16) + '-'
                    + value.substring(16, 20) + '-' + value.substring(20);
        }
        if (value.length() == 36) {
            try {
                UUID uuid = UUID.fromString(value);
                if (uuid.toString().equals(value.toLowerCase(Locale.ROOT))) {
                    return uuid;
                }
            }
            catch (IllegalArgumentException ex) {
                // falls through to Qdrant's message
            }
        }
        throw new CallRejection(Status.Code.INVALID_ARGUMENT, "Unable to parse UUID: " + text);
    }

    private static PointId uuid(String uuid) {
        return PointId.newBuilder().setUuid(uuid).build();
    }
}
