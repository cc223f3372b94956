package io.github.qdrantscope.embedded.conformance;

import static io.github.qdrantscope.embedded.conformance.Payloads.obj;
import static io.github.qdrantscope.embedded.conformance.Payloads.payload;
import static io.qdrant.client.ConditionFactory.datetimeRange;
import static io.qdrant.client.ConditionFactory.filter;
import static io.qdrant.client.ConditionFactory.geoBoundingBox;
import static io.qdrant.client.ConditionFactory.geoPolygon;
import static io.qdrant.client.ConditionFactory.geoRadius;
import static io.qdrant.client.ConditionFactory.hasId;
import static io.qdrant.client.ConditionFactory.hasVector;
import static io.qdrant.client.ConditionFactory.isEmpty;
import static io.qdrant.client.ConditionFactory.isNull;
import static io.qdrant.client.ConditionFactory.match;
import static io.qdrant.client.ConditionFactory.matchExceptKeywords;
import static io.qdrant.client.ConditionFactory.matchExceptValues;
import static io.qdrant.client.ConditionFactory.matchKeyword;
import static io.qdrant.client.ConditionFactory.matchKeywords;
import static io.qdrant.client.ConditionFactory.matchPhrase;
import static io.qdrant.client.ConditionFactory.matchText;
import static io.qdrant.client.ConditionFactory.matchTextAny;
import static io.qdrant.client.ConditionFactory.matchValues;
import static io.qdrant.client.ConditionFactory.nested;
import static io.qdrant.client.ConditionFactory.range;
import static io.qdrant.client.ConditionFactory.valuesCount;
import static io.qdrant.client.PointIdFactory.id;
import static io.qdrant.client.VectorFactory.vector;
import static io.qdrant.client.VectorsFactory.namedVectors;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Timestamp;
import io.grpc.Status;
import io.qdrant.client.grpc.Collections.Distance;
import io.qdrant.client.grpc.Common.Condition;
import io.qdrant.client.grpc.Common.DatetimeRange;
import io.qdrant.client.grpc.Common.FieldCondition;
import io.qdrant.client.grpc.Common.Filter;
import io.qdrant.client.grpc.Common.GeoLineString;
import io.qdrant.client.grpc.Common.GeoPoint;
import io.qdrant.client.grpc.Common.Match;
import io.qdrant.client.grpc.Common.MinShould;
import io.qdrant.client.grpc.Common.NestedCondition;
import io.qdrant.client.grpc.Common.Range;
import io.qdrant.client.grpc.Common.ValuesCount;
import io.qdrant.client.grpc.Points.PointStruct;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every filter condition, evaluated by Qdrant's rules without payload indexes
 * (lib/segment/src/payload_storage/query_checker.rs, condition_checker.rs, lib/segment/src/json_path).
 * One shared, read-only data set; each test only reads it, so tests may run in parallel.
 */
class FilterConformanceTest extends ConformanceTestBase {

    private String data;

    @BeforeAll
    void loadData() {
        data = newCollection(2, Distance.Dot);
        upsert(data,
                point(1, new float[] {1, 0}, payload(
                        "city", "Berlin", "count", 1, "countf", 1, "price", 10.5, "flag", true,
                        "tags", List.of("a", "b"), "text", "the quick brown fox",
                        "date", "2024-01-15T10:00:00Z", "loc", obj("lon", 13.405, "lat", 52.52),
                        "nested", obj("x", 1, "y", "a"),
                        "items", List.of(obj("k", "a", "v", 1), obj("k", "b", "v", 2)),
                        "nul", null)),
                point(2, new float[] {1, 0}, payload(
                        "city", "Paris", "count", 2, "price", 20.0, "flag", false,
                        "tags", List.of("b", "c"), "text", "lazy dog sleeps",
                        "date", "2024-02-01", "loc", obj("lon", 2.3522, "lat", 48.8566),
                        "nested", obj("x", 2, "y", "b"),
                        "items", List.of(obj("k", "a", "v", 2)),
                        "nul", "not null")),
                point(3, new float[] {1, 0}, payload(
                        "city", List.of("Berlin", "Rome"), "count", 3, "price", 30,
                        "tags", List.of(), "text", "Quick thinking",
                        "date", "2024-03-10 12:30", "loc", obj("lon", 12.4964, "lat", 41.9028),
                        "items", List.of(obj("k", "b", "v", 1), obj("k", "a", "v", 3)))),
                point(4, new float[] {1, 0}, payload(
                        "city", "London", "countf", 1.0, "flag", "true", "text", "fox")),
                point(5, 1, 0),
                point(6, new float[] {1, 0}, payload("count", List.of(1, 5), "city", null)));
    }

