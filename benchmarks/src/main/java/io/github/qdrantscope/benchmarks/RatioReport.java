package io.github.qdrantscope.benchmarks;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns a JMH JSON result file ({@code -rf json}) into a Markdown table of scores and the ratios of
 * {@link Comparison}s, so the ratios can be recomputed from any saved run:
 * {@code java -cp benchmarks.jar io.github.qdrantscope.benchmarks.RatioReport results.json}.
 */
public final class RatioReport {

    /**
     * One benchmark result: method, parameters and its primary metric ({@code best} is the best single
     * iteration, as a score); {@code cpu} is the {@link ProcessCpuProfiler}'s microseconds per operation,
     * NaN when it was not enabled.
     */
    record Result(String benchmark, String mode, Map<String, String> params, double score, double error,
            double best, String unit, double cpu, Map<String, Double> secondary) {

        /** Time per operation, whatever the mode, so that costs can be divided. */
        double cost() {
            return isThroughput() ? 1 / score : score;
        }

        /** The cost of the best iteration: least disturbed by other processes on a shared machine. */
        double bestCost() {
            return isThroughput() ? 1 / best : best;
        }

        /** The cost interval score ± error, expressed as costs (low, high). */
        double[] costRange() {
            double low = Math.max(score - error, Double.MIN_VALUE);
            double high = score + error;
            return isThroughput() ? new double[] {1 / high, 1 / low} : new double[] {low, high};
        }

        boolean isThroughput() {
            return "thrpt".equals(mode);
        }

        String shortName() {
            String method = benchmark.substring(benchmark.lastIndexOf('.', benchmark.lastIndexOf('.') - 1) + 1);
            return params.isEmpty() ? method : method + " " + params;
        }
    }

