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
        String hex = s;
        if (hex.length() == 45 && hex.regionMatches(true, 0, "urn:uuid:", 0, 9)) {
            hex = hex.substring(9);
        } else if (hex.length() == 38 && hex.charAt(0) == '{' && hex.charAt(37) == '}') {
            hex = hex.substring(1, 37);
        }
        if (hex.length() == 36) {
            if (hex.charAt(8) != '-' || hex.charAt(13) != '-' || hex.charAt(18) != '-' || hex.charAt(23) != '-') {
                throw badUuid(s);
            }
            hex = hex.substring(0, 8) + hex.substring(9, 13) + hex.substring(14, 18) + hex.substring(19, 23)
                    + hex.substring(24);
        }
        if (hex.length() != 32) {
            throw badUuid(s);
        }
        for (int i = 0; i < 32; i++) {
            if (Character.digit(hex.charAt(i), 16) < 0) {
                throw badUuid(s);
            }
        }
        long msb = Long.parseUnsignedLong(hex.substring(0, 16), 16);
        long lsb = Long.parseUnsignedLong(hex.substring(16), 16);
        return new UUID(msb, lsb);
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
