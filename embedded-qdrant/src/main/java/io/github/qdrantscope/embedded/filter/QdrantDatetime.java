package io.github.qdrantscope.embedded.filter;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Datetime strings as Qdrant reads them, in filters ({@code datetime_range}) and in datetime indexes
 * ({@code order_by}): Qdrant's {@code DateTimeWrapper::from_str} in {@code lib/segment/src/types.rs}.
 * With an offset: RFC 3339, chrono's relaxed {@code DateTime::from_str} (spaces allowed before the
 * offset) or {@code %Y-%m-%d[T| ]%H:%M:%S%.f%#z} (offset {@code Z}, {@code ±HH:MM}, {@code ±HHMM} or
 * {@code ±HH}); without an offset meaning UTC, {@code YYYY-MM-DD[T| ]HH:MM:SS[.f]},
 * {@code YYYY-MM-DD HH:MM} or {@code YYYY-MM-DD}.
 */
public final class QdrantDatetime {

    private static final Pattern FORMAT = Pattern.compile(
            "(\\d{4})-(\\d{2})-(\\d{2})"
                    + "(?:([Tt ])(\\d{2}):(\\d{2})(?::(\\d{2})(?:\\.(\\d+))?)?"
                    + "( *)(Z|z|[+-]\\d{2}(?::?\\d{2})?)?)?");

    private QdrantDatetime() {
    }

    /**
     * The instant a payload string denotes, or {@code null} when Qdrant would not parse it.
     *
     * @param s a payload value or a request's datetime string
     */
    public static Instant parse(String s) {
        Matcher m = FORMAT.matcher(s);
        if (!m.matches()) {
            return null;
        }
        try {
            LocalDate date = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3)));
            if (m.group(4) == null) {
                return date.atStartOfDay().toInstant(ZoneOffset.UTC);
            }
            String separator = m.group(4);
            String seconds = m.group(7);
            String spaces = m.group(9);
            String zone = m.group(10);
            if (!spaces.isEmpty() && (zone == null || seconds == null)) {
                // Spaces before the offset: only chrono's relaxed `DateTime::from_str` takes them.
                return null;
            }
            if (seconds == null) {
                // Only "%Y-%m-%d %H:%M" takes no seconds: space separator, no offset.
                if (!separator.equals(" ") || zone != null) {
                    return null;
                }
            } else if (separator.equals("t") && zone == null) {
                // A lowercase 't' is only accepted by the parsers that require an offset.
                return null;
            }
            int nanos = 0;
            if (m.group(8) != null) {
                String frac = m.group(8);
                frac = frac.length() > 9 ? frac.substring(0, 9) : frac;
                nanos = Integer.parseInt((frac + "000000000").substring(0, 9));
            }
            int second = seconds == null ? 0 : Integer.parseInt(seconds);
            boolean leap = second == 60;
            LocalDateTime local = LocalDateTime.of(date,
                    java.time.LocalTime.of(Integer.parseInt(m.group(5)), Integer.parseInt(m.group(6)),
                            leap ? 59 : second, nanos));
            ZoneOffset offset = zone == null ? ZoneOffset.UTC : offset(zone);
            Instant instant = local.toInstant(offset);
            // chrono represents a leap second as :59 plus one extra second of nanoseconds.
            return leap ? instant.plusSeconds(1) : instant;
        } catch (java.time.DateTimeException | NumberFormatException e) {
            return null;
        }
    }

    private static ZoneOffset offset(String zone) {
        if (zone.equalsIgnoreCase("Z")) {
            return ZoneOffset.UTC;
        }
        int sign = zone.charAt(0) == '-' ? -1 : 1;
        String digits = zone.substring(1).replace(":", "");
        int hours = Integer.parseInt(digits.substring(0, 2));
        int minutes = digits.length() >= 4 ? Integer.parseInt(digits.substring(2, 4)) : 0;
        return ZoneOffset.ofTotalSeconds(sign * (hours * 3600 + minutes * 60));
    }
}
