package io.github.qdrantscope.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * Reports the CPU time the whole benchmark JVM spent per operation ({@value #LABEL}, microseconds),
 * which covers the embedded server's gRPC threads as well as the benchmark thread. On a machine shared
 * with other work, wall-clock time includes waiting for a core; CPU time mostly does not, so ratios of
 * CPU time are a cross-check of the wall-clock ratios. It also counts JIT and GC threads, so it is not a
 * replacement for them. Use with {@code -prof io.github.qdrantscope.benchmarks.ProcessCpuProfiler}.
 */
public final class ProcessCpuProfiler implements InternalProfiler {

    /** Name of the secondary result in JMH's output. */
    public static final String LABEL = "cpu.process";

    private long cpuAtStart;

    @Override
    public String getDescription() {
        return "CPU time of the benchmark JVM (all threads) per operation";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        cpuAtStart = processCpuNanos();
    }

    @Override
    public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams,
            IterationParams iterationParams, IterationResult result) {
        long cpu = processCpuNanos() - cpuAtStart;
        long ops = result.getMetadata().getAllOps();
        if (cpuAtStart < 0 || cpu < 0 || ops <= 0) {
            return List.of();
        }
        return List.of(new ScalarResult(LABEL, cpu / 1_000.0 / ops, "us/op", AggregationPolicy.AVG));
    }

    private static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }
}
