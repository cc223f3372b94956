package io.github.qdrantscope.embedded.differential;

import io.qdrant.client.grpc.Common.Condition;
import io.qdrant.client.grpc.Common.DatetimeRange;
import io.qdrant.client.grpc.Common.FieldCondition;
import io.qdrant.client.grpc.Common.Filter;
import io.qdrant.client.grpc.Common.GeoBoundingBox;
import io.qdrant.client.grpc.Common.GeoLineString;
import io.qdrant.client.grpc.Common.GeoPoint;
import io.qdrant.client.grpc.Common.GeoPolygon;
import io.qdrant.client.grpc.Common.GeoRadius;
import io.qdrant.client.grpc.Common.HasIdCondition;
import io.qdrant.client.grpc.Common.HasVectorCondition;
import io.qdrant.client.grpc.Common.IsEmptyCondition;
import io.qdrant.client.grpc.Common.IsNullCondition;
import io.qdrant.client.grpc.Common.Match;
import io.qdrant.client.grpc.Common.MinShould;
import io.qdrant.client.grpc.Common.NestedCondition;
import io.qdrant.client.grpc.Common.Range;
import io.qdrant.client.grpc.Common.RepeatedIntegers;
import io.qdrant.client.grpc.Common.RepeatedStrings;
import io.qdrant.client.grpc.Common.ValuesCount;
import com.google.protobuf.Timestamp;
import java.time.Instant;
import java.util.List;

/**
 * Random filters over {@link Data}'s payload fields, using every condition kind the embedded server
 * implements: match (keyword, integer, boolean, text, text_any, phrase, any, except), range,
 * datetime_range, values_count, the three geo shapes, is_empty, is_null, has_id, has_vector, nested,
 * nested filters and min_should.
 */
final class Filters {

    private final Data data;

    Filters(Data data) {
        this.data = data;
    }

    /** A filter of up to {@code depth} nesting levels. */
    Filter filter(int depth) {
        Filter.Builder f = Filter.newBuilder();
        int clauses = 1 + data.random.nextInt(2);
        for (int i = 0; i < clauses; i++) {
            switch (data.random.nextInt(depth > 0 ? 5 : 3)) {
                case 0 -> f.addMust(condition(depth));
                case 1 -> f.addShould(condition(depth));
                case 2 -> f.addMustNot(condition(depth));
                case 3 -> f.setMinShould(MinShould.newBuilder().addConditions(condition(depth - 1))
                        .addConditions(condition(depth - 1)).addConditions(condition(depth - 1))
                        .setMinCount(data.random.nextInt(4)));
                default -> f.addMust(Condition.newBuilder().setFilter(filter(depth - 1)));
            }
        }
        return f.build();
    }

