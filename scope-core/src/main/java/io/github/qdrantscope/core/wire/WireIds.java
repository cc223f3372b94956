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
 * document with the same UUID are one point. A numeric id stays numeric: {@link NumericIds} permutes it with
 * the project's keys, so no UUID or text id can ever name the same point.
 */
final class WireIds {

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
        return OrderKey.of(a).compareTo(OrderKey.of(b));
    };

    /**
     * A point id's place in {@link #QDRANT_ORDER}, computed once: sorting a page window by keys parses each
     * UUID once instead of twice per comparison.
     */
    record OrderKey(boolean numeric, long high, long low) implements Comparable<OrderKey> {

        static OrderKey of(PointId id) {
            if (id.hasNum()) {
                return new OrderKey(true, id.getNum(), 0);
            }
            UUID uuid = parse(id.getUuid());
            return new OrderKey(false, uuid.getMostSignificantBits(), uuid.getLeastSignificantBits());
        }

        @Override
        public int compareTo(OrderKey other) {
            if (this.numeric != other.numeric) {
                return this.numeric ? -1 : 1;
            }
            int high = Long.compareUnsigned(this.high, other.high);
            return high != 0 ? high : Long.compareUnsigned(this.low, other.low);
        }
    }

    private WireIds() {
    }

    /** The id {@code original} is stored under inside {@code project}, whose numeric ids {@code numeric} permutes. */
    static PointId namespaced(String project, NumericIds numeric, PointId original) {
        return switch (original.getPointIdOptionsCase()) {
            case UUID -> uuid(NamespacedIds.of(project, canonical(original.getUuid())));
            case NUM -> PointId.newBuilder().setNum(numeric.stored(original.getNum())).build();
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
     * The canonical text of a UUID in any form Qdrant accepts, failing with Qdrant's own message. Qdrant parses
     * ids with the {@code uuid} crate's {@code Uuid::parse_str} (lib/api/src/grpc/conversions.rs), which accepts
     * exactly four shapes by length (shared/parser.rs {@code try_parse}): 32 hex digits, the hyphenated 36,
     * the hyphenated form in braces (38) and behind a lowercase {@code urn:uuid:} (45); hex digits in either
     * case. Anything else, such as {@code urn:uuid:} before 32 digits, is refused before anything is looked up.
     */
    static String canonical(String text) {
        return parse(text).toString();
    }

    private static UUID parse(String text) {
        String hyphenated = switch (text.length()) {
            case 32 -> SIMPLE.matcher(text).matches() ? text.substring(0, 8) + '-' + text.substring(8, 12) + '-'
                    + text.substring(12, 16) + '-' + text.substring(16, 20) + '-' + text.substring(20) : null;
            case 36 -> text;
            case 38 -> text.charAt(0) == '{' && text.charAt(37) == '}' ? text.substring(1, 37) : null;
            case 45 -> text.startsWith("urn:uuid:") ? text.substring(9) : null;
            default -> null;
        };
        if (hyphenated != null) {
            try {
                UUID uuid = UUID.fromString(hyphenated);
                if (uuid.toString().equals(hyphenated.toLowerCase(Locale.ROOT))) {
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
