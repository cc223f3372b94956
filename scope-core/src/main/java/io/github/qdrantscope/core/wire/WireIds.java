package io.github.qdrantscope.core.wire;

import io.github.qdrantscope.core.client.CallRejection;
import java.util.Comparator;
import java.util.UUID;

import io.grpc.Status;
import io.qdrant.client.grpc.Common.PointId;

/**
 * Point ids as Qdrant reads, prints and orders them: the UUID forms it accepts, its canonical form and its id
 * order. How an application's id becomes a stored id inside a project is {@link ScopedIds}.
 */
final class WireIds {

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

    /**
     * The UUID of {@code text} in any of the forms {@link #canonical} describes, parsed in place: every scoped UUID
     * id is parsed, on the way in and on the way out.
     */
    static UUID parse(String text) {
        int from = switch (text.length()) {
            case 32, 36 -> 0;
            case 38 -> text.charAt(0) == '{' && text.charAt(37) == '}' ? 1 : -1;
            case 45 -> text.startsWith("urn:uuid:") ? 9 : -1;
            default -> -1;
        };
        if (from >= 0) {
            boolean hyphenated = text.length() != 32;
            long high = 0;
            long low = 0;
            int digits = 0;
            int end = from + (hyphenated ? 36 : 32);
            for (int i = from; i < end; i++) {
                char c = text.charAt(i);
                int at = i - from;
                if (hyphenated && (at == 8 || at == 13 || at == 18 || at == 23)) {
                    if (c != '-') {
                        break;
                    }
                    continue;
                }
                int digit = hexDigit(c);
                if (digit < 0) {
                    break;
                }
                if (digits < 16) {
                    high = (high << 4) | digit;
                }
                else {
                    low = (low << 4) | digit;
                }
                digits++;
            }
            if (digits == 32) {
                return new UUID(high, low);
            }
        }
        throw new CallRejection(Status.Code.INVALID_ARGUMENT, "Unable to parse UUID: " + text);
    }

    /** An ASCII hex digit's value, in either case; -1 for anything else (the uuid crate takes only these). */
    private static int hexDigit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    private static PointId uuid(String uuid) {
        return PointId.newBuilder().setUuid(uuid).build();
    }
}
