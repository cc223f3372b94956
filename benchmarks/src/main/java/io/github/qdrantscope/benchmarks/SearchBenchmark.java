package io.github.qdrantscope.benchmarks;

import static io.qdrant.client.ConditionFactory.matchKeyword;

import io.github.qdrantscope.embedded.search.PointsQueryEngine;
import io.github.qdrantscope.embedded.storage.StoredCollection;
import io.qdrant.client.QdrantClient;
import io.qdrant.client.grpc.Common.Filter;
import io.qdrant.client.grpc.Points.ScoredPoint;
import io.qdrant.client.grpc.Points.SearchResponse;
import io.qdrant.client.grpc.Points.SearchPoints;
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
 * Exact top-10 Cosine search over 384-d points, with and without a {@code tenant} keyword filter
 * (about 10% of the points match): {@link #embeddedQdrant} sends a Search through the official client
 * to the embedded server over loopback; {@link #plainScan} does the same arithmetic on plain arrays in
 * process, with the filter precomputed as a mask. The target is {@code embeddedQdrant / plainScan
 * <= 2} for every parameter combination. {@link #engineInProcess} runs the server's search engine on
 * the same points without gRPC, which splits the gap into engine cost and transport cost;
 * {@link #embeddedQdrantInProcess} sends the Search through the official client on the server's
 * in-process transport, as the starter's client does in embedded mode (issue 11: filtered 10k
 * {@code embeddedQdrantInProcess / engineInProcess <= 1.3}).
 *
 * <p>Each benchmark method runs in its own fork, so the server fork never pays for the arrays of the
 * plain-scan fork and vice versa; both generate the same seeded data.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms3g", "-Xmx3g"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class SearchBenchmark {

    static final int DIMENSION = 384;
    static final int LIMIT = 10;
    static final long SEED = 42;
    static final String COLLECTION = "bench_search";

    /** The data and queries both sides use. */
    @State(Scope.Benchmark)
    public static class Data {

        @Param({"10000", "100000"})
        public int points;

        @Param({"false", "true"})
        public boolean filtered;

        Dataset dataset;
        float[][] queries;
        boolean[] mask;

        @Setup(Level.Trial)
        public void generate() {
            dataset = Dataset.generate(points, DIMENSION, SEED);
            queries = Dataset.queries(QueryCursor.QUERIES, DIMENSION, SEED);
            mask = filtered ? dataset.maskFor(Dataset.FILTER_TENANT) : null;
        }
    }

    /** A loaded embedded server and the prepared Search requests. */
    @State(Scope.Benchmark)
    public static class Server {

        QdrantFixture qdrant;
        QdrantClient inProcess;
        SearchPoints[] requests;

        @Setup(Level.Trial)
        public void load(Data data) {
            qdrant = QdrantFixture.start();
            qdrant.createCollection(COLLECTION, DIMENSION);
            qdrant.load(COLLECTION, data.dataset, 1000);
            inProcess = QdrantFixture.connectInProcess(qdrant.server());
            requests = new SearchPoints[data.queries.length];
            for (int i = 0; i < requests.length; i++) {
                requests[i] = request(data.queries[i], data.filtered);
            }
        }

        @TearDown(Level.Trial)
        public void stop() {
            inProcess.close();
            qdrant.close();
        }
    }

    /** The embedded server's search engine on its own storage, in process: the same search without gRPC. */
    @State(Scope.Benchmark)
    public static class Engine {

        PointsQueryEngine engine;
        StoredCollection collection;
        SearchPoints[] requests;

        @Setup(Level.Trial)
        public void load(Data data) {
            engine = new PointsQueryEngine();
            collection = ServerStorage.load(COLLECTION, data.dataset, 1000);
            requests = new SearchPoints[data.queries.length];
            for (int i = 0; i < requests.length; i++) {
                requests[i] = request(data.queries[i], data.filtered);
            }
        }
    }

    static SearchPoints request(float[] query, boolean filtered) {
        SearchPoints.Builder request = SearchPoints.newBuilder()
                .setCollectionName(COLLECTION)
                .setLimit(LIMIT);
        for (float x : query) {
            request.addVector(x);
        }
        if (filtered) {
            request.setFilter(Filter.newBuilder().addMust(matchKeyword(Dataset.TENANT_KEY, Dataset.FILTER_TENANT)));
        }
        return request.build();
    }

    @Benchmark
    public List<ScoredPoint> embeddedQdrant(Server server, QueryCursor cursor) {
        return QdrantFixture.await(server.qdrant.client().searchAsync(server.requests[cursor.advance()]));
    }

    @Benchmark
    public List<ScoredPoint> embeddedQdrantInProcess(Server server, QueryCursor cursor) {
        return QdrantFixture.await(server.inProcess.searchAsync(server.requests[cursor.advance()]));
    }

    @Benchmark
    public SearchResponse engineInProcess(Engine engine, QueryCursor cursor) {
        SearchPoints request = engine.requests[cursor.advance()];
        return engine.collection.read(view -> engine.engine.search(view, request));
    }

    @Benchmark
    public long[] plainScan(Data data, QueryCursor cursor) {
        return PlainScan.topK(data.dataset.vectors(), data.mask, data.queries[cursor.advance()], LIMIT);
    }
}
