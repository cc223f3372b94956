package io.github.qdrantscope.core.metrics;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The CI check of a build's per-fork reports, with nothing but the JVM and scope-core's jar (no dependencies are
 * needed on the class path):
 *
 * <pre>
 * java -cp qdrant-scope-core.jar io.github.qdrantscope.core.metrics.ContentionReportMain \
 *     [--allow-contention FORK]... [--require-contention FORK]... [--require-work] REPORT.json|DIRECTORY...
 * </pre>
 *
 * Prints every fork's line ({@link ContentionReport#table()}); exit status 0 when nothing is wrong, 1 on unexpected
 * contention (or a rule below), 2 on a usage error or when no report is found. {@code --allow-contention} names a
 * fork whose contention is expected; {@code --require-contention} one that must have contention (a reproduction) and
 * a report; {@code --require-work} fails a fork that counted no operations, collections or cleanups.
 */
public final class ContentionReportMain {

    private ContentionReportMain() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the check; returns the exit status. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        Set<String> allowed = new LinkedHashSet<>();
        Set<String> requireContention = new LinkedHashSet<>();
        boolean requireWork = false;
        List<Path> inputs = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--allow-contention", "--require-contention" -> {
                    if (i + 1 >= args.length) {
                        err.println("contention-report: " + args[i] + " needs a fork id");
                        return 2;
                    }
                    String fork = args[++i];
                    allowed.add(fork);
                    if (args[i - 1].equals("--require-contention")) {
                        requireContention.add(fork);
                    }
                }
                case "--require-work" -> requireWork = true;
                default -> {
                    if (args[i].startsWith("--")) {
                        err.println("contention-report: unknown option " + args[i] + " (known: --allow-contention FORK,"
                                + " --require-contention FORK, --require-work)");
                        return 2;
                    }
                    inputs.add(Path.of(args[i]));
                }
            }
        }
        if (inputs.isEmpty()) {
            err.println("contention-report: name the reports or their directories (target/qdrant-scope)");
            return 2;
        }
        List<Path> files = new ArrayList<>();
        for (Path input : inputs) {
            if (Files.isDirectory(input)) {
                files.addAll(reportsIn(input));
            }
            else if (Files.isRegularFile(input)) {
                files.add(input);
            }
            else {
                err.println("contention-report: no such report or directory: " + input);
                return 2;
            }
        }
        if (files.isEmpty()) {
            err.println("contention-report: no fork-*.json reports found (run the tests first; looked in: " + inputs
                    + ")");
            return 2;
        }
        List<ForkReport> reports = new ArrayList<>();
        for (Path file : files) {
            try {
                reports.add(ForkReportWriter.read(file));
            }
            catch (RuntimeException ex) {
                err.println("contention-report: " + ex.getMessage());
                return 2;
            }
        }
        ContentionReport report = new ContentionReport(reports);
        out.print(report.table());
        report.expected(allowed).forEach(out::println);
        List<String> problems = report.problems(allowed, requireWork, requireContention);
        problems.forEach(err::println);
        if (!problems.isEmpty()) {
            return 1;
        }
        out.println("qdrant-scope: no unexpected contention in " + reports.size() + " fork report(s)"
                + (requireWork ? ", each with work counted" : ""));
        return 0;
    }

    private static List<Path> reportsIn(Path directory) {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.filter(path -> {
                String name = path.getFileName().toString();
                return name.startsWith("fork-") && name.endsWith(".json");
            }).sorted().toList();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