    private RatioReport() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: RatioReport <jmh-result.json>");
            System.exit(2);
        }
        print(read(Path.of(args[0])), BenchmarkSuite.COMPARISONS, System.out);
    }

    static List<Result> read(Path json) throws IOException {
        JsonNode root = JsonMapper.builder().build().readTree(Files.readString(json));
        List<Result> results = new ArrayList<>();
        for (JsonNode run : root) {
            Map<String, String> params = new TreeMap<>();
            run.path("params").properties().forEach(p -> params.put(p.getKey(), p.getValue().asString()));
            JsonNode metric = run.path("primaryMetric");
            double error = number(metric.path("scoreError"));
            String mode = run.path("mode").asString();
            double best = Double.NaN;
            for (JsonNode fork : metric.path("rawData")) {
                for (JsonNode iteration : fork) {
                    double value = number(iteration);
                    if (Double.isNaN(best) || ("thrpt".equals(mode) ? value > best : value < best)) {
                        best = value;
                    }
                }
            }
            double cpu = Double.NaN;
            Map<String, Double> others = new TreeMap<>();
            for (Map.Entry<String, JsonNode> secondary : run.path("secondaryMetrics").properties()) {
                double value = iterationMean(secondary.getValue());
                if (secondary.getKey().endsWith(ProcessCpuProfiler.LABEL)) {
                    cpu = value;
                } else {
                    others.put(secondary.getKey(), value);
                }
            }
            results.add(new Result(run.path("benchmark").asString(), mode, params,
                    number(metric.path("score")), Double.isNaN(error) ? 0 : error, best,
                    metric.path("scoreUnit").asString(), cpu, others));
        }
        return results;
    }

    /**
     * The mean over iterations: for averaged metrics it is the score, for {@code @AuxCounters} events
     * (which JMH sums over iterations and forks) it is the value per iteration.
     */
    private static double iterationMean(JsonNode metric) {
        double sum = 0;
        int count = 0;
        for (JsonNode fork : metric.path("rawData")) {
            for (JsonNode iteration : fork) {
                sum += number(iteration);
                count++;
            }
        }
        return count == 0 ? number(metric.path("score")) : sum / count;
    }

    /** JMH writes {@code "NaN"} as a string when there are too few samples for an error. */
    private static double number(JsonNode node) {
        return node.isNumber() ? node.doubleValue() : Double.parseDouble(node.asString());
    }

    static void print(List<Result> results, List<Comparison> comparisons, PrintStream out) {
        out.println("| Benchmark | Mode | Score | ± (99.9%) | Best iteration | Unit | JVM CPU time, us/op | Other metrics |");
        out.println("|---|---|---:|---:|---:|---|---:|---|");
        for (Result r : results) {
            StringBuilder others = new StringBuilder();
            r.secondary().forEach((name, value) -> others.append(others.isEmpty() ? "" : ", ")
                    .append(name).append(' ').append(number(value)));
            out.printf(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s | %s |%n", r.shortName(), r.mode(),
                    number(r.score()), number(r.error()), number(r.best()), r.unit(), number(r.cpu()), others);
        }
        out.println();
        out.println("| Comparison | Params | Ratio of means (subject / baseline cost) | Range from errors"
                + " | Ratio of best iterations | Ratio of CPU time | Target | Met (means) |");
        out.println("|---|---|---:|---|---:|---:|---|---|");
        for (Comparison c : comparisons) {
            Map<Result, Result> pairs = pairs(results, c);
            if (pairs.isEmpty()) {
                out.printf(Locale.ROOT, "| %s | | not in this run | | | | %s | |%n", c.name(), c.targetText());
            }
            for (Map.Entry<Result, Result> pair : pairs.entrySet()) {
                Result subject = pair.getKey();
                Result baseline = pair.getValue();
                double value;
                double best;
                double cpu;
                String range;
                if (baseline == null) {
                    value = subject.score();
                    best = subject.best();
                    cpu = Double.NaN;
                    range = subject.error() >= subject.score() ? "unbounded (error ≥ score)"
                            : number(subject.score() - subject.error()) + " – "
                                    + number(subject.score() + subject.error()) + " " + subject.unit();
                } else {
                    value = subject.cost() / baseline.cost();
                    best = subject.bestCost() / baseline.bestCost();
                    cpu = subject.cpu() / baseline.cpu();
                    double[] s = subject.costRange();
                    double[] b = baseline.costRange();
                    range = subject.error() >= subject.score() || baseline.error() >= baseline.score()
                            ? "unbounded (error ≥ score)"
                            : number(s[0] / b[1]) + " – " + number(s[1] / b[0]);
                }
                out.printf(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s | %s |%n", c.name(),
                        subject.params().isEmpty() ? "" : subject.params(),
                        baseline == null ? number(value) + " " + subject.unit() : number(value), range,
                        number(best), number(cpu), c.targetText(), !c.hasTarget() ? "–" : c.meets(value) ? "yes" : "**no**");
            }
        }
    }

    /**
     * Each subject result with the baseline result of equal parameters, in subject order; for an absolute
     * comparison (no baseline) each subject result maps to {@code null}.
     */
    static Map<Result, Result> pairs(List<Result> results, Comparison comparison) {
        Map<Result, Result> pairs = new LinkedHashMap<>();
        for (Result subject : results) {
            if (!subject.benchmark().equals(comparison.subject())) {
                continue;
            }
            if (comparison.baseline() == null) {
                pairs.put(subject, null);
                continue;
            }
            Result baseline = find(results, comparison.baseline(), subject.params());
            Result addend = comparison.addend() == null ? null : find(results, comparison.addend(), subject.params());
            if (baseline != null && comparison.addend() == null) {
                pairs.put(subject, baseline);
            } else if (baseline != null && addend != null) {
                pairs.put(subject, sum(baseline, addend));
            }
        }
        return pairs;
    }

    private static Result find(List<Result> results, String benchmark, Map<String, String> params) {
        return results.stream()
                .filter(r -> r.benchmark().equals(benchmark))
                .filter(r -> Objects.equals(r.params(), params))
                .findFirst()
                .orElse(null);
    }

    /**
     * One operation that costs what {@code a} and {@code b} cost together: scores, best iterations and CPU
     * times added, errors added (the widest interval their 99.9% intervals allow).
     *
     * @throws IllegalArgumentException when the two are in different modes or units, which cannot be added
     */
    static Result sum(Result a, Result b) {
        if (!a.mode().equals(b.mode()) || !a.unit().equals(b.unit()) || a.isThroughput()) {
            throw new IllegalArgumentException("Cannot add the costs of " + a.benchmark() + " (" + a.mode() + ", "
                    + a.unit() + ") and " + b.benchmark() + " (" + b.mode() + ", " + b.unit()
                    + "): a sum needs two average-time results in one unit");
        }
        return new Result(a.benchmark() + " + " + b.benchmark(), a.mode(), a.params(), a.score() + b.score(),
                a.error() + b.error(), a.best() + b.best(), a.unit(), a.cpu() + b.cpu(), Map.of());
    }

    private static String number(double value) {
        if (Double.isNaN(value)) {
            return "";
        }
        double magnitude = Math.abs(value);
        if (magnitude >= 100) {
            return String.format(Locale.ROOT, "%.0f", value);
        }
        if (magnitude >= 1) {
            return String.format(Locale.ROOT, "%.2f", value);
        }
        return String.format(Locale.ROOT, "%.4f", value);
    }
}
