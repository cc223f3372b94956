package io.github.qdrantscope.embedded.search;

import io.qdrant.client.grpc.JsonWithInt.ListValue;
import io.qdrant.client.grpc.JsonWithInt.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Payload values as a formula reads them: the payload retriever of Qdrant 1.17's
 * {@code rescore_formula/value_retriever.rs} (flattening) and the geo point conversion of {@code formula_scorer.rs}.
 */
final class FormulaValues {

    private FormulaValues() {
    }

    /**
     * The values at a key: an array reached without a {@code []} suffix is flattened one level, as Qdrant flattens
     * payload values for its indexes; with the suffix the values stay as the path yields them.
     */
    static List<Value> flattened(List<Value> values, String key) {
        if (key.endsWith("[]")) {
            return values;
        }
        List<Value> out = new ArrayList<>(values.size());
        for (Value v : values) {
            if (v.getKindCase() == Value.KindCase.LIST_VALUE) {
                out.addAll(v.getListValue().getValuesList());
            } else {
                out.add(v);
            }
        }
        return out;
    }

    static Value array(List<Value> values) {
        return Value.newBuilder().setListValue(ListValue.newBuilder().addAllValues(values)).build();
    }

    /**
     * A geo point object ({@code lat}, {@code lon}) as {@code {lon, lat}}; otherwise the variable type error.
     * The descriptions follow serde's and {@code GeoPoint}'s texts for the common cases (not observed).
     */
    static double[] geoPoint(Value v, String key) {
        if (v.getKindCase() != Value.KindCase.STRUCT_VALUE) {
            throw FormulaScorer.typeError(key, "geo point", "invalid type: " + kind(v) + ", expected struct GeoPoint");
        }
        Map<String, Value> fields = v.getStructValue().getFieldsMap();
        Double lon = coordinate(fields.get("lon"));
        Double lat = coordinate(fields.get("lat"));
        if (lon == null || lat == null) {
            throw FormulaScorer.typeError(key, "geo point", "missing field `" + (lon == null ? "lon" : "lat") + "`");
        }
        if (lat < -90 || lat > 90 || lon < -180 || lon > 180) {
            throw FormulaScorer.typeError(key, "geo point", "Wrong format of GeoPoint payload: expected `lat` = "
                    + RustFloat.display(lat) + " within [-90;90] and `lon` = " + RustFloat.display(lon)
                    + " within [-180;180]");
        }
        return new double[] {lon, lat};
    }

    private static Double coordinate(Value v) {
        if (v == null) {
            return null;
        }
        return switch (v.getKindCase()) {
            case INTEGER_VALUE -> (double) v.getIntegerValue();
            case DOUBLE_VALUE -> v.getDoubleValue();
            default -> null;
        };
    }

    private static String kind(Value v) {
        return switch (v.getKindCase()) {
            case INTEGER_VALUE -> "integer `" + v.getIntegerValue() + "`";
            case DOUBLE_VALUE -> "floating point `" + RustFloat.display(v.getDoubleValue()) + "`";
            case STRING_VALUE -> "string \"" + v.getStringValue() + "\"";
            case BOOL_VALUE -> "boolean `" + v.getBoolValue() + "`";
            case LIST_VALUE -> "sequence";
            default -> "null";
        };
    }
}
