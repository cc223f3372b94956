package io.github.qdrantscope.embedded.storage;

import io.qdrant.client.grpc.Common.PointId;
import java.util.Locale;
import java.util.UUID;

/**
 * A point id as Qdrant orders and compares it: an unsigned 64-bit number or a UUID.
 *
 * <p>Ordering follows Qdrant's {@code ExtendedPointId}: every numeric id sorts before every UUID;
 * numbers compare unsigned, UUIDs by their bytes (big-endian, unsigned). {@link #toString()} is the
 * form Qdrant prints in messages: the decimal number or the lowercase hyphenated UUID.
 */
public final class PointKey implements Comparable<PointKey> {

    private final boolean numeric;
    private final long num;
    private final UUID uuid;

    private PointKey(boolean numeric, long num, UUID uuid) {
        this.numeric = numeric;
        this.num = num;
        this.uuid = uuid;
    }

    /** A numeric id; {@code value} is read as unsigned. */
    public static PointKey ofNumber(long value) {
        return new PointKey(true, value, null);
    }

    /** A UUID id. */
    public static PointKey ofUuid(UUID value) {
        return new PointKey(false, 0L, value);
    }

    /**
     * Parses a wire {@link PointId}.
     *
     * @throws io.grpc.StatusRuntimeException {@code INVALID_ARGUMENT} "Empty ID is not allowed" when
     *     neither field is set, or "Unable to parse UUID: s" for a string that is no UUID form
     */
    public static PointKey of(PointId id) {
        switch (id.getPointIdOptionsCase()) {
            case NUM:
                return ofNumber(id.getNum());
            case UUID:
                return ofUuid(parseUuid(id.getUuid()));
            default:
                throw QdrantErrors.invalidArgument("Empty ID is not allowed");
        }
    }

    /**
     * Parses the UUID forms Qdrant (the Rust {@code uuid} crate) accepts: hyphenated, simple (32 hex
     * digits), braced and {@code urn:uuid:} prefixed, in any letter case.
     */
    public static UUID parseUuid(String s) {
        int from;
        int length = s.length();
        if (length == 45 && s.regionMatches(true, 0, "urn:uuid:", 0, 9)) {
            from = 9;
        } else if (length == 38 && s.charAt(0) == '{' && s.charAt(37) == '}') {
            from = 1;
        } else if (length == 36 || length == 32) {
            from = 0;
        } else {
            throw badUuid(s);
        }
        boolean hyphenated = length - from != 32;
        if (hyphenated && (s.charAt(from + 8) != '-' || s.charAt(from + 13) != '-' || s.charAt(from + 18) != '-'
                || s.charAt(from + 23) != '-')) {
            throw badUuid(s);
        }
        // read in place: every id of every request is parsed, so no substrings (a profile of stamped upserts
        // had the substring version among the server's top costs)
        long msb = 0;
        long lsb = 0;
        int digits = 0;
        for (int i = from; digits < 32; i++) {
            if (hyphenated && (i - from == 8 || i - from == 13 || i - from == 18 || i - from == 23)) {
                continue;
            }
            int digit = hexDigit(s.charAt(i));
            if (digit < 0) {
                throw badUuid(s);
            }
            if (digits < 16) {
                msb = msb << 4 | digit;
            } else {
                lsb = lsb << 4 | digit;
            }
            digits++;
        }
        return new UUID(msb, lsb);
    }

    // ASCII only, as the uuid crate: Character.digit would also take other scripts' digits
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

    private static RuntimeException badUuid(String s) {
        return QdrantErrors.invalidArgument("Unable to parse UUID: " + s);
    }

    public boolean isNumeric() {
        return numeric;
    }

    /** The numeric value (unsigned); only meaningful when {@link #isNumeric()}. */
    public long num() {
        return num;
    }

    /** The UUID; {@code null} when {@link #isNumeric()}. */
    public UUID uuid() {
        return uuid;
    }

    /** The wire form: {@code num}, or the lowercase hyphenated UUID string. */
    public PointId toPointId() {
        return numeric
                ? PointId.newBuilder().setNum(num).build()
                : PointId.newBuilder().setUuid(uuid.toString().toLowerCase(Locale.ROOT)).build();
    }

    @Override
    public int compareTo(PointKey o) {
        if (numeric != o.numeric) {
            return numeric ? -1 : 1;
        }
        if (numeric) {
            return Long.compareUnsigned(num, o.num);
        }
        int c = Long.compareUnsigned(uuid.getMostSignificantBits(), o.uuid.getMostSignificantBits());
        return c != 0 ? c : Long.compareUnsigned(uuid.getLeastSignificantBits(), o.uuid.getLeastSignificantBits());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PointKey k && k.numeric == numeric && k.num == num
                && (numeric || k.uuid.equals(uuid));
    }

    @Override
    public int hashCode() {
        return numeric ? Long.hashCode(num) : uuid.hashCode();
    }

    @Override
    public String toString() {
        return numeric ? Long.toUnsignedString(num) : uuid.toString();
    }
}
