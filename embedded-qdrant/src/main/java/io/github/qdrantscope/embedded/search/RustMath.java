package io.github.qdrantscope.embedded.search;

/** Rust's {@code f64} functions where Java's differ on special values. */
final class RustMath {

    private RustMath() {
    }

    /** {@code f64::powf} (C's {@code pow}): {@code pow(1, y)} is 1 and {@code pow(-1, ±inf)} is 1, even for NaN y. */
    static double powf(double base, double exponent) {
        if (base == 1.0 || (base == -1.0 && Double.isInfinite(exponent))) {
            return 1.0;
        }
        return Math.pow(base, exponent);
    }

    /** {@code f64::max}: a NaN operand yields the other one. */
    static double max(double a, double b) {
        if (Double.isNaN(a)) {
            return b;
        }
        if (Double.isNaN(b)) {
            return a;
        }
        return Math.max(a, b);
    }
}
