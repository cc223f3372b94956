package io.github.qdrantscope.benchmarks;

/**
 * One ratio the suite reports: the cost of {@code subject} divided by the cost of {@code baseline},
 * both benchmark methods run with the same parameters in the same run. Cost is time per operation, so
 * a throughput score is inverted first; the ratio reads "subject costs N times the baseline" whatever
 * the mode. Without a baseline, the subject's score itself is checked against the target (an absolute
 * figure such as a start-up time).
 *
 * @param name what is compared, for the report
 * @param subject fully qualified name of the benchmark method measured
 * @param baseline fully qualified name of the benchmark method it is divided by, or {@code null}
 * @param addend fully qualified name of a second benchmark method whose cost is added to the baseline's
 *     before dividing ("subject / (baseline + addend)", e.g. a fused query against its two searches run
 *     separately), or {@code null}
 * @param atMost the target as an upper bound on the ratio, or {@code null}
 * @param atLeast the target as a lower bound on the ratio, or {@code null}
 * @param targetText how the issue phrases the target
 */
public record Comparison(String name, String subject, String baseline, String addend, Double atMost,
        Double atLeast, String targetText) {

    /** A comparison whose ratio should be at most {@code bound}. */
    static Comparison atMost(String name, String subject, String baseline, double bound, String targetText) {
        return new Comparison(name, subject, baseline, null, bound, null, targetText);
    }

    /** A comparison whose ratio should be at least {@code bound}. */
    static Comparison atLeast(String name, String subject, String baseline, double bound, String targetText) {
        return new Comparison(name, subject, baseline, null, null, bound, targetText);
    }

    /**
     * A comparison whose ratio {@code subject / (first + second)} should be at most {@code bound}: the cost
     * of one operation against the summed costs of two others (both in the same mode and unit).
     */
    static Comparison atMostSum(String name, String subject, String first, String second, double bound,
            String targetText) {
        return new Comparison(name, subject, first, second, bound, null, targetText);
    }

    /** The subject's own score, in its unit, should be at most {@code bound}. */
    static Comparison absoluteAtMost(String name, String subject, double bound, String targetText) {
        return new Comparison(name, subject, null, null, bound, null, targetText);
    }

    /** The subject's own score, in its unit, reported for information, without a target. */
    static Comparison absolute(String name, String subject, String note) {
        return new Comparison(name, subject, null, null, null, null, note);
    }

    /** A comparison reported for information, without a target. */
    static Comparison informative(String name, String subject, String baseline, String note) {
        return new Comparison(name, subject, baseline, null, null, null, note);
    }

    public boolean hasTarget() {
        return atMost != null || atLeast != null;
    }

    /** Whether {@code ratio} meets the target; true when there is none. */
    public boolean meets(double ratio) {
        return (atMost == null || ratio <= atMost) && (atLeast == null || ratio >= atLeast);
    }
}
