package io.github.qdrantscope.embedded.filter;

import static io.github.qdrantscope.embedded.filter.Payloads.arr;
import static io.github.qdrantscope.embedded.filter.Payloads.map;
import static io.github.qdrantscope.embedded.filter.Payloads.obj;
import static io.github.qdrantscope.embedded.filter.Payloads.point;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

import com.google.protobuf.Timestamp;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.qdrant.client.grpc.Common.Condition;
import io.qdrant.client.grpc.Common.DatetimeRange;
import io.qdrant.client.grpc.Common.FieldCondition;
import io.qdrant.client.grpc.Common.Filter;
import io.qdrant.client.grpc.Common.GeoBoundingBox;
import io.qdrant.client.grpc.Common.GeoLineString;
import io.qdrant.client.grpc.Common.GeoPoint;
import io.qdrant.client.grpc.Common.GeoPolygon;
import io.qdrant.client.grpc.Common.GeoRadius;
import io.qdrant.client.grpc.Common.Range;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class GeoAndDatetimeTest {

    static boolean eval(FieldCondition.Builder condition, Object stored) {
        Filter f = Filter.newBuilder().addMust(Condition.newBuilder().setField(condition.setKey("f"))).build();
        return FilterEvaluator.compile(f).test(point(1, map("f", stored)));
    }

    static StatusRuntimeException rejected(FieldCondition.Builder condition) {
        Filter f = Filter.newBuilder().addMust(Condition.newBuilder().setField(condition.setKey("f"))).build();
        StatusRuntimeException e = catchThrowableOfType(() -> FilterEvaluator.compile(f), StatusRuntimeException.class);
        assertThat(e).isNotNull();
        assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        return e;
    }

    static GeoPoint geo(double lon, double lat) {
        return GeoPoint.newBuilder().setLon(lon).setLat(lat).build();
    }

    static Object loc(double lon, double lat) {
        return obj("lon", lon, "lat", lat);
    }

    // ---- radius ---------------------------------------------------------------------------

    @Test
    void haversineMatchesTheGeoCrate() {
        // Berlin -> Moscow; geo's Haversine with MEAN_EARTH_RADIUS 6371008.8 m gives ~1609 km.
        double d = GeoMatchers.haversine(13.413637435864272, 52.52197645, 37.62137960067377, 55.7536283);
        assertThat(d).isCloseTo(1_609_000, within(2_000.0));
        // One degree of latitude = R * pi / 180.
        assertThat(GeoMatchers.haversine(0, 0, 0, 1)).isCloseTo(6_371_008.8 * Math.PI / 180, within(1e-6));
    }

    @Test
    void geoRadius() {
        // condition_checker.rs test_geo_matching
        Object berlinAndMoscow = arr(loc(13.413637435864272, 52.52197645), loc(37.62137960067377, 55.7536283));
        FieldCondition.Builder near = FieldCondition.newBuilder()
                .setGeoRadius(GeoRadius.newBuilder().setCenter(geo(13.413637, 52.521976)).setRadius(2000));
        FieldCondition.Builder miss = FieldCondition.newBuilder()
                .setGeoRadius(GeoRadius.newBuilder().setCenter(geo(20.423637, 52.511)).setRadius(2000));
        assertThat(eval(near, berlinAndMoscow)).isTrue();
        assertThat(eval(miss, berlinAndMoscow)).isFalse();
        // Strictly less than the radius.
        double oneDegree = 6_371_008.8 * Math.PI / 180;
        FieldCondition.Builder edge = FieldCondition.newBuilder()
                .setGeoRadius(GeoRadius.newBuilder().setCenter(geo(0, 0)).setRadius((float) (oneDegree * 1.01)));
        assertThat(eval(edge, loc(0, 1))).isTrue();
        assertThat(eval(edge, loc(0, 1.02))).isFalse();
        // Integers are numbers too; other shapes never match.
        assertThat(eval(edge, obj("lon", 0, "lat", 1))).isTrue();
        assertThat(eval(edge, obj("lon", "0", "lat", 1))).isFalse();
        assertThat(eval(edge, obj("lat", 1))).isFalse();
        assertThat(eval(edge, "0,1")).isFalse();
    }

    @Test
    void geoRadiusWithoutCenterIsMalformed() {
        assertThat(rejected(FieldCondition.newBuilder().setGeoRadius(GeoRadius.newBuilder().setRadius(1)))
                .getStatus().getDescription()).isEqualTo("Malformed GeoRadius type");
    }

    // ---- bounding box ---------------------------------------------------------------------

    static Stream<Arguments> boxCases() {
        GeoBoundingBox box = GeoBoundingBox.newBuilder().setTopLeft(geo(10, 50)).setBottomRight(geo(20, 40)).build();
        // top_left.lon > bottom_right.lon: crosses the antimeridian (types.rs GeoBoundingBox::check_point)
        GeoBoundingBox wrap = GeoBoundingBox.newBuilder().setTopLeft(geo(170, 10)).setBottomRight(geo(-170, -10))
                .build();
        return Stream.of(
                Arguments.of(box, loc(15, 45), true),
                Arguments.of(box, loc(10, 45), false),
                Arguments.of(box, loc(15, 50), false),
                Arguments.of(box, loc(25, 45), false),
                Arguments.of(box, loc(15, 35), false),
                Arguments.of(wrap, loc(175, 0), true),
                Arguments.of(wrap, loc(-175, 0), true),
                Arguments.of(wrap, loc(0, 0), false),
                Arguments.of(wrap, loc(175, 20), false));
    }

    @ParameterizedTest
    @MethodSource("boxCases")
    void geoBoundingBox(GeoBoundingBox box, Object stored, boolean expected) {
        assertThat(eval(FieldCondition.newBuilder().setGeoBoundingBox(box), stored)).isEqualTo(expected);
    }

    @Test
    void boundingBoxWithoutCornerIsMalformed() {
        assertThat(rejected(FieldCondition.newBuilder()
                .setGeoBoundingBox(GeoBoundingBox.newBuilder().setTopLeft(geo(1, 1)))).getStatus().getDescription())
                .isEqualTo("Malformed GeoBoundingBox type");
    }

    // ---- polygon --------------------------------------------------------------------------

    static GeoLineString ring(double... lonLat) {
        GeoLineString.Builder b = GeoLineString.newBuilder();
        for (int i = 0; i < lonLat.length; i += 2) {
            b.addPoints(geo(lonLat[i], lonLat[i + 1]));
        }
        return b.build();
    }

    @Test
    void geoPolygonWithHole() {
        GeoPolygon polygon = GeoPolygon.newBuilder()
                .setExterior(ring(0, 0, 10, 0, 10, 10, 0, 10, 0, 0))
                .addInteriors(ring(4, 4, 6, 4, 6, 6, 4, 6, 4, 4))
                .build();
        FieldCondition.Builder c = FieldCondition.newBuilder().setGeoPolygon(polygon);
        assertThat(eval(c, loc(2, 2))).isTrue();
        assertThat(eval(c, loc(5, 5))).isFalse();
        assertThat(eval(c, loc(11, 5))).isFalse();
        // geo's Polygon::contains excludes boundaries, of the exterior and of holes.
        assertThat(eval(c, loc(0, 5))).isFalse();
        assertThat(eval(c, loc(4, 5))).isFalse();
        assertThat(eval(c, loc(10, 10))).isFalse();
        // A concave polygon.
        FieldCondition.Builder concave = FieldCondition.newBuilder().setGeoPolygon(GeoPolygon.newBuilder()
                .setExterior(ring(0, 0, 10, 0, 10, 10, 5, 2, 0, 10, 0, 0)));
        assertThat(eval(concave, loc(5, 1))).isTrue();
        assertThat(eval(concave, loc(5, 5))).isFalse();
        assertThat(eval(concave, loc(1, 5))).isTrue();
    }

    @Test
    void polygonWithoutExteriorIsMalformed() {
        assertThat(rejected(FieldCondition.newBuilder().setGeoPolygon(GeoPolygon.getDefaultInstance()))
                .getStatus().getDescription()).isEqualTo("Malformed GeoPolygon type - field `exterior` is required");
    }

    @Test
    void geoConditionsInOneFieldConditionAreOred() {
        FieldCondition.Builder c = FieldCondition.newBuilder()
                .setGeoRadius(GeoRadius.newBuilder().setCenter(geo(0, 0)).setRadius(1000))
                .setGeoBoundingBox(GeoBoundingBox.newBuilder().setTopLeft(geo(10, 50)).setBottomRight(geo(20, 40)));
        assertThat(eval(c, loc(0, 0))).isTrue();
        assertThat(eval(c, loc(15, 45))).isTrue();
        assertThat(eval(c, loc(5, 5))).isFalse();
    }

    // ---- datetime -------------------------------------------------------------------------

    static Stream<Arguments> datetimeStrings() {
        return Stream.of(
                Arguments.of("2020-02-15T00:00:00Z", "2020-02-15T00:00:00Z"),
                Arguments.of("2020-02-15T01:30:00+01:30", "2020-02-15T00:00:00Z"),
                Arguments.of("2020-02-15t00:00:00z", "2020-02-15T00:00:00Z"),
                Arguments.of("2020-02-15 00:00:00Z", "2020-02-15T00:00:00Z"),
                Arguments.of("2020-02-15T02:00:00+0200", "2020-02-15T00:00:00Z"),
                Arguments.of("2020-02-15 02:00:00+02", "2020-02-15T00:00:00Z"),
                Arguments.of("2020-02-15 02:00:00 +02:00", "2020-02-15T00:00:00Z"),
                Arguments.of("2020-02-15T00:00:00.123456Z", "2020-02-15T00:00:00.123456Z"),
                // No offset: UTC (types.rs, qdrant issue 3529)
                Arguments.of("2020-02-15T00:00:00", "2020-02-15T00:00:00Z"),
                Arguments.of("2020-02-15 00:00:00.5", "2020-02-15T00:00:00.5Z"),
                Arguments.of("2020-02-15 13:45", "2020-02-15T13:45:00Z"),
                Arguments.of("2020-02-15", "2020-02-15T00:00:00Z"));
    }

    @ParameterizedTest
    @MethodSource("datetimeStrings")
    void parsesTheFormsQdrantAccepts(String text, String instant) {
        assertThat(QdrantDatetime.parse(text)).isEqualTo(Instant.parse(instant));
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"2020-02-15T13:45", "2020-02-15T13:45Z",
        "15.02.2020", "2020-02-30", "2020-2-15", "2020-02-15T25:00:00Z", "yesterday", "2020-02-15t00:00:00"})
    void rejectsOtherForms(String text) {
        assertThat(QdrantDatetime.parse(text)).isNull();
    }

    static Timestamp ts(String instant) {
        Instant i = Instant.parse(instant);
        return Timestamp.newBuilder().setSeconds(i.getEpochSecond()).setNanos(i.getNano()).build();
    }

    @Test
    void datetimeRangeBoundsAreAnded() {
        FieldCondition.Builder c = FieldCondition.newBuilder().setDatetimeRange(DatetimeRange.newBuilder()
                .setGte(ts("2020-01-01T00:00:00Z")).setLt(ts("2021-01-01T00:00:00Z")));
        assertThat(eval(c, "2020-01-01T00:00:00Z")).isTrue();
        assertThat(eval(c, "2020-06-01")).isTrue();
        assertThat(eval(c, "2021-01-01T00:00:00Z")).isFalse();
        assertThat(eval(c, "2020-12-31T23:59:59.999+00:00")).isTrue();
        assertThat(eval(c, "2021-01-01T00:30:00+01:00")).isTrue();
        assertThat(eval(c, "2019-12-31")).isFalse();
        assertThat(eval(c, arr("2019-12-31", "2020-05-05"))).isTrue();
        assertThat(eval(c, "not a date")).isFalse();
        assertThat(eval(c, 1_600_000_000)).isFalse();
        FieldCondition.Builder open = FieldCondition.newBuilder().setDatetimeRange(DatetimeRange.newBuilder()
                .setGt(ts("2020-01-01T00:00:00Z")).setLte(ts("2020-01-02T00:00:00Z")));
        assertThat(eval(open, "2020-01-01T00:00:00Z")).isFalse();
        assertThat(eval(open, "2020-01-02T00:00:00Z")).isTrue();
    }

    @Test
    void numericRangeWinsOverDatetimeRange() {
        // conversions.rs: datetime_range is only read when range is absent.
        FieldCondition.Builder c = FieldCondition.newBuilder().setRange(Range.newBuilder().setGt(5))
                .setDatetimeRange(DatetimeRange.newBuilder().setGte(ts("2020-01-01T00:00:00Z")));
        assertThat(eval(c, 6)).isTrue();
        assertThat(eval(c, "2020-06-01")).isFalse();
    }

    @Test
    void unrepresentableTimestampIsRejected() {
        FieldCondition.Builder c = FieldCondition.newBuilder().setDatetimeRange(DatetimeRange.newBuilder()
                .setGte(Timestamp.newBuilder().setSeconds(Long.MAX_VALUE)));
        assertThat(rejected(c).getStatus().getDescription()).startsWith("Unable to parse timestamp: ");
    }
}
