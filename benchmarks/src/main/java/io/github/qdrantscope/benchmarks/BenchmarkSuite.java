package io.github.qdrantscope.benchmarks;

import io.github.qdrantscope.core.ScopedProject;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs the whole benchmark set with the short settings in the benchmarks' annotations (sized for a
 * 2-core machine), writes JMH's JSON result file and prints the scores and ratios as Markdown.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.github.qdrantscope.benchmarks.BenchmarkSuite [jmh options] [regex]
 * </pre>
 *
 * Any JMH command-line option may be passed and wins over the annotations; without {@code -rff} the
 * JSON goes to {@code benchmarks/target/jmh-result.json} (or {@code target/jmh-result.json}), and the
 * Markdown report next to it as {@code benchmarks-report.md}.
 */
public final class BenchmarkSuite {

    private static final String PACKAGE = BenchmarkSuite.class.getPackageName() + ".";

    /** The ratios the issues ask for. */
    static final List<Comparison> COMPARISONS = List.of(
            Comparison.atMost("Search: embedded Qdrant / plain scan", PACKAGE + "SearchBenchmark.embeddedQdrant",
                    PACKAGE + "SearchBenchmark.plainScan", 2.0, "≤ 2x (issue 2)"),
            Comparison.informative("Search: server's engine in process (no gRPC) / plain scan",
                    PACKAGE + "SearchBenchmark.engineInProcess", PACKAGE + "SearchBenchmark.plainScan",
                    "diagnostic: engine share of the gap"),
            Comparison.informative("Search: embedded Qdrant over gRPC / its engine in process",
                    PACKAGE + "SearchBenchmark.embeddedQdrant", PACKAGE + "SearchBenchmark.engineInProcess",
                    "diagnostic: transport share of the gap"),
            Comparison.atMost("Search: embedded Qdrant on its in-process transport / its engine in process",
                    PACKAGE + "SearchBenchmark.embeddedQdrantInProcess", PACKAGE + "SearchBenchmark.engineInProcess",
                    1.3, "≤ 1.3x for filtered 10k points (issue 11)"),
            Comparison.atMost("Sparse search, 100k points: embedded Qdrant / plain inverted index",
                    PACKAGE + "SparseSearchBenchmark.embeddedQdrant", PACKAGE + "SparseSearchBenchmark.plainInvertedIndex",
                    2.0, "≤ 2x (issue 10)"),
            Comparison.atMost("Sparse search, 100k points: embedded Qdrant on its in-process transport / plain inverted index",
                    PACKAGE + "SparseSearchBenchmark.embeddedQdrantInProcess",
                    PACKAGE + "SparseSearchBenchmark.plainInvertedIndex", 2.0,
                    "≤ 2x (issue 10), through the client as the starter connects it"),
            Comparison.informative("Sparse search: server's engine in process (no gRPC) / plain inverted index",
                    PACKAGE + "SparseSearchBenchmark.engineInProcess", PACKAGE + "SparseSearchBenchmark.plainInvertedIndex",
                    "diagnostic: engine share of the gap"),
            Comparison.atMostSum("Hybrid search: prefetch dense + sparse, RRF / (dense search + sparse search)",
                    PACKAGE + "HybridSearchBenchmark.hybrid", PACKAGE + "HybridSearchBenchmark.dense",
                    PACKAGE + "HybridSearchBenchmark.sparse", 1.2, "≤ 1.2x (issue 10)"),
            Comparison.informative("Upsert: embedded Qdrant / plain array copy, per point",
                    PACKAGE + "UpsertBenchmark.embeddedQdrant", PACKAGE + "UpsertBenchmark.plainCopy",
                    "none (points/s is the figure)"),
            Comparison.atMost("Seed 100k x 384-d: restore a snapshot / re-upsert through the client",
                    PACKAGE + "SnapshotRestoreBenchmark.restoreSnapshot", PACKAGE + "SnapshotRestoreBenchmark.reupsert",
                    0.5, "≤ 0.5x (issue 10)"),
            Comparison.absoluteAtMost("Start to first HealthCheck, first in a fresh JVM",
                    PACKAGE + "StartupBenchmark.coldStart", 1000, "well under 1 s (issue 2)"),
            Comparison.absoluteAtMost("Start to first HealthCheck, warm JVM",
                    PACKAGE + "StartupBenchmark.warmStart", 1000, "well under 1 s (issue 2)"),
            Comparison.atLeast("Isolation: context reload / @ScopedProject, per test",
                    PACKAGE + "scope.IsolationBenchmark.contextReload", PACKAGE + "scope.IsolationBenchmark.scopedProject",
                    50, "≥ 50x (issue 3)"),
            Comparison.atMost("Isolation: @ScopedProject / clearing a shared collection, per test",
                    PACKAGE + "scope.IsolationBenchmark.scopedProject",
                    PACKAGE + "scope.IsolationBenchmark.clearSharedCollection", 1.5, "≤ 1.5x (issue 3)"),
            Comparison.atLeast("Isolation: @ScopedProject on the starter's embedded server, TCP / in-process, per test",
                    PACKAGE + "scope.IsolationBenchmark.scopedProjectTcp",
                    PACKAGE + "scope.IsolationBenchmark.scopedProjectInProcess", 1.5, "≥ 1.5x (issue 11)"),
            Comparison.atMost("similaritySearch over 10k points: scoped / raw QdrantVectorStore",
                    PACKAGE + "scope.ScopedSearchBenchmark.scoped", PACKAGE + "scope.ScopedSearchBenchmark.raw",
                    1.10, "≤ 1.10x (issue 3)"),
            Comparison.atMost("Wire scoping: raw Search/Query, top 10 of a project's 10k points (100k in the"
                    + " collection): scoped client / plain client sending the same project condition",
                    PACKAGE + "wire.WireScopingBenchmark.scopedSearch", PACKAGE + "wire.WireScopingBenchmark.unscopedSearch",
                    1.10, "≤ 1.10x (issue 8)"),
            Comparison.atMost("Wire scoping: Upsert of 100 points: scoped client / plain client",
                    PACKAGE + "wire.WireScopingBenchmark.scopedUpsert", PACKAGE + "wire.WireScopingBenchmark.unscopedUpsert",
                    1.15, "≤ 1.15x (issue 8)"),
            Comparison.informative("Wire scoping: Upsert, scoped client / plain client sending the scoped client's requests",
                    PACKAGE + "wire.WireScopingBenchmark.scopedUpsert", PACKAGE + "wire.WireScopingBenchmark.stampedUpsert",
                    "diagnostic: the interceptor's share"),
            Comparison.informative("Wire scoping: Upsert, plain client sending the scoped client's requests / plain client",
                    PACKAGE + "wire.WireScopingBenchmark.stampedUpsert", PACKAGE + "wire.WireScopingBenchmark.unscopedUpsert",
                    "diagnostic: the server's cost of stamped points"),
            Comparison.absolute("Wire scoping: one call through the interceptor inside a scope, no server",
                    PACKAGE + "wire.WireScopingBenchmark.interceptorScoped", "diagnostic: subtract the harness row"),
            Comparison.absolute("Wire scoping: one call through the interceptor outside any scope (guard), no server",
                    PACKAGE + "wire.WireScopingBenchmark.interceptorOutsideScope", "diagnostic: subtract the harness row"),
            Comparison.absolute("Wire scoping: the same call without the interceptor (harness alone)",
                    PACKAGE + "wire.WireScopingBenchmark.noInterceptor", "diagnostic"));