    private List<Object> ids(Filter filter) {
        return scrollIds(data, filter);
    }

    private static Filter must(Condition... conditions) {
        return Filter.newBuilder().addAllMust(List.of(conditions)).build();
    }

    private static Timestamp ts(String instant) {
        Instant i = Instant.parse(instant);
        return Timestamp.newBuilder().setSeconds(i.getEpochSecond()).setNanos(i.getNano()).build();
    }

    @Test
    void emptyFilterMatchesEverything() {
        assertThat(ids(Filter.getDefaultInstance())).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
    }

    @Test
    void matchKeywordMatchesStringsAndArrayElements() {
        assertThat(ids(must(matchKeyword("city", "Berlin")))).containsExactly(1L, 3L);
        assertThat(ids(must(matchKeyword("city", "berlin")))).isEmpty();
    }

    @Test
    void matchIntegerRequiresAnIntegerValue() {
        // condition_checker.rs: ValueVariants::Integer compares with serde_json as_i64 -> 1.0 does not match 1
        assertThat(ids(must(match("count", 1)))).containsExactly(1L, 6L);
        assertThat(ids(must(match("countf", 1)))).containsExactly(1L);
    }

    @Test
    void matchBoolRequiresABoolValue() {
        assertThat(ids(must(match("flag", true)))).containsExactly(1L);
        assertThat(ids(must(match("flag", false)))).containsExactly(2L);
    }

    @Test
    void matchTextWithoutIndexIsCaseSensitiveSubstring() {
        assertThat(ids(must(matchText("text", "quick")))).containsExactly(1L);
        assertThat(ids(must(matchText("text", "Quick")))).containsExactly(3L);
        assertThat(ids(must(matchText("text", "fox")))).containsExactly(1L, 4L);
    }

    @Test
    void matchPhraseWithoutIndexIsSubstring() {
        assertThat(ids(must(matchPhrase("text", "brown fox")))).containsExactly(1L);
        assertThat(ids(must(matchPhrase("text", "fox brown")))).isEmpty();
    }

    @Test
    void matchTextAnyMatchesAnyWord() {
        assertThat(ids(must(matchTextAny("text", "dog fox")))).containsExactly(1L, 2L, 4L);
    }

    @Test
    void matchAnyOfKeywordsAndIntegers() {
        assertThat(ids(must(matchKeywords("city", List.of("Paris", "Rome"))))).containsExactly(2L, 3L);
        assertThat(ids(must(matchValues("count", List.of(2L, 3L))))).containsExactly(2L, 3L);
    }

    @Test
    void exceptKeywordsMatchValuesNotInTheList() {
        // condition_checker.rs Match::Except: a string not in the list matches; an array matches if any
        // element is not in the list; null and missing keys do not match
        assertThat(ids(must(matchExceptKeywords("city", List.of("Berlin"))))).containsExactly(2L, 3L, 4L);
    }

    @Test
    void exceptIntegersMatchValuesNotInTheList() {
        assertThat(ids(must(matchExceptValues("count", List.of(1L))))).containsExactly(2L, 3L, 6L);
    }

    @Test
    void rangeOnNumbersWithAndedBounds() {
        assertThat(ids(must(range("count", Range.newBuilder().setGte(2).setLt(5).build()))))
                .containsExactly(2L, 3L);
        assertThat(ids(must(range("price", Range.newBuilder().setGt(10.5).build())))).containsExactly(2L, 3L);
        assertThat(ids(must(range("price", Range.newBuilder().setLte(10.5).build())))).containsExactly(1L);
        // an array matches when any element is in range
        assertThat(ids(must(range("count", Range.newBuilder().setGte(5).build())))).containsExactly(6L);
        // strings are not numbers
        assertThat(ids(must(range("city", Range.newBuilder().setGte(0).build())))).isEmpty();
    }

