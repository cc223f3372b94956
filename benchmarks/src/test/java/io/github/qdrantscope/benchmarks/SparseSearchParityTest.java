package io.github.qdrantscope.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.qdrantscope.embedded.search.PointsQueryEngine;
import io.github.qdrantscope.embedded.storage.StoredCollection;
import io.qdrant.client.grpc.Points.QueryPoints;
import io.qdrant.client.grpc.Points.ScoredPoint;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The variants compared by {@link SparseSearchBenchmark} and {@link HybridSearchBenchmark} do the same work:
 * the embedded server over gRPC, its engine in process and the plain inverted index return the same ten ids
 * in the same order for every sparse query; the hybrid query returns exactly the RRF fusion (Qdrant's
 * {@code k = 2}) of the dense and sparse searches the benchmark runs separately.
 */
class SparseSearchParityTest {

    private static final int VOCABULARY = 2_000;
    private static final int DIMENSION = 32;
    private static final SparseDataset VECTORS = SparseDataset.generate(3_000, 40, VOCABULARY, 11);
    private static final SparseDataset QUERIES = SparseDataset.queries(16, 10, VOCABULARY, 11);
    private static final Dataset DENSE = Dataset.generate(3_000, DIMENSION, 11);
    private static final float[][] DENSE_QUERIES = Dataset.queries(16, DIMENSION, 11);

    private static QdrantFixture qdrant;

    @BeforeAll
    static void load() {
        qdrant = QdrantFixture.start();
        SparseCollections.load(qdrant.client(), SparseSearchBenchmark.COLLECTION, VECTORS, null);
        SparseCollections.load(qdrant.client(), HybridSearchBenchmark.COLLECTION, VECTORS, DENSE);
    }

    @AfterAll
    static void stop() {
        qdrant.close();
    }

    @Test
    void serverEngineAndPlainInvertedIndexReturnTheSameTopTen() {
        PlainInvertedIndex plain = PlainInvertedIndex.build(VECTORS, VOCABULARY);
        StoredCollection collection = SparseCollections.loadInProcess(SparseSearchBenchmark.COLLECTION, VECTORS, null);
        PointsQueryEngine engine = new PointsQueryEngine();
        for (int q = 0; q < QUERIES.size(); q++) {
            QueryPoints request = SparseCollections.sparseQuery(SparseSearchBenchmark.COLLECTION, QUERIES, q);
            long[] expected = plain.topK(QUERIES.indices(q), QUERIES.values(q), SparseCollections.LIMIT);

            List<ScoredPoint> server = QdrantFixture.await(qdrant.client().queryAsync(request));
            List<ScoredPoint> inProcess = collection.read(view -> engine.query(view, request)).getResultList();

            assertThat(expected).hasSize(SparseCollections.LIMIT);
            assertThat(ids(server)).containsExactly(expected);
            assertThat(ids(inProcess)).containsExactly(expected);
        }
    }

    @Test
    void hybridIsTheRrfFusionOfTheTwoSeparateSearches() {
        for (int q = 0; q < QUERIES.size(); q++) {
            String collection = HybridSearchBenchmark.COLLECTION;
            List<ScoredPoint> dense = QdrantFixture.await(qdrant.client().queryAsync(
                    SparseCollections.denseQuery(collection, DENSE_QUERIES[q])));
            List<ScoredPoint> sparse = QdrantFixture.await(qdrant.client().queryAsync(
                    SparseCollections.sparseQuery(collection, QUERIES, q)));
            List<ScoredPoint> hybrid = QdrantFixture.await(qdrant.client().queryAsync(
                    SparseCollections.hybridQuery(collection, DENSE_QUERIES[q], QUERIES, q)));

            assertThat(dense).hasSize(SparseCollections.LIMIT);
            assertThat(sparse).hasSize(SparseCollections.LIMIT);
            List<Map.Entry<Long, Float>> fused = rrf(List.of(ids(dense), ids(sparse)));
            assertThat(ids(hybrid)).containsExactly(fused.subList(0, SparseCollections.LIMIT).stream()
                    .mapToLong(Map.Entry::getKey).toArray());
            assertThat(hybrid.stream().map(ScoredPoint::getScore).toList())
                    .containsExactlyElementsOf(fused.subList(0, SparseCollections.LIMIT).stream()
                            .map(Map.Entry::getValue).toList());
        }
    }

    /** RRF as Qdrant computes it unweighted: {@code 1 / (position + k)}, 0-based, k = 2; ties by id. */
    private static List<Map.Entry<Long, Float>> rrf(List<long[]> sources) {
        Map<Long, Float> scores = new HashMap<>();
        for (long[] source : sources) {
            for (int position = 0; position < source.length; position++) {
                scores.merge(source[position], 1.0f / (position + 2), Float::sum);
            }
        }
        List<Map.Entry<Long, Float>> fused = new ArrayList<>(scores.entrySet());
        fused.sort(Map.Entry.<Long, Float>comparingByValue(Comparator.reverseOrder())
                .thenComparing(Map.Entry.comparingByKey()));
        return fused;
    }

    private static long[] ids(List<ScoredPoint> points) {
        return points.stream().mapToLong(p -> p.getId().getNum()).toArray();
    }
}