    Condition condition(int depth) {
        int kind = data.random.nextInt(depth > 0 ? 17 : 16);
        return switch (kind) {
            case 0 -> field(FieldCondition.newBuilder().setKey("color").setMatch(Match.newBuilder()
                    .setKeyword(data.pick(Data.COLORS))));
            case 1 -> field(FieldCondition.newBuilder().setKey(data.pick(new String[] {"n", "nums", "obj.x"}))
                    .setMatch(Match.newBuilder().setInteger(data.random.nextInt(8) - 2)));
            case 2 -> KnownExceptions.BOOLEAN_MATCH ? field(FieldCondition.newBuilder().setKey("flag")
                    .setMatch(Match.newBuilder().setBoolean(data.random.nextBoolean()))) : condition(depth);
            case 3 -> field(FieldCondition.newBuilder().setKey("text").setMatch(text()));
            case 4 -> field(FieldCondition.newBuilder().setKey(data.pick(new String[] {"color", "tags", "obj.y"}))
                    .setMatch(anyOrExcept()));
            case 5 -> field(FieldCondition.newBuilder().setKey(data.pick(new String[] {"n", "nums"}))
                    .setMatch(integersAnyOrExcept()));
            case 6 -> field(FieldCondition.newBuilder().setKey(data.pick(new String[] {"n", "f", "nums", "obj.x"}))
                    .setRange(range()));
            case 7 -> field(FieldCondition.newBuilder().setKey("dt").setDatetimeRange(datetimeRange()));
            case 8 -> valuesCount(data.pick(new String[] {"tags", "nums", "nested"}));
            case 9 -> field(FieldCondition.newBuilder().setKey("loc").setGeoBoundingBox(GeoBoundingBox.newBuilder()
                    .setTopLeft(geo(0.2 * data.random.nextInt(5), 2.0 - 0.2 * data.random.nextInt(5)))
                    .setBottomRight(geo(2.0 - 0.2 * data.random.nextInt(5), 0.2 * data.random.nextInt(5)))));
            case 10 -> field(FieldCondition.newBuilder().setKey("loc").setGeoRadius(GeoRadius.newBuilder()
                    .setCenter(geo(1.0, 1.0)).setRadius(20_000f + 40_000f * data.random.nextInt(4))));
            case 11 -> field(FieldCondition.newBuilder().setKey("loc").setGeoPolygon(polygon()));
            case 12 -> Condition.newBuilder().setIsEmpty(IsEmptyCondition.newBuilder()
                    .setKey(data.pick(new String[] {"maybe", "tags", "color", "nested[].a"}))).build();
            case 13 -> Condition.newBuilder().setIsNull(IsNullCondition.newBuilder()
                    .setKey(data.pick(data.arraysHoldingNull ? new String[] {"nested[].a", "tags", "color"}
                            : new String[] {"maybe", "tags", "color"}))).build();
            case 14 -> {
                HasIdCondition.Builder h = HasIdCondition.newBuilder();
                int n = 1 + data.random.nextInt(6);
                for (int i = 0; i < n; i++) {
                    h.addHasId(data.id());
                }
                yield Condition.newBuilder().setHasId(h).build();
            }
            case 15 -> data.unnamed ? condition(depth) : Condition.newBuilder().setHasVector(
                    HasVectorCondition.newBuilder().setHasVector(data.space().name())).build();
            default -> Condition.newBuilder().setNested(NestedCondition.newBuilder().setKey("nested")
                    .setFilter(nestedFilter())).build();
        };
    }

    private Filter nestedFilter() {
        Filter.Builder f = Filter.newBuilder();
        f.addMust(field(FieldCondition.newBuilder().setKey("a").setRange(Range.newBuilder()
                .setGte(data.random.nextInt(4)))));
        if (data.chance(60)) {
            f.addMust(field(FieldCondition.newBuilder().setKey("b").setMatch(Match.newBuilder()
                    .setKeyword(data.pick(Data.TAGS)))));
        }
        return f.build();
    }

    private static Condition field(FieldCondition.Builder f) {
        return Condition.newBuilder().setField(f).build();
    }

    /**
     * Full-text conditions in the forms where Qdrant 1.17's substring reading and Edge's token reading agree
     * on {@link Data#WORDS} text ({@link KnownExceptions#EDGE_TOKENIZES_UNINDEXED_TEXT}): text of one word,
     * text_any and phrase of one or two.
     */
    private Match text() {
        List<String> some = data.randomWords();
        String words = String.join(" ", some.subList(0, Math.min(some.size(), 1 + data.random.nextInt(2))));
        return switch (data.random.nextInt(3)) {
            case 0 -> Match.newBuilder().setText(some.get(0)).build();
            case 1 -> Match.newBuilder().setTextAny(words).build();
            default -> Match.newBuilder().setPhrase(words).build();
        };
    }

    private Match anyOrExcept() {
        RepeatedStrings.Builder s = RepeatedStrings.newBuilder();
        int n = data.random.nextInt(3) + 1;
        for (int i = 0; i < n; i++) {
            s.addStrings(data.chance(50) ? data.pick(Data.TAGS) : data.pick(Data.COLORS));
        }
        return data.random.nextBoolean() ? Match.newBuilder().setKeywords(s).build()
                : Match.newBuilder().setExceptKeywords(s).build();
    }

