package io.github.qdrantscope.core.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The per-fork reports of a build as one table, and the verdict CI acts on: which forks saw contention that was
 * not expected, which did no counted work. The same rules {@code scripts/contention-report.sh} applied with
 * {@code jq}, in the JVM, so users of the starter or the JUnit extension need nothing else
 * ({@link ContentionReportMain}).
 */
public final class ContentionReport {

    // compile-time constants: inlined, so reading reports loads no Micrometer class
    private static final String OPERATIONS = JvmScopeMeters.OPERATIONS;

    private static final String CONTENTION = JvmScopeMeters.CONTENTION;

    private static final String CLEANUP = JvmScopeMeters.CLEANUP;

    /**
     * One fork's line.
     *
     * @param fork the fork id
     * @param collections the collections it bound or used, comma-separated, {@code -} when none
     * @param operations counted operations
     * @param contention contention per kind, in {@link ContentionKind} order
     * @param cleanups project cleanups
     * @param cleanupSeconds their total time
     */
    public record Row(String fork, String collections, long operations, long[] contention, long cleanups,
            double cleanupSeconds) {

        /** All contention events of the fork. */
        public long contentionTotal() {
            long total = 0;
            for (long count : this.contention) {
                total += count;
            }
            return total;
        }

        /** Whether the suite's work went through qdrant-scope: operations, collections and cleanups counted. */
        public boolean didWork() {
            return this.operations > 0 && !"-".equals(this.collections) && this.cleanups > 0;
        }

        static Row of(ForkReport report) {
            long[] contention = new long[ContentionKind.values().length];
            for (ContentionKind kind : ContentionKind.values()) {
                contention[kind.ordinal()] = (long) sum(report, CONTENTION, "count", kind.tag());
            }
            String collections = report.collections() == null || report.collections().isEmpty() ? "-"
                    : String.join(",", report.collections());
            return new Row(report.fork(), collections, (long) sum(report, OPERATIONS, "count", null), contention,
                    (long) sum(report, CLEANUP, "count", null),
                    Math.round(sum(report, CLEANUP, "total", null) * 1000) / 1000.0);
        }

        private static double sum(ForkReport report, String name, String statistic, String kind) {
            double total = 0;
            for (ForkReport.MeterValues meter : report.meters()) {
                if (meter.name().equals(name) && (kind == null || kind.equals(meter.tags().get("kind")))) {
                    total += meter.values().getOrDefault(statistic, 0.0);
                }
            }
            return total;
        }
    }

    private final List<Row> rows;

    /** @param reports the forks' reports */
    public ContentionReport(List<ForkReport> reports) {
        this.rows = reports.stream().map(Row::of).toList();
    }

    /** The rows, one per report. */
    public List<Row> rows() {
        return this.rows;
    }

    /** The table: fork, collections, operations, each contention kind, cleanups and their seconds. */
    public String table() {
        List<String[]> cells = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of("fork", "collection", "operations"));
        for (ContentionKind kind : ContentionKind.values()) {
            header.add(kind.tag());
        }
        header.addAll(List.of("cleanups", "cleanup_s"));
        cells.add(header.toArray(String[]::new));
        for (Row row : this.rows) {
            List<String> line = new ArrayList<>(List.of(row.fork(), row.collections(), Long.toString(row.operations())));
            for (long count : row.contention()) {
                line.add(Long.toString(count));
            }
            line.add(Long.toString(row.cleanups()));
            line.add(String.format(Locale.ROOT, "%s", trim(row.cleanupSeconds())));
            cells.add(line.toArray(String[]::new));
        }
        int[] widths = new int[header.size()];
        for (String[] line : cells) {
            for (int i = 0; i < line.length; i++) {
                widths[i] = Math.max(widths[i], line[i].length());
            }
        }
        StringBuilder table = new StringBuilder();
        for (String[] line : cells) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < line.length; i++) {
                text.append(String.format(Locale.ROOT, "%-" + widths[i] + "s  ", line[i]));
            }
            table.append(text.toString().stripTrailing()).append('\n');
        }
        return table.toString();
    }

    /**
     * What is wrong with the run, one line each; empty when nothing is: contention in a fork not in {@code allowed},
     * no counted work in a fork under {@code requireWork}, no contention in a fork of {@code requireContention} (a
     * reproduction that reproduced nothing), a fork of {@code requireContention} without a report.
     */
    public List<String> problems(Set<String> allowed, boolean requireWork, Set<String> requireContention) {
        List<String> problems = new ArrayList<>();
        for (Row row : this.rows) {
            if (requireWork && !row.didWork()) {
                problems.add("fork " + row.fork() + ": operations " + row.operations() + ", collections "
                        + row.collections() + ", cleanups " + row.cleanups()
                        + " -- the suite's work did not go through qdrant-scope (--require-work)");
            }
            if (row.contentionTotal() > 0 && !allowed.contains(row.fork())) {
                problems.add("fork " + row.fork() + ": " + row.contentionTotal()
                        + " contention events -- tests shared Qdrant data; see the kinds above");
            }
            if (requireContention.contains(row.fork()) && row.contentionTotal() == 0) {
                problems.add("fork " + row.fork() + ": no contention counted, but --require-contention "
                        + row.fork() + " expects the fork to provoke some");
            }
        }
        for (String fork : requireContention) {
            if (this.rows.stream().noneMatch(row -> row.fork().equals(fork))) {
                problems.add("fork " + fork + ": no report (--require-contention " + fork + ")");
            }
        }
        return problems;
    }

    /** The notes for forks whose contention was expected. */
    public List<String> expected(Set<String> allowed) {
        return this.rows.stream()
            .filter(row -> row.contentionTotal() > 0 && allowed.contains(row.fork()))
            .map(row -> "fork " + row.fork() + ": " + row.contentionTotal() + " contention events (expected: "
                    + "--allow-contention " + row.fork() + ")")
            .toList();
    }

    private static String trim(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