    @Test
    void datetimeRangeAcceptsRfc3339AndShortForms() {
        // lib/segment/src/types.rs DateTimePayloadType::from_str: RFC 3339, "YYYY-MM-DD", "YYYY-MM-DD HH:MM", UTC
        assertThat(ids(must(datetimeRange("date", DatetimeRange.newBuilder()
                .setGte(ts("2024-02-01T00:00:00Z")).build())))).containsExactly(2L, 3L);
        assertThat(ids(must(datetimeRange("date", DatetimeRange.newBuilder()
                .setLt(ts("2024-03-10T12:30:00Z")).build())))).containsExactly(1L, 2L);
        assertThat(ids(must(datetimeRange("date", DatetimeRange.newBuilder()
                .setLte(ts("2024-03-10T12:30:00Z")).build())))).containsExactly(1L, 2L, 3L);
        assertThat(ids(must(datetimeRange("date", DatetimeRange.newBuilder()
                .setGt(ts("2024-01-15T10:00:00Z")).setLt(ts("2024-02-01T00:00:01Z")).build()))))
                .containsExactly(2L);
    }

    @Test
    void geoRadiusInMeters() {
        // Berlin -> Paris is about 878 km, Berlin -> Rome about 1181 km (haversine, lib/segment/src/types.rs)
        assertThat(ids(must(geoRadius("loc", 52.52, 13.405, 100_000f)))).containsExactly(1L);
        assertThat(ids(must(geoRadius("loc", 52.52, 13.405, 950_000f)))).containsExactly(1L, 2L);
        assertThat(ids(must(geoRadius("loc", 52.52, 13.405, 1_300_000f)))).containsExactly(1L, 2L, 3L);
    }

    @Test
    void geoBoundingBoxContainsPoints() {
        // top-left (lat 55, lon 0), bottom-right (lat 45, lon 14): Berlin and Paris, not Rome (lat 41.9)
        assertThat(ids(must(geoBoundingBox("loc", 55, 0, 45, 14))))
                .containsExactly(1L, 2L);
    }

    @Test
    void geoPolygonWithHole() {
        GeoLineString aroundItaly = ring(new double[][] {{6, 36}, {19, 36}, {19, 47}, {6, 47}, {6, 36}});
        GeoLineString aroundRome = ring(new double[][] {{12, 41}, {13, 41}, {13, 42}, {12, 42}, {12, 41}});

        assertThat(ids(must(geoPolygon("loc", aroundItaly, List.of())))).containsExactly(3L);
        assertThat(ids(must(geoPolygon("loc", aroundItaly, List.of(aroundRome))))).isEmpty();
    }

    private static GeoLineString ring(double[][] lonLat) {
        GeoLineString.Builder line = GeoLineString.newBuilder();
        for (double[] p : lonLat) {
            line.addPoints(GeoPoint.newBuilder().setLon(p[0]).setLat(p[1]));
        }
        return line.build();
    }

    @Test
    void valuesCountCountsArrayElementsAndScalarsAsOne() {
        assertThat(ids(must(valuesCount("tags", ValuesCount.newBuilder().setGte(2).build())))).containsExactly(1L, 2L);
        assertThat(ids(must(valuesCount("tags", ValuesCount.newBuilder().setLt(1).build())))).containsExactly(3L);
        assertThat(ids(must(valuesCount("city", ValuesCount.newBuilder().setGt(1).build())))).containsExactly(3L);
        assertThat(ids(must(valuesCount("city", ValuesCount.newBuilder().setLte(1).build()))))
                .containsExactly(1L, 2L, 4L, 6L);
    }

    @Test
    void isEmptyMatchesMissingNullAndEmptyArrays() {
        assertThat(ids(must(isEmpty("tags")))).containsExactly(3L, 4L, 5L, 6L);
        assertThat(ids(must(isEmpty("city")))).containsExactly(5L, 6L);
    }

    @Test
    void isNullMatchesOnlyExplicitNull() {
        assertThat(ids(must(isNull("nul")))).containsExactly(1L);
        assertThat(ids(must(isNull("city")))).containsExactly(6L);
    }

    @Test
    void hasIdSelectsIds() {
        assertThat(ids(must(hasId(List.of(id(2), id(5), id(99)))))).containsExactly(2L, 5L);
    }

    @Test
    void hasVectorSelectsPointsHavingThatNamedVector() {
        String c = newNamedCollection(Distance.Dot, Map.of("a", 2, "b", 2));
        await(client.upsertAsync(c, List.of(
                PointStruct.newBuilder().setId(id(1)).setVectors(namedVectors(Map.of("a", vector(1, 0)))).build(),
                PointStruct.newBuilder().setId(id(2))
                        .setVectors(namedVectors(Map.of("a", vector(1, 0), "b", vector(0, 1)))).build())));

        assertThat(scrollIds(c, must(hasVector("b")))).containsExactly(2L);
        assertThat(scrollIds(c, must(hasVector("a")))).containsExactly(1L, 2L);
    }

