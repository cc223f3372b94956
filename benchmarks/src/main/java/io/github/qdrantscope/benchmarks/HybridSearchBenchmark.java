package io.github.qdrantscope.benchmarks;

import io.qdrant.client.grpc.Points.QueryPoints;
import io.qdrant.client.grpc.Points.ScoredPoint;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Hybrid search (issue 10): {@link #hybrid} sends one Query with two prefetches, a dense {@code nearest}
 * (384-d Cosine, {@link Dataset}) and a sparse {@code nearest} ({@link SparseDataset}, as
 * {@link SparseSearchBenchmark}), each its top 10, fused by RRF, top 10, through the official client over
 * loopback; {@link #dense} and {@link #sparse} send the same two searches as separate Queries. Target:
 * {@code hybrid / (dense + sparse) <= 1.2}: fusing inside the server costs at most a fifth over running the
 * searches one after the other. All three run in one fork each on the same seeded points.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms3g", "-Xmx3g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class HybridSearchBenchmark {

    static final int DIMENSION = 384;
    static final String COLLECTION = "bench_hybrid";

    /** The server with the points and the prepared requests of all three methods. */
    @State(Scope.Benchmark)
    public static class Server {

        @Param("100000")
        public int points;

        QdrantFixture qdrant;
        QueryPoints[] hybrid;
        QueryPoints[] dense;
        QueryPoints[] sparse;

        @Setup(Level.Trial)
        public void load() {
            SparseDataset sparseVectors = SparseDataset.generate(points, 100, SparseDataset.VOCABULARY,
                    SparseSearchBenchmark.SEED);
            Dataset denseVectors = Dataset.generate(points, DIMENSION, SparseSearchBenchmark.SEED);
            qdrant = QdrantFixture.start();
            SparseCollections.load(qdrant.client(), COLLECTION, sparseVectors, denseVectors);
            SparseDataset sparseQueries = SparseDataset.queries(QueryCursor.QUERIES, 25, SparseDataset.VOCABULARY,
                    SparseSearchBenchmark.SEED);
            float[][] denseQueries = Dataset.queries(QueryCursor.QUERIES, DIMENSION, SparseSearchBenchmark.SEED);
            hybrid = new QueryPoints[QueryCursor.QUERIES];
            dense = new QueryPoints[QueryCursor.QUERIES];
            sparse = new QueryPoints[QueryCursor.QUERIES];
            for (int q = 0; q < QueryCursor.QUERIES; q++) {
                hybrid[q] = SparseCollections.hybridQuery(COLLECTION, denseQueries[q], sparseQueries, q);
                dense[q] = SparseCollections.denseQuery(COLLECTION, denseQueries[q]);
                sparse[q] = SparseCollections.sparseQuery(COLLECTION, sparseQueries, q);
            }
        }

        @TearDown(Level.Trial)
        public void stop() {
            qdrant.close();
        }
    }

    @Benchmark
    public List<ScoredPoint> hybrid(Server server, QueryCursor cursor) {
        return QdrantFixture.await(server.qdrant.client().queryAsync(server.hybrid[cursor.advance()]));
    }

    @Benchmark
    public List<ScoredPoint> dense(Server server, QueryCursor cursor) {
        return QdrantFixture.await(server.qdrant.client().queryAsync(server.dense[cursor.advance()]));
    }

    @Benchmark
    public List<ScoredPoint> sparse(Server server, QueryCursor cursor) {
        return QdrantFixture.await(server.qdrant.client().queryAsync(server.sparse[cursor.advance()]));
    }
}
