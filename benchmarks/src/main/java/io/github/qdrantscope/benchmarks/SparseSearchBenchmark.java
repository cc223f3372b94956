package io.github.qdrantscope.benchmarks;

import io.github.qdrantscope.embedded.search.PointsQueryEngine;
import io.github.qdrantscope.embedded.storage.StoredCollection;
import io.qdrant.client.QdrantClient;
import io.qdrant.client.grpc.Points.QueryPoints;
import io.qdrant.client.grpc.Points.QueryResponse;
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
 * Sparse search (issue 10): top 10 by a sparse query (about {@code queryNonZeros} indices) over
 * {@code points} sparse vectors of about {@code nonZeros} indices each, from a vocabulary of
 * {@value SparseDataset#VOCABULARY} ({@link SparseDataset}). {@link #embeddedQdrant} sends a Query
 * {@code nearest} through the official client to the embedded server over loopback; {@link #plainInvertedIndex}
 * answers the same query from a plain inverted index in process ({@link PlainInvertedIndex}). Target:
 * {@code embeddedQdrant / plainInvertedIndex <= 2}. {@link #engineInProcess} (diagnostic) runs the server's
 * query engine on its own storage without gRPC. Each method runs in its own fork on the same seeded data.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms3g", "-Xmx3g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class SparseSearchBenchmark {

    static final long SEED = 42;
    static final String COLLECTION = "bench_sparse";

    /** The vectors and queries every variant uses. */
    @State(Scope.Benchmark)
    public static class Data {

        @Param("100000")
        public int points;

        @Param("100")
        public int nonZeros;

        @Param("25")
        public int queryNonZeros;

        SparseDataset vectors;
        SparseDataset queries;

        @Setup(Level.Trial)
        public void generate() {
            vectors = SparseDataset.generate(points, nonZeros, SparseDataset.VOCABULARY, SEED);
            queries = SparseDataset.queries(QueryCursor.QUERIES, queryNonZeros, SparseDataset.VOCABULARY, SEED);
        }

        QueryPoints[] requests() {
            QueryPoints[] requests = new QueryPoints[queries.size()];
            for (int q = 0; q < requests.length; q++) {
                requests[q] = SparseCollections.sparseQuery(COLLECTION, queries, q);
            }
            return requests;
        }
    }

    /** A loaded embedded server and the prepared requests. */
    @State(Scope.Benchmark)
    public static class Server {

        QdrantFixture qdrant;
        QdrantClient inProcess;
        QueryPoints[] requests;

        @Setup(Level.Trial)
        public void load(Data data) {
            qdrant = QdrantFixture.start();
            SparseCollections.load(qdrant.client(), COLLECTION, data.vectors, null);
            inProcess = QdrantFixture.connectInProcess(qdrant.server());
            requests = data.requests();
        }

        @TearDown(Level.Trial)
        public void stop() {
            inProcess.close();
            qdrant.close();
        }
    }

    /** The server's query engine on its own storage, in process. */
    @State(Scope.Benchmark)
    public static class Engine {

        PointsQueryEngine engine;
        StoredCollection collection;
        QueryPoints[] requests;

        @Setup(Level.Trial)
        public void load(Data data) {
            engine = new PointsQueryEngine();
            collection = SparseCollections.loadInProcess(COLLECTION, data.vectors, null);
            requests = data.requests();
        }
    }

    /** The plain baseline's index, built once. */
    @State(Scope.Benchmark)
    public static class Plain {

        PlainInvertedIndex index;

        @Setup(Level.Trial)
        public void build(Data data) {
            index = PlainInvertedIndex.build(data.vectors, SparseDataset.VOCABULARY);
        }
    }

    @Benchmark
    public List<ScoredPoint> embeddedQdrant(Server server, QueryCursor cursor) {
        return QdrantFixture.await(server.qdrant.client().queryAsync(server.requests[cursor.advance()]));
    }

    /**
     * {@link #embeddedQdrant} on the server's in-process transport: how the starter's and the JUnit extension's
     * clients reach the embedded server by default.
     */
    @Benchmark
    public List<ScoredPoint> embeddedQdrantInProcess(Server server, QueryCursor cursor) {
        return QdrantFixture.await(server.inProcess.queryAsync(server.requests[cursor.advance()]));
    }

    @Benchmark
    public QueryResponse engineInProcess(Engine engine, QueryCursor cursor) {
        QueryPoints request = engine.requests[cursor.advance()];
        return engine.collection.read(view -> engine.engine.query(view, request));
    }

    @Benchmark
    public long[] plainInvertedIndex(Data data, Plain plain, QueryCursor cursor) {
        int q = cursor.advance();
        return plain.index.topK(data.queries.indices(q), data.queries.values(q), SparseCollections.LIMIT);
    }
}
