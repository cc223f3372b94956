package io.github.qdrantscope.benchmarks;

/**
 * One ratio the suite reports: the cost of {@code subject} divided by the cost of {@code baseline},
 * both benchmark methods run with the same parameters in the same run. Cost is time per operation, so
 * a throughput score is inverted first; the ratio reads "subject costs N times the baseline" whatever
 * the mode.
 *
 * @param name what is compared, for the report
 * @param subject fully qualified name of the benchmark method measured
 * @param baseline fully qualified name of the benchmark method it is divided by
 * @param target the target, as an upper bound on the ratio, or {@code null} when none
 * @param targetText how the issue phrases the target
 */
public record Comparison(String name, String subject, String baseline, Double target, String targetText) {

    /** Whether {@code ratio} meets the target; true when there is none. */
    public boolean meets(double ratio) {
        return target == null || ratio <= target;
    }
}
