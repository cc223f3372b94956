package io.github.qdrantscope.embedded.filter;

import io.github.qdrantscope.embedded.storage.QdrantErrors;
import io.qdrant.client.grpc.Common.GeoBoundingBox;
import io.qdrant.client.grpc.Common.GeoLineString;
import io.qdrant.client.grpc.Common.GeoPoint;
import io.qdrant.client.grpc.Common.GeoPolygon;
import io.qdrant.client.grpc.Common.GeoRadius;
import io.qdrant.client.grpc.JsonWithInt.Value;
import java.util.Map;

/**
 * Geo conditions on payload objects {@code {"lon": .., "lat": ..}} (both numbers; other fields are
 * ignored), as {@code GeoBoundingBox::check_point}, {@code GeoRadius::check_point} and
 * {@code PolygonWrapper::check_point} in {@code lib/segment/src/types.rs} compute them.
 */
public final class GeoMatchers {

    /** The {@code geo} crate's {@code MEAN_EARTH_RADIUS} in metres, which its Haversine uses. */
    static final double MEAN_EARTH_RADIUS = 6_371_008.8;

    private GeoMatchers() {
    }

    /** A point test on (lon, lat). */
    @FunctionalInterface
    interface PointTest {
        boolean test(double lon, double lat);
    }

    static ValueMatcher onGeoPoint(PointTest test) {
        return v -> {
            if (v.getKindCase() != Value.KindCase.STRUCT_VALUE) {
                return false;
            }
            Map<String, Value> fields = v.getStructValue().getFieldsMap();
            Value lon = fields.get("lon");
            Value lat = fields.get("lat");
            if (lon == null || lat == null || !isNumber(lon) || !isNumber(lat)) {
                return false;
            }
            return test.test(number(lon), number(lat));
        };
    }

    private static boolean isNumber(Value v) {
        return v.getKindCase() == Value.KindCase.DOUBLE_VALUE || v.getKindCase() == Value.KindCase.INTEGER_VALUE;
    }

    private static double number(Value v) {
        return v.getKindCase() == Value.KindCase.DOUBLE_VALUE ? v.getDoubleValue() : v.getIntegerValue();
    }

    /**
     * Strict inequalities on both axes; when {@code top_left.lon > bottom_right.lon} the box crosses
     * the antimeridian and the longitude test becomes {@code lon > left || lon < right}.
     *
     * @throws io.grpc.StatusRuntimeException "Malformed GeoBoundingBox type" without both corners
     */
    static ValueMatcher boundingBox(GeoBoundingBox box) {
        if (!box.hasTopLeft() || !box.hasBottomRight()) {
            throw QdrantErrors.invalidArgument("Malformed GeoBoundingBox type");
        }
        double left = box.getTopLeft().getLon();
        double top = box.getTopLeft().getLat();
        double right = box.getBottomRight().getLon();
        double bottom = box.getBottomRight().getLat();
        boolean crossesAntimeridian = left > right;
        return onGeoPoint((lon, lat) -> {
            boolean lonOk = crossesAntimeridian ? lon > left || lon < right : left < lon && lon < right;
            return lonOk && bottom < lat && lat < top;
        });
    }

    /**
     * Haversine distance from the centre strictly below the radius (metres; the wire radius is a
     * float, widened to double as Qdrant does).
     *
     * @throws io.grpc.StatusRuntimeException "Malformed GeoRadius type" without a centre
     */
    static ValueMatcher radius(GeoRadius radius) {
        if (!radius.hasCenter()) {
            throw QdrantErrors.invalidArgument("Malformed GeoRadius type");
        }
        double centerLon = radius.getCenter().getLon();
        double centerLat = radius.getCenter().getLat();
        double metres = radius.getRadius();
        return onGeoPoint((lon, lat) -> haversine(centerLon, centerLat, lon, lat) < metres);
    }

    /** The {@code geo} crate's {@code Haversine::distance}, in metres. */
    public static double haversine(double lon1, double lat1, double lon2, double lat2) {
        double theta1 = Math.toRadians(lat1);
        double theta2 = Math.toRadians(lat2);
        double deltaTheta = Math.toRadians(lat2 - lat1);
        double deltaLambda = Math.toRadians(lon2 - lon1);
        double a = Math.pow(Math.sin(deltaTheta / 2), 2)
                + Math.cos(theta1) * Math.cos(theta2) * Math.pow(Math.sin(deltaLambda / 2), 2);
        double c = 2 * Math.asin(Math.sqrt(a));
        return MEAN_EARTH_RADIUS * c;
    }

    /**
     * The {@code geo} crate's {@code Polygon::contains(Point)}: inside the exterior ring and in none of
     * the interior rings; a point on any ring's boundary is not contained.
     *
     * @throws io.grpc.StatusRuntimeException "Malformed GeoPolygon type - field `exterior` is required"
     */
    static ValueMatcher polygon(GeoPolygon polygon) {
        if (!polygon.hasExterior()) {
            throw QdrantErrors.invalidArgument("Malformed GeoPolygon type - field `exterior` is required");
        }
        double[][] exterior = ring(polygon.getExterior());
        double[][][] interiors = new double[polygon.getInteriorsCount()][][];
        for (int i = 0; i < interiors.length; i++) {
            interiors[i] = ring(polygon.getInteriors(i));
        }
        return onGeoPoint((lon, lat) -> {
            if (position(exterior, lon, lat) != INSIDE) {
                return false;
            }
            for (double[][] hole : interiors) {
                if (position(hole, lon, lat) != OUTSIDE) {
                    return false;
                }
            }
            return true;
        });
    }

    private static double[][] ring(GeoLineString line) {
        double[][] xy = new double[line.getPointsCount()][];
        for (int i = 0; i < xy.length; i++) {
            GeoPoint p = line.getPoints(i);
            xy[i] = new double[] {p.getLon(), p.getLat()};
        }
        return xy;
    }

    static final int OUTSIDE = 0;
    static final int INSIDE = 1;
    static final int ON_BOUNDARY = 2;

    /**
     * Where (x, y) lies relative to a ring, closed implicitly as the {@code geo} crate closes
     * {@code LineString}s of a polygon: crossing-number test with exact boundary detection.
     */
    static int position(double[][] ring, double x, double y) {
        int n = ring.length;
        if (n == 0) {
            return OUTSIDE;
        }
        boolean inside = false;
        for (int i = 0, j = n - 1; i < n; j = i++) {
            double xi = ring[i][0];
            double yi = ring[i][1];
            double xj = ring[j][0];
            double yj = ring[j][1];
            if (onSegment(xj, yj, xi, yi, x, y)) {
                return ON_BOUNDARY;
            }
            if ((yi > y) != (yj > y)) {
                double crossX = xj + (y - yj) * (xi - xj) / (yi - yj);
                if (x < crossX) {
                    inside = !inside;
                }
            }
        }
        return inside ? INSIDE : OUTSIDE;
    }

    private static boolean onSegment(double x1, double y1, double x2, double y2, double x, double y) {
        double cross = (x2 - x1) * (y - y1) - (y2 - y1) * (x - x1);
        if (cross != 0) {
            return false;
        }
        return Math.min(x1, x2) <= x && x <= Math.max(x1, x2) && Math.min(y1, y2) <= y && y <= Math.max(y1, y2);
    }
}
