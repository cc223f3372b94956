package io.github.qdrantscope.benchmarks.wire;

import io.github.qdrantscope.benchmarks.QueryCursor;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.IntConsumer;

/**
 * A cross-check of {@link WireScopingBenchmark}'s server-side ratios that holds on a busy machine: the variants
 * run in one JVM on one server, alternately (rotating which goes first), and the report is each variant's median
 * and 25th percentile per call, so a burst of load from other processes hits every variant alike. It is not JMH
 * (no forks, no per-iteration statistics); use it to decide whether a JMH ratio is noise.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.github.qdrantscope.benchmarks.wire.WireInterleaved upsert|search|query [rounds]
 * </pre>
 */
public final class WireInterleaved {

    private WireInterleaved() {
    }

    public static void main(String[] args) {
        String what = args.length > 0 ? args[0] : "upsert";
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        WireScopingBenchmark benchmark = new WireScopingBenchmark();
        if ("upsert".equals(what)) {
            WireScopingBenchmark.Upsert upsert = new WireScopingBenchmark.Upsert();
            upsert.start();
            upsert.emptyCollection();
            try {
                // the collection is emptied every 100 rounds, as the JMH benchmark empties it every iteration
                report(what, rounds, new String[] {"unscoped", "stamped", "scoped", "unscopedBuilt", "scopedBuilt"}, round -> {
                    if (round % 100 == 0) {
                        upsert.emptyCollection();
                    }
                }, (variant, round) -> {
                    switch (variant) {
                        case 0 -> benchmark.unscopedUpsert(upsert);
                        case 1 -> benchmark.stampedUpsert(upsert);
                        case 2 -> benchmark.scopedUpsert(upsert);
                        case 3 -> benchmark.unscopedUpsertBuilt(upsert);
                        default -> benchmark.scopedUpsertBuilt(upsert);
                    }
                });
            } finally {
                upsert.stop();
            }
        } else {
            WireScopingBenchmark.Search search = new WireScopingBenchmark.Search();
            search.rpc = what;
            search.start();
            QueryCursor unscoped = new QueryCursor();
            QueryCursor scoped = new QueryCursor();
            try {
                report(what, rounds, new String[] {"unscoped", "scoped"}, round -> { }, (variant, round) -> {
                    if (variant == 0) {
                        benchmark.unscopedSearch(search, unscoped);
                    } else {
                        benchmark.scopedSearch(search, scoped);
                    }
                });
            } finally {
                search.stop();
            }
        }
    }

    interface Call {
        void run(int variant, int round);
    }

    /**
     * Runs half as many warm-up rounds, then {@code rounds} timed ones, each variant once per round
     * in rotating order; prints medians and 25th percentiles, and their ratios to variant 0.
     */
    static void report(String what, int rounds, String[] names, IntConsumer beforeRound, Call call) {
        long[][] times = new long[names.length][rounds];
        for (int round = -rounds / 2; round < rounds; round++) {
            beforeRound.accept(round);
            for (int slot = 0; slot < names.length; slot++) {
                int variant = (slot + Math.floorMod(round, names.length)) % names.length;
                long start = System.nanoTime();
                call.run(variant, round);
                long elapsed = System.nanoTime() - start;
                if (round >= 0) {
                    times[variant][round] = elapsed;
                }
            }
        }
        double[] medians = new double[names.length];
        double[] quartiles = new double[names.length];
        for (int variant = 0; variant < names.length; variant++) {
            long[] sorted = times[variant].clone();
            Arrays.sort(sorted);
            medians[variant] = sorted[rounds / 2] / 1e3;
            quartiles[variant] = sorted[rounds / 4] / 1e3;
        }
        for (int variant = 0; variant < names.length; variant++) {
            System.out.printf(Locale.ROOT, "%s %-9s median %8.0f us (%.2fx)   p25 %8.0f us (%.2fx)%n", what,
                    names[variant], medians[variant], medians[variant] / medians[0], quartiles[variant],
                    quartiles[variant] / quartiles[0]);
        }
    }
}