    @Test
    void nestedRequiresOneArrayElementToSatisfyTheWholeFilter() {
        Filter flattened = must(matchKeyword("items[].k", "a"), match("items[].v", 1));
        Filter perElement = must(nested("items", must(matchKeyword("k", "a"), match("v", 1))));

        // without nested, the two conditions may be satisfied by different elements (point 3)
        assertThat(ids(flattened)).containsExactly(1L, 3L);
        assertThat(ids(perElement)).containsExactly(1L);
    }

    @Test
    void pathSyntaxThroughObjectsArraysAndIndexes() {
        assertThat(ids(must(match("nested.x", 1)))).containsExactly(1L);
        assertThat(ids(must(matchKeyword("nested.y", "b")))).containsExactly(2L);
        assertThat(ids(must(matchKeyword("items[].k", "b")))).containsExactly(1L, 3L);
        assertThat(ids(must(matchKeyword("items[0].k", "b")))).containsExactly(3L);
        assertThat(ids(must(matchKeyword("tags[1]", "c")))).containsExactly(2L);
        assertThat(ids(must(match("items[1].v", 2)))).containsExactly(1L);
    }

    @Test
    void shouldMatchesAnyMustNotMatchesNone() {
        assertThat(ids(Filter.newBuilder().addShould(matchKeyword("city", "Paris")).addShould(match("count", 3))
                .build())).containsExactly(2L, 3L);
        // missing keys fail the inner condition, so must_not keeps them
        assertThat(ids(Filter.newBuilder().addMustNot(matchKeyword("city", "Berlin")).build()))
                .containsExactly(2L, 4L, 5L, 6L);
    }

    @Test
    void mustShouldAndMustNotCombine() {
        Filter filter = Filter.newBuilder()
                .addMust(range("count", Range.newBuilder().setGte(1).build()))
                .addShould(matchKeyword("city", "Berlin")).addShould(matchKeyword("city", "Paris"))
                .addMustNot(match("count", 3))
                .build();

        assertThat(ids(filter)).containsExactly(1L, 2L);
    }

    @Test
    void minShouldNeedsAtLeastMinCountConditions() {
        MinShould minShould = MinShould.newBuilder().setMinCount(2)
                .addConditions(matchKeyword("city", "Berlin")).addConditions(match("flag", true))
                .addConditions(match("count", 1)).build();

        assertThat(ids(Filter.newBuilder().setMinShould(minShould).build())).containsExactly(1L);
        assertThat(ids(Filter.newBuilder().setMinShould(minShould.toBuilder().setMinCount(1)).build()))
                .containsExactly(1L, 3L, 6L);
    }

    @Test
    void nestedFilterConditionGroupsClauses() {
        Filter inner = Filter.newBuilder().addShould(matchKeyword("city", "London"))
                .addShould(matchKeyword("city", "Paris")).build();

        assertThat(ids(must(filter(inner), match("count", 2)))).containsExactly(2L);
    }

    @Test
    void subConditionsOfOneFieldConditionAreOred() {
        // condition_checker.rs FieldCondition::check: match || range || geo... || values_count
        Condition matchOrRange = Condition.newBuilder().setField(FieldCondition.newBuilder().setKey("count")
                .setMatch(Match.newBuilder().setInteger(1))
                .setRange(Range.newBuilder().setGte(3))).build();

        assertThat(ids(must(matchOrRange))).containsExactly(1L, 3L, 6L);
    }

    @Test
    void missingKeyFailsEveryConditionButIsEmpty() {
        Filter onlyFive = must(hasId(List.of(id(5))));
        for (Condition c : List.of(matchKeyword("absent", "x"), match("absent", 1), match("absent", true),
                matchText("absent", "x"), matchExceptKeywords("absent", List.of("x")),
                range("absent", Range.newBuilder().setGte(-1e9).build()),
                valuesCount("absent", ValuesCount.newBuilder().setGte(0).build()), isNull("absent"))) {
            assertThat(ids(Filter.newBuilder().mergeFrom(onlyFive).addMust(c).build())).as(c.toString()).isEmpty();
        }
        assertThat(ids(Filter.newBuilder().mergeFrom(onlyFive).addMust(isEmpty("absent")).build()))
                .containsExactly(5L);
    }

