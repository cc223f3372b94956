package io.github.qdrantscope.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContentionReportMainTest {

    @TempDir
    Path reports;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void cleanForksPassAndTheTableShowsEveryKind() {
        write("1", 12, 0, 3);
        write("2", 7, 0, 2);

        assertThat(run("--require-work", this.reports.toString())).isZero();
        assertThat(out()).isEqualTo("""
                fork  collection  operations  collection_claim  foreign_point  unscoped_read  unscoped_write  unscoped_delete  cleanups  cleanup_s
                1     c1          12          0                 0              0              0               0                3         0.5
                2     c2          7           0                 0              0              0               0                2         0.5
                qdrant-scope: no unexpected contention in 2 fork report(s), each with work counted
                """);
        assertThat(err()).isEmpty();
    }

    @Test
    void unexpectedContentionFailsNamingTheFork() {
        write("1", 12, 0, 3);
        write("2", 7, 4, 2);

        assertThat(run(this.reports.toString())).isEqualTo(1);
        assertThat(err()).isEqualTo("fork 2: 4 contention events -- tests shared Qdrant data; see the kinds above\n");
    }

    @Test
    void allowedContentionIsShownAndPasses() {
        write("1", 12, 0, 3);
        write("reproduction", 3, 24, 6);

        assertThat(run("--allow-contention", "reproduction", this.reports.toString())).isZero();
        assertThat(out()).contains("fork reproduction: 24 contention events (expected: --allow-contention reproduction)");
    }

    @Test
    void aRequiredReproductionMustHaveContentionAndAReport() {
        write("1", 12, 0, 3);
        write("reproduction", 3, 0, 6);

        assertThat(run("--require-contention", "reproduction", "--require-contention", "other",
                this.reports.toString())).isEqualTo(1);
        assertThat(err()).isEqualTo("""
                fork reproduction: no contention counted, but --require-contention reproduction expects the fork to provoke some
                fork other: no report (--require-contention other)
                """);
    }

    @Test
    void requireWorkFailsAForkThatCountedNothing() {
        write("1", 0, 0, 3);

        assertThat(run("--require-work", this.reports.resolve("fork-1.json").toString())).isEqualTo(1);
        assertThat(err()).contains("fork 1: operations 0, collections c1, cleanups 3 -- the suite's work did not go"
                + " through qdrant-scope (--require-work)");
    }

    @Test
    void usageErrorsAndMissingReportsAreStatusTwo() {
        assertThat(run(this.reports.toString())).isEqualTo(2);
        assertThat(err()).contains("no fork-*.json reports found");
        assertThat(run("--allow-contention")).isEqualTo(2);
        assertThat(run("--verbose", this.reports.toString())).isEqualTo(2);
        assertThat(run(this.reports.resolve("missing").toString())).isEqualTo(2);
    }

    @Test
    void runsWithScopeCoreAloneOnTheClassPath() throws Exception {
        write("1", 12, 0, 3);
        Path classes = Path.of(ContentionReportMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classes.toString(), ContentionReportMain.class.getName(), this.reports.toString())
            .redirectErrorStream(true)
            .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).endsWith("qdrant-scope: no unexpected contention in 1 fork report(s)\n");
    }

    private int run(String... args) {
        this.out.reset();
        this.err.reset();
        return ContentionReportMain.run(args, new PrintStream(this.out, true, StandardCharsets.UTF_8),
                new PrintStream(this.err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return this.out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return this.err.toString(StandardCharsets.UTF_8);
    }

    private void write(String fork, long operations, long unscopedReads, long cleanups) {
        List<ForkReport.MeterValues> meters = List.of(
                new ForkReport.MeterValues("qdrant.scope.cleanup", "timer", Map.of(),
                        Map.of("count", (double) cleanups, "total", 0.5)),
                new ForkReport.MeterValues("qdrant.scope.contention", "counter", Map.of("kind", "unscoped_read"),
                        Map.of("count", (double) unscopedReads)),
                new ForkReport.MeterValues("qdrant.scope.operations", "timer",
                        Map.of("operation", "search", "scoped", "true"), Map.of("count", (double) operations)));
        new ForkReportWriter(this.reports).write(new ForkReport(fork, "test", "run", "test", "embedded",
                List.of("c" + fork.charAt(0)), meters));
    }
}
