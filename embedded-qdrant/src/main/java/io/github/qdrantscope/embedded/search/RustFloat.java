package io.github.qdrantscope.embedded.search;

import java.math.BigDecimal;

/** Rust's {@code Display} of an {@code f64}, as Qdrant's error texts print numbers. */
final class RustFloat {

    private RustFloat() {
    }

    /**
     * The shortest decimal that reads back as {@code d}, never in exponent form ({@code 1}, {@code 0.5},
     * {@code 100000000000000000000}), {@code inf}, {@code -inf}, {@code NaN}, {@code -0}.
     */
    static String display(double d) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "inf" : "-inf";
        }
        if (d == 0) {
            return 1 / d < 0 ? "-0" : "0";
        }
        String plain = new BigDecimal(Double.toString(d)).stripTrailingZeros().toPlainString();
        return plain;
    }
}
