package io.github.qdrantscope.benchmarks;

import com.sun.management.OperatingSystemMXBean;
import io.github.qdrantscope.embedded.search.PointsQueryEngine;
import io.github.qdrantscope.embedded.storage.StoredCollection;
import io.qdrant.client.QdrantClient;
import io.qdrant.client.grpc.Points.SearchPoints;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A cross-check of {@link SearchBenchmark}'s issue-11 ratio (filtered 10k points, in-process client / engine) that
 * holds on a busy machine: the variants run in one JVM, in blocks of calls (a block keeps one variant's data in the
 * core's cache, as a JMH fork does), in rotating order, so a burst of load from other processes hits each alike.
 * Reports each variant's median and 25th percentile per call and the JVM's CPU time per call, as ratios to
 * the first variant run ({@code engine} by default). Not JMH: use it to decide whether a JMH ratio is noise.
 *
 * <ul>
 * <li>{@code engine}: the server's engine on its own storage, on the calling thread ({@code engineInProcess});</li>
 * <li>{@code engineHandedOff}: the same, each call handed to a pooled thread and awaited: what a server executor
 * costs;</li>
 * <li>{@code inProcess}: the official client on the in-process transport ({@code embeddedQdrantInProcess});</li>
 * <li>{@code tcp}: the official client over loopback TCP ({@code embeddedQdrant}).</li>
 * </ul>
 *
 * <pre>
 * java -Xms3g -Xmx3g -cp benchmarks/target/benchmarks.jar io.github.qdrantscope.benchmarks.SearchInterleaved [rounds] [block] [variants]
 * </pre>
 * {@code variants}: a comma-separated subset of the names above (default all), e.g. {@code inProcess} alone, to
 * compare JVMs that each ran one variant, as JMH's forks do.
 */
public final class SearchInterleaved {

    private static final String[] NAMES = {"engine", "engineHandedOff", "inProcess", "tcp"};

    private SearchInterleaved() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        int block = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        List<String> variants = args.length > 2 ? List.of(args[2].split(",")) : List.of(NAMES);
        SearchBenchmark.Data data = new SearchBenchmark.Data();
        data.points = 10_000;
        data.filtered = true;
        data.generate();
        // only what the variants use, as a JMH fork loads only its benchmark's state
        SearchBenchmark.Engine engine = new SearchBenchmark.Engine();
        if (variants.contains("engine") || variants.contains("engineHandedOff")) {
            engine.load(data);
        }
        SearchBenchmark.Server server = new SearchBenchmark.Server();
        boolean serverUsed = variants.contains("inProcess") || variants.contains("tcp");
        if (serverUsed) {
            server.load(data);
        }
        ExecutorService pool = Executors.newCachedThreadPool();
        try {
            run(rounds, block, engine, server, pool, variants);
        } finally {
            pool.shutdownNow();
            if (serverUsed) {
                server.stop();
            }
        }
    }

    private interface Call {
        void run(int query) throws Exception;
    }

    private static void run(int rounds, int block, SearchBenchmark.Engine engine, SearchBenchmark.Server server,
            ExecutorService pool, List<String> variants) throws Exception {
        PointsQueryEngine queries = engine.engine;
        StoredCollection collection = engine.collection;
        SearchPoints[] requests = engine.requests;
        QdrantClient inProcess = server.inProcess;
        QdrantClient tcp = server.qdrant == null ? null : server.qdrant.client();
        Call[] calls = {
            q -> collection.read(view -> queries.search(view, requests[q])),
            q -> pool.submit(() -> collection.read(view -> queries.search(view, requests[q]))).get(),
            q -> inProcess.searchAsync(server.requests[q]).get(),
            q -> tcp.searchAsync(server.requests[q]).get(),
        };
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long[][] times = new long[NAMES.length][rounds * block];
        long[] cpu = new long[NAMES.length];
        int[] cursor = new int[NAMES.length];
        for (int round = -rounds / 3; round < rounds; round++) {
            for (int slot = 0; slot < NAMES.length; slot++) {
                int variant = (slot + Math.floorMod(round, NAMES.length)) % NAMES.length;
                if (!variants.contains(NAMES[variant])) {
                    continue;
                }
                long cpuStart = os.getProcessCpuTime();
                for (int k = 0; k < block; k++) {
                    int query = cursor[variant];
                    cursor[variant] = (query + 1) % QueryCursor.QUERIES;
                    long start = System.nanoTime();
                    calls[variant].run(query);
                    long elapsed = System.nanoTime() - start;
                    if (round >= 0) {
                        times[variant][round * block + k] = elapsed;
                    }
                }
                if (round >= 0) {
                    cpu[variant] += os.getProcessCpuTime() - cpuStart;
                }
            }
        }
        report(times, cpu, rounds * block, variants);
    }

    private static void report(long[][] times, long[] cpu, int calls, List<String> variants) {
        double[] medians = new double[NAMES.length];
        double[] quartiles = new double[NAMES.length];
        for (int variant = 0; variant < NAMES.length; variant++) {
            long[] sorted = times[variant].clone();
            Arrays.sort(sorted);
            medians[variant] = sorted[calls / 2] / 1e3;
            quartiles[variant] = sorted[calls / 4] / 1e3;
        }
        int base = List.of(NAMES).indexOf(variants.get(0));
        for (int variant = 0; variant < NAMES.length; variant++) {
            if (!variants.contains(NAMES[variant])) {
                continue;
            }
            double cpuPerCall = cpu[variant] / 1e3 / calls;
            System.out.printf(Locale.ROOT, "%-16s median %7.0f us (%.2fx)   p25 %7.0f us (%.2fx)   cpu %7.0f us (%.2fx)%n",
                    NAMES[variant], medians[variant], medians[variant] / medians[base], quartiles[variant],
                    quartiles[variant] / quartiles[base], cpuPerCall, cpu[variant] / (double) cpu[base]);
        }
    }
}