    @Test
    void filtersWorkInCountAndSearchToo() {
        Filter berlin = must(matchKeyword("city", "Berlin"));

        assertThat(await(client.countAsync(data, berlin, true))).isEqualTo(2);
        assertThat(idsOf(await(client.searchAsync(io.qdrant.client.grpc.Points.SearchPoints.newBuilder()
                .setCollectionName(data).addAllVector(List.of(1f, 0f)).setFilter(berlin).setLimit(10).build()))))
                .containsExactlyInAnyOrder(1L, 3L);
    }

    @Test
    void matchWithoutValueIsMalformed() {
        Condition empty = Condition.newBuilder().setField(FieldCondition.newBuilder().setKey("city")
                .setMatch(Match.getDefaultInstance())).build();
        // lib/api/src/grpc/conversions.rs: Status::invalid_argument("Malformed Match condition")
        Status status = grpcError(() -> ids(must(empty)));
        assertThat(status.getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(status.getDescription()).contains("Malformed Match condition");
    }

    @Test
    void fieldConditionWithoutAnyConditionIsRejected() {
        Condition bare = Condition.newBuilder().setField(FieldCondition.newBuilder().setKey("city")).build();
        // lib/api/src/grpc/validate.rs FieldCondition::validate: "At least one field condition must be specified"
        Status status = grpcError(() -> ids(must(bare)));
        assertThat(status.getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(status.getDescription()).contains("At least one field condition must be specified");
    }

    @Test
    void nestedWithoutFilterIsRejected() {
        Condition nestedWithoutFilter = Condition.newBuilder()
                .setNested(NestedCondition.newBuilder().setKey("items")).build();
        // lib/api/src/grpc/conversions.rs: "Nested condition must have a filter"
        Status status = grpcError(() -> ids(must(nestedWithoutFilter)));
        assertThat(status.getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(status.getDescription()).contains("Nested condition must have a filter");
    }

    @Test
    void datetimeWithOffsetIsComparedInUtc() {
        String c = newCollection(2, Distance.Dot);
        upsert(c, point(1, new float[] {1, 0}, payload("t", "2024-01-01T02:00:00+02:00")),
                point(2, new float[] {1, 0}, payload("t", "2024-01-01T00:00:01Z")));

        // +02:00 at 02:00 is midnight UTC, one second before point 2
        assertThat(scrollIds(c, must(datetimeRange("t", DatetimeRange.newBuilder()
                .setLte(ts("2024-01-01T00:00:00Z")).build())))).containsExactly(1L);
    }

    @Test
    void arraysOfGeoPointsAndTextsMatchIfAnyElementMatches() {
        String c = newCollection(2, Distance.Dot);
        upsert(c, point(1, new float[] {1, 0}, payload(
                        "loc", List.of(obj("lon", 2.3522, "lat", 48.8566), obj("lon", 13.405, "lat", 52.52)),
                        "notes", List.of("first note", "second remark"))),
                point(2, new float[] {1, 0}, payload(
                        "loc", List.of(obj("lon", 2.3522, "lat", 48.8566)), "notes", List.of("nothing"))));

        assertThat(scrollIds(c, must(geoRadius("loc", 52.52, 13.405, 10_000f)))).containsExactly(1L);
        assertThat(scrollIds(c, must(matchText("notes", "remark")))).containsExactly(1L);
    }

    @Test
    void hasIdAcceptsAnyUuidForm() {
        String c = newCollection(2, Distance.Dot);
        upsert(c, point(java.util.UUID.fromString("550e8400-e29b-41d4-a716-446655440000"), new float[] {1, 0},
                java.util.Map.of()), point(7, 1, 0));

        assertThat(scrollIds(c, must(hasId(List.of(io.qdrant.client.grpc.Common.PointId.newBuilder()
                .setUuid("550E8400E29B41D4A716446655440000").build())))))
                .containsExactly("550e8400-e29b-41d4-a716-446655440000");
    }

    @Test
    void quotedPathSegmentAddressesAKeyContainingADot() {
        String c = newCollection(2, Distance.Dot);
        upsert(c, point(1, new float[] {1, 0}, payload("a.b", 1)),
                point(2, new float[] {1, 0}, payload("a", obj("b", 1))));

        // lib/segment/src/json_path/parse.rs: "..." quotes a segment, so "a.b" is one key, a.b is a path
        assertThat(scrollIds(c, must(match("\"a.b\"", 1)))).containsExactly(1L);
        assertThat(scrollIds(c, must(match("a.b", 1)))).containsExactly(2L);
    }
}