    private Match integersAnyOrExcept() {
        RepeatedIntegers.Builder s = RepeatedIntegers.newBuilder();
        int n = data.random.nextInt(3) + 1;
        for (int i = 0; i < n; i++) {
            s.addIntegers(data.random.nextInt(8) - 2);
        }
        return data.random.nextBoolean() ? Match.newBuilder().setIntegers(s).build()
                : Match.newBuilder().setExceptIntegers(s).build();
    }

    private Range range() {
        Range.Builder r = Range.newBuilder();
        double a = data.random.nextInt(20) - 5 + (data.chance(30) ? 0.5 : 0);
        switch (data.random.nextInt(4)) {
            case 0 -> r.setGt(a);
            case 1 -> r.setGte(a);
            case 2 -> r.setLt(a);
            default -> r.setLte(a);
        }
        if (data.chance(40)) {
            r.setLte(a + data.random.nextInt(8));
        }
        return r.build();
    }

    private DatetimeRange datetimeRange() {
        Instant at = Instant.parse("2024-01-01T00:00:00Z").plusSeconds(3600L * data.random.nextInt(24 * 10));
        Timestamp t = Timestamp.newBuilder().setSeconds(at.getEpochSecond()).build();
        DatetimeRange.Builder r = DatetimeRange.newBuilder();
        switch (data.random.nextInt(4)) {
            case 0 -> r.setGt(t);
            case 1 -> r.setGte(t);
            case 2 -> r.setLt(t);
            default -> r.setLte(t);
        }
        return r.build();
    }

    /**
     * values_count with any bounds. Bounds a count of 0 passes are asked only of points that have the key
     * ({@code must_not is_empty} beside them): on a point without it Qdrant 1.17 never matches and Edge
     * counts 0 ({@link KnownExceptions#EDGE_VALUES_COUNT_OF_A_MISSING_KEY}).
     */
    private Condition valuesCount(String key) {
        long c = data.random.nextInt(4);
        ValuesCount.Builder v = ValuesCount.newBuilder();
        switch (data.random.nextInt(4)) {
            case 0 -> v.setGt(c);
            case 1 -> v.setGte(c);
            case 2 -> v.setLt(c);
            default -> v.setLte(c);
        }
        if (data.chance(30)) {
            v.setLte(c + data.random.nextInt(3));
        }
        ValuesCount bounds = v.build();
        Condition count = field(FieldCondition.newBuilder().setKey(key).setValuesCount(bounds));
        boolean zeroPasses = (!bounds.hasGt()) && (!bounds.hasGte() || bounds.getGte() == 0)
                && (!bounds.hasLt() || bounds.getLt() > 0);
        if (!zeroPasses) {
            return count;
        }
        return Condition.newBuilder().setFilter(Filter.newBuilder().addMust(count).addMustNot(Condition.newBuilder()
                .setIsEmpty(IsEmptyCondition.newBuilder().setKey(key)))).build();
    }

    private static GeoPoint geo(double lon, double lat) {
        return GeoPoint.newBuilder().setLon(lon).setLat(lat).build();
    }

    private GeoPolygon polygon() {
        double lo = 0.1 * data.random.nextInt(8);
        double hi = 2.0 - 0.1 * data.random.nextInt(8);
        GeoLineString exterior = GeoLineString.newBuilder().addPoints(geo(lo, lo)).addPoints(geo(hi, lo))
                .addPoints(geo(hi, hi)).addPoints(geo(lo, hi)).addPoints(geo(lo, lo)).build();
        GeoPolygon.Builder p = GeoPolygon.newBuilder().setExterior(exterior);
        if (data.chance(30)) {
            double a = 0.9;
            double b = 1.1;
            p.addInteriors(GeoLineString.newBuilder().addPoints(geo(a, a)).addPoints(geo(b, a)).addPoints(geo(b, b))
                    .addPoints(geo(a, b)).addPoints(geo(a, a)));
        }
        return p.build();
    }
}
