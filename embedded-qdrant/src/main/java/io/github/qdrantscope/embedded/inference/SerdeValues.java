package io.github.qdrantscope.embedded.inference;

import io.qdrant.client.grpc.JsonWithInt.Value;
import java.math.BigDecimal;

/**
 * What serde says about a JSON value that has the wrong type ({@code serde::de::Unexpected}'s display), for
 * the options of a {@code Document}: Qdrant turns the gRPC {@code Value}s into {@code serde_json::Value}s
 * (integers stay integers, doubles become floats) and deserializes {@code Bm25Config} from them
 * ({@code parse_bm25_config} in {@code src/common/inference/inference_input.rs}).
 */
final class SerdeValues {

    private SerdeValues() {
    }

    /** A serde error as {@code parse_bm25_config} reports it: {@code Invalid BM25 config: <Debug of the error>}. */
    static InferenceError invalid(String serdeMessage) {
        // serde_json::Error's Debug: Error("<message as a Rust string literal>", line: 0, column: 0)
        String quoted = serdeMessage.replace("\\", "\\\\").replace("\"", "\\\"");
        return new InferenceError(InferenceError.Kind.BAD_INPUT,
                "Invalid BM25 config: Error(\"" + quoted + "\", line: 0, column: 0)");
    }

    static InferenceError invalidType(Value value, String expected) {
        return invalid("invalid type: " + unexpected(value) + ", expected " + expected);
    }

    static String unexpected(Value value) {
        return switch (value.getKindCase()) {
            case STRING_VALUE -> "string \"" + value.getStringValue() + "\"";
            case INTEGER_VALUE -> "integer `" + value.getIntegerValue() + "`";
            case DOUBLE_VALUE -> "floating point `" + rustFloat(value.getDoubleValue()) + "`";
            case BOOL_VALUE -> "boolean `" + value.getBoolValue() + "`";
            case STRUCT_VALUE -> "map";
            case LIST_VALUE -> "sequence";
            default -> "unit value";
        };
    }

    static boolean isNull(Value value) {
        return value.getKindCase() == Value.KindCase.NULL_VALUE || value.getKindCase() == Value.KindCase.KIND_NOT_SET;
    }

    /** Rust's {@code Display} of an f64 (shortest round trip, never an exponent) with serde's ".0" rule. */
    static String rustFloat(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        String plain = new BigDecimal(Double.toString(value)).stripTrailingZeros().toPlainString();
        if (value == 0) {
            plain = (1 / value < 0) ? "-0" : "0";
        }
        return plain.contains(".") ? plain : plain + ".0";
    }

    /** An f64 field: any JSON number. */
    static double f64(Value value) {
        return switch (value.getKindCase()) {
            case INTEGER_VALUE -> value.getIntegerValue();
            case DOUBLE_VALUE -> value.getDoubleValue();
            default -> throw invalidType(value, "f64");
        };
    }

    /** A usize field: a non-negative JSON integer. */
    static long usize(Value value) {
        if (value.getKindCase() == Value.KindCase.INTEGER_VALUE) {
            if (value.getIntegerValue() < 0) {
                throw invalid("invalid value: integer `" + value.getIntegerValue() + "`, expected usize");
            }
            return value.getIntegerValue();
        }
        throw invalidType(value, "usize");
    }

    static boolean bool(Value value) {
        if (value.getKindCase() == Value.KindCase.BOOL_VALUE) {
            return value.getBoolValue();
        }
        throw invalidType(value, "a boolean");
    }

    static String string(Value value) {
        if (value.getKindCase() == Value.KindCase.STRING_VALUE) {
            return value.getStringValue();
        }
        throw invalidType(value, "a string");
    }
}
