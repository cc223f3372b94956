package io.github.qdrantscope.benchmarks;

import io.github.qdrantscope.embedded.EmbeddedQdrant;
import io.qdrant.client.QdrantClient;
import io.qdrant.client.grpc.QdrantOuterClass.HealthCheckReply;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Time from {@code EmbeddedQdrant.builder().port(0).start()} to the first successful HealthCheck answered
 * through a fresh official client (whose construction includes the client's own version check).
 * Closing is excluded (done in an invocation tear-down). The target: well under a second.
 *
 * <p>{@link #coldStart} measures the first start in a fresh JVM (class loading of gRPC, Netty and
 * protobuf included), which is what a test run pays once; {@link #warmStart} measures starts after
 * warm-up, which is what every further server in the same JVM costs.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class StartupBenchmark {

    /** The server and client of the current invocation, closed outside the measured time. */
    @State(Scope.Thread)
    public static class Started {
        EmbeddedQdrant server;
        QdrantClient client;

        @TearDown(Level.Invocation)
        public void close() {
            if (client != null) {
                client.close();
                client = null;
            }
            if (server != null) {
                server.close();
                server = null;
            }
        }
    }

    /**
     * Where the time goes, reported next to the score: starting the server, building the client (which
     * already makes one call, its version check) and the first HealthCheck.
     */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Phases {
        public double serverStartMs;
        public double clientBuildMs;
        public double healthCheckMs;

        @Setup(Level.Iteration)
        public void reset() {
            serverStartMs = 0;
            clientBuildMs = 0;
            healthCheckMs = 0;
        }
    }

    @Benchmark
    @Fork(3)
    @Warmup(iterations = 0)
    @Measurement(iterations = 1)
    public HealthCheckReply coldStart(Started started, Phases phases) {
        return startAndCheck(started, phases);
    }

    @Benchmark
    @Fork(1)
    @Warmup(iterations = 10)
    @Measurement(iterations = 20)
    public HealthCheckReply warmStart(Started started, Phases phases) {
        return startAndCheck(started, phases);
    }

    private static HealthCheckReply startAndCheck(Started started, Phases phases) {
        long t0 = System.nanoTime();
        started.server = EmbeddedQdrant.builder().port(0).start();
        long t1 = System.nanoTime();
        started.client = QdrantFixture.connect(started.server);
        long t2 = System.nanoTime();
        HealthCheckReply reply = QdrantFixture.await(started.client.healthCheckAsync());
        long t3 = System.nanoTime();
        phases.serverStartMs += (t1 - t0) / 1e6;
        phases.clientBuildMs += (t2 - t1) / 1e6;
        phases.healthCheckMs += (t3 - t2) / 1e6;
        return reply;
    }
}
