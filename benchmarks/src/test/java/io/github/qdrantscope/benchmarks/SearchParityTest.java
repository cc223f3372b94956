package io.github.qdrantscope.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.qdrantscope.embedded.search.PointsQueryEngine;
import io.github.qdrantscope.embedded.storage.StoredCollection;
import io.qdrant.client.QdrantClient;
import io.qdrant.client.grpc.Points.ScoredPoint;
import io.qdrant.client.grpc.Points.SearchPoints;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The search variants compared by {@link SearchBenchmark} must do the same work: for every query, the
 * embedded server over gRPC, its engine in process and the plain scan return the same ten ids in the
 * same order, with and without the tenant filter; the server's in-process transport answers exactly what
 * its TCP port does.
 */
class SearchParityTest {

    private static final int DIMENSION = 32;
    private static final Dataset DATASET = Dataset.generate(3_000, DIMENSION, 11);
    private static final float[][] QUERIES = Dataset.queries(16, DIMENSION, 11);

    private static QdrantFixture qdrant;

    private static QdrantClient inProcessClient;

    @BeforeAll
    static void load() {
        qdrant = QdrantFixture.start();
        qdrant.createCollection(SearchBenchmark.COLLECTION, DIMENSION);
        qdrant.load(SearchBenchmark.COLLECTION, DATASET, 500);
        inProcessClient = QdrantFixture.connectInProcess(qdrant.server());
    }

    @AfterAll
    static void stop() {
        inProcessClient.close();
        qdrant.close();
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void serverEngineAndPlainScanReturnTheSameTopTen(boolean filtered) {
        boolean[] mask = filtered ? DATASET.maskFor(Dataset.FILTER_TENANT) : null;
        StoredCollection collection = ServerStorage.load(SearchBenchmark.COLLECTION, DATASET, 500);
        PointsQueryEngine engine = new PointsQueryEngine();
        for (float[] query : QUERIES) {
            SearchPoints request = SearchBenchmark.request(query, filtered);
            long[] plain = PlainScan.topK(DATASET.vectors(), mask, query, SearchBenchmark.LIMIT);

            List<ScoredPoint> server = QdrantFixture.await(qdrant.client().searchAsync(request));
            List<ScoredPoint> inProcess = collection.read(view -> engine.search(view, request)).getResultList();
            List<ScoredPoint> inProcessTransport = QdrantFixture.await(inProcessClient.searchAsync(request));

            assertThat(plain).hasSize(SearchBenchmark.LIMIT);
            assertThat(ids(server)).containsExactly(plain);
            assertThat(ids(inProcess)).containsExactly(plain);
            assertThat(inProcessTransport).isEqualTo(server);
        }
    }

    private static long[] ids(List<ScoredPoint> points) {
        return points.stream().mapToLong(p -> p.getId().getNum()).toArray();
    }
}