    private BenchmarkSuite() {
    }

    public static void main(String[] args) throws Exception {
        CommandLineOptions cli = new CommandLineOptions(args);
        ChainedOptionsBuilder options = new OptionsBuilder().parent(cli);
        Path json = cli.getResult().hasValue() ? Path.of(cli.getResult().get()) : defaultResultFile();
        options.resultFormat(ResultFormatType.JSON).result(json.toString());
        options.addProfiler(ProcessCpuProfiler.class);
        if (cli.getIncludes().isEmpty()) {
            options.include(PACKAGE.replace(".", "\\.") + ".*");
        }
        Instant started = Instant.now();
        new Runner(options.build()).run();
        Path report = json.resolveSibling("benchmarks-report.md");
        try (PrintStream out = new PrintStream(Files.newOutputStream(report), true, StandardCharsets.UTF_8)) {
            out.println("Run started " + started + ", took " + Duration.between(started, Instant.now()).toSeconds()
                    + " s; " + machine());
            out.println("JMH results: " + json.toAbsolutePath());
            out.println();
            RatioReport.print(RatioReport.read(json), COMPARISONS, out);
        }
        System.out.println();
        System.out.print(Files.readString(report));
        System.out.println();
        System.out.println("Report written to " + report.toAbsolutePath());
    }

    /** The facts about the machine a reader needs to interpret the numbers. */
    static String machine() {
        Runtime runtime = Runtime.getRuntime();
        long memory = ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getTotalMemorySize() : -1;
        return String.format(Locale.ROOT,
                "%d CPUs, %.1f GiB RAM, %s %s (%s), Java %s (%s), load average %.2f at the end",
                runtime.availableProcessors(), memory / (1024.0 * 1024 * 1024), System.getProperty("os.name"), System.getProperty("os.version"),
                System.getProperty("os.arch"), System.getProperty("java.runtime.version"),
                System.getProperty("java.vm.name"),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private static Path defaultResultFile() throws java.io.IOException {
        Path target = Files.isDirectory(Path.of("benchmarks", "target")) ? Path.of("benchmarks", "target")
                : Path.of("target");
        Files.createDirectories(target);
        return target.resolve("jmh-result.json");
    }
}
