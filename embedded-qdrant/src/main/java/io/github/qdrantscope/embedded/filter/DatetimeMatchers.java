package io.github.qdrantscope.embedded.filter;

import com.google.protobuf.Timestamp;
import io.github.qdrantscope.embedded.storage.QdrantErrors;
import io.qdrant.client.grpc.Common.DatetimeRange;
import io.qdrant.client.grpc.JsonWithInt.Value;
import java.time.Instant;

/**
 * {@code datetime_range} on string payload values, parsed by {@link QdrantDatetime}. Strings that
 * do not parse never match.
 */
final class DatetimeMatchers {

    private DatetimeMatchers() {
    }

    static ValueMatcher range(DatetimeRange r) {
        Instant lt = r.hasLt() ? instant(r.getLt()) : null;
        Instant gt = r.hasGt() ? instant(r.getGt()) : null;
        Instant lte = r.hasLte() ? instant(r.getLte()) : null;
        Instant gte = r.hasGte() ? instant(r.getGte()) : null;
        return v -> {
            if (v.getKindCase() != Value.KindCase.STRING_VALUE) {
                return false;
            }
            Instant t = QdrantDatetime.parse(v.getStringValue());
            return t != null && (lt == null || t.isBefore(lt)) && (gt == null || t.isAfter(gt))
                    && (lte == null || !t.isAfter(lte)) && (gte == null || !t.isBefore(gte));
        };
    }

    /** chrono's year range, which bounds {@code DateTime::from_timestamp}. */
    private static final Instant CHRONO_MIN = Instant.parse("-262143-01-01T00:00:00Z");
    private static final Instant CHRONO_MAX = Instant.parse("+262142-12-31T23:59:59.999999999Z");

    /**
     * {@code try_date_time_from_proto} in {@code lib/api/src/grpc/conversions.rs}: negative
     * nanos count as 0; a time chrono cannot represent is rejected.
     */
    private static Instant instant(Timestamp ts) {
        int nanos = Math.max(ts.getNanos(), 0);
        Instant instant;
        try {
            instant = nanos >= 1_000_000_000 ? null : Instant.ofEpochSecond(ts.getSeconds(), nanos);
        } catch (java.time.DateTimeException e) {
            instant = null;
        }
        if (instant == null || instant.isBefore(CHRONO_MIN) || instant.isAfter(CHRONO_MAX)) {
            throw QdrantErrors.invalidArgument("Unable to parse timestamp: " + describe(ts));
        }
        return instant;
    }

    private static String describe(Timestamp ts) {
        return "Timestamp { seconds: " + ts.getSeconds() + ", nanos: " + ts.getNanos() + " }";
    }
}
