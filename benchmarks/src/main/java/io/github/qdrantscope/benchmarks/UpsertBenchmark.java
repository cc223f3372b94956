package io.github.qdrantscope.benchmarks;

import io.qdrant.client.grpc.Points.PointStruct;
import io.qdrant.client.grpc.Points.UpdateResult;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Upsert throughput in points per second, in batches of {@value #BATCH} 384-d points with a tenant
 * payload and {@code wait=true}: {@link #embeddedQdrant} through the official client over loopback,
 * {@link #plainCopy} copying the same vectors into a preallocated array store (the floor: what
 * remembering the vectors costs without transport, protobuf or normalisation).
 *
 * <p>The collection is recreated before every iteration so it does not grow without bound; within an
 * iteration the batches cycle through {@value #POOL} point ids, so later batches replace points, as a
 * test that re-adds its fixtures does.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@OperationsPerInvocation(UpsertBenchmark.BATCH)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class UpsertBenchmark {

    static final int BATCH = 100;
    static final int POOL = 10_000;
    static final int DIMENSION = 384;
    static final String COLLECTION = "bench_upsert";

    /** The points, pre-built in both forms so that neither side pays for building them. */
    @State(Scope.Benchmark)
    public static class Batches {
        Dataset dataset;
        int next;

        @Setup(Level.Trial)
        public void generate() {
            dataset = Dataset.generate(POOL, DIMENSION, 7);
        }

        int advance() {
            int current = next;
            next = (next + BATCH) % POOL;
            return current;
        }
    }

    /** The server with its pre-built protobuf batches. */
    @State(Scope.Benchmark)
    public static class Server {
        QdrantFixture qdrant;
        List<List<PointStruct>> batches;

        @Setup(Level.Trial)
        public void start(Batches data) {
            qdrant = QdrantFixture.start();
            batches = new java.util.ArrayList<>();
            for (int from = 0; from < POOL; from += BATCH) {
                batches.add(QdrantFixture.points(data.dataset, from, from + BATCH));
            }
        }

        @Setup(Level.Iteration)
        public void emptyCollection() {
            qdrant.createCollection(COLLECTION, DIMENSION);
        }

        @TearDown(Level.Trial)
        public void stop() {
            qdrant.close();
        }
    }

    /** The plain-array store the copy baseline writes into. */
    @State(Scope.Benchmark)
    public static class ArrayStore {
        float[][] store;

        @Setup(Level.Iteration)
        public void allocate() {
            store = new float[POOL][DIMENSION];
        }
    }

    @Benchmark
    public UpdateResult embeddedQdrant(Server server, Batches data) {
        return QdrantFixture.await(server.qdrant.client()
                .upsertAsync(COLLECTION, server.batches.get(data.advance() / BATCH)));
    }

    @Benchmark
    public float[][] plainCopy(ArrayStore arrays, Batches data) {
        int from = data.advance();
        for (int id = from; id < from + BATCH; id++) {
            System.arraycopy(data.dataset.vector(id), 0, arrays.store[id], 0, DIMENSION);
        }
        return arrays.store;
    }
}
