package io.github.qdrantscope.core.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * The differential test of the wire scoping: a random sequence of {@code qdrant.Points} operations run through
 * the {@link ProjectScopeInterceptor} in one project of a collection shared with concurrently running projects
 * that write the same ids, must give exactly what the same sequence gives unscoped in a fresh collection of the
 * same configuration ({@link OracleRun}). Each seed is one sequence; seeds run {@code threads} at a time in the
 * same shared collections, so every sequence has other projects writing and reading beside it.
 *
 * <p>By default (CI) seeds 1..40 of 60 operations run. System properties (Maven passes {@code -D} through):
 * <ul>
 *   <li>{@code -Dqdrant-scope.oracle.seeds=2000}: how many seeds, from {@code qdrant-scope.oracle.from}
 *       (default 1) on: the long mode;</li>
 *   <li>{@code -Dqdrant-scope.oracle.seed=17}: only that seed (as printed by a failure);</li>
 *   <li>{@code -Dqdrant-scope.oracle.ops=60}: operations per seed;</li>
 *   <li>{@code -Dqdrant-scope.oracle.threads=4}: sequences at a time;</li>
 *   <li>{@code -Dqdrant-scope.oracle.stats=true}: print how often each operation succeeded, found nothing or
 *       failed with which status (what the run covered).</li>
 * </ul>
 * For example {@code ./mvnw -B -ntp -o -pl embedded-qdrant,scope-core verify -Dtest=ScopingOracleTest
 * -Dsurefire.failIfNoSpecifiedTests=false -Dqdrant-scope.oracle.seeds=2000}.
 *
 * <p>A difference fails with the seed, the operation's index and request, both outcomes and the operations so
 * far. Every difference that was an interceptor bug also has a regression test of its own
 * ({@link ScopingRegressionTest}).
 *
 * <p>Left out on purpose, because scoped and unscoped legitimately differ there: payload fields qdrant-scope
 * reserves (refused when scoped), {@code with_lookup} in groups (refused when scoped: group ids would be looked
 * up as stored ids), random sampling, and rankings whose equal scores Qdrant orders arbitrarily (see
 * {@link OracleOp#ties()}, {@link OracleQueries} and {@link OracleReads}).
 */
@Isolated("runs its own concurrent projects on both cores; timed, so not beside other test classes")
class ScopingOracleTest {

    private static OracleServer server;

    @BeforeAll
    static void start() {
        server = new OracleServer();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void scopedSequencesAmongConcurrentProjectsGiveWhatFreshCollectionsGive() throws Exception {
        List<Long> seeds = seeds();
        int operations = Integer.getInteger("qdrant-scope.oracle.ops", 60);
        int threads = Integer.getInteger("qdrant-scope.oracle.threads", 4);
        ConcurrentSkipListMap<Long, Throwable> failures = new ConcurrentSkipListMap<>();
        long start = System.nanoTime();
        long cpuStart = cpuNanos();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (long seed : seeds) {
                runs.add(pool.submit(() -> {
                    try {
                        new OracleRun(server, seed, operations).run();
                    }
                    catch (Throwable ex) {
                        failures.put(seed, ex);
                    }
                }));
            }
            for (Future<?> run : runs) {
                run.get();
            }
        }
        finally {
            pool.shutdownNow();
        }
        System.out.printf("ScopingOracleTest: %d seeds x %d operations, %d at a time, in %.1f s (%.1f s CPU of the"
                + " test JVM, server included); %d failed %s%n", seeds.size(), operations, threads,
                (System.nanoTime() - start) / 1e9, (cpuNanos() - cpuStart) / 1e9, failures.size(), failures.keySet());
        if (Boolean.getBoolean("qdrant-scope.oracle.stats")) {
            OracleRun.OUTCOMES.forEach((outcome, count) -> System.out.println("  " + count + "\t" + outcome));
        }
        failures.values().forEach(failure -> System.out.println(failure.getMessage().lines().findFirst().orElse("")));
        if (!failures.isEmpty()) {
            AssertionError error = new AssertionError(failures.size() + " of " + seeds.size()
                    + " seeds differ: " + failures.keySet() + "; the first:\n" + failures.firstEntry().getValue()
                        .getMessage(), failures.firstEntry().getValue());
            failures.values().stream().skip(1).limit(5).forEach(error::addSuppressed);
            throw error;
        }
        assertThat(failures).isEmpty();
    }

    /** CPU time of this JVM, where the embedded server runs too: a measure of the work that load does not skew. */
    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
            .getProcessCpuTime();
    }

    private static List<Long> seeds() {
        Long only = Long.getLong("qdrant-scope.oracle.seed");
        if (only != null) {
            return List.of(only);
        }
        long from = Long.getLong("qdrant-scope.oracle.from", 1);
        int count = Integer.getInteger("qdrant-scope.oracle.seeds", 40);
        List<Long> seeds = new ArrayList<>(count);
        for (long seed = from; seed < from + count; seed++) {
            seeds.add(seed);
        }
        return seeds;
    }
}
