package io.github.qdrantscope.benchmarks.scope;

import static io.qdrant.client.ConditionFactory.matchKeyword;
import static io.qdrant.client.PointIdFactory.id;
import static io.qdrant.client.VectorsFactory.vectors;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.qdrantscope.benchmarks.QdrantFixture;
import io.qdrant.client.QdrantClient;
import io.qdrant.client.grpc.Common.Filter;
import io.qdrant.client.grpc.Points.PointStruct;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Each variant of {@link IsolationBenchmark} really isolates the way it claims to, so the benchmark
 * compares working strategies: checked through an independent client on the same embedded server.
 */
class IsolationVariantsTest {

    private static QdrantClient observer;

    @BeforeAll
    static void start() {
        SharedQdrant.start();
        observer = SharedQdrant.connect();
    }

    @AfterAll
    static void stop() {
        observer.close();
        SharedQdrant.stop();
    }

    @Test
    void scopedTestsLeaveNoDocumentBehindInTheForkCollection() throws Exception {
        try (TestLifecycle lifecycle = new TestLifecycle(IsolationBenchmark.ScopedTest.class)) {
            lifecycle.runOneTest();
            String collection = lifecycle.property("qdrant-scope.binding.collection");
            // Without scoping the fixed-id fixtures would stay (the collection also holds the fork's lease).
            assertThat(countFixtures(collection)).isZero();
            lifecycle.runOneTest();
            assertThat(countFixtures(collection)).isZero();
        }
    }

    @Test
    void clearingEmptiesTheSharedCollectionBeforeEachTest() throws Exception {
        try (TestLifecycle lifecycle = new TestLifecycle(IsolationBenchmark.ClearTest.class)) {
            lifecycle.runOneTest();
            addStranger(IsolationBenchmark.ClearTest.COLLECTION);
            assertThat(count(IsolationBenchmark.ClearTest.COLLECTION)).isEqualTo(BenchTest.DOCUMENTS + 1);

            lifecycle.runOneTest();

            assertThat(count(IsolationBenchmark.ClearTest.COLLECTION)).isEqualTo(BenchTest.DOCUMENTS);
        }
    }

    @Test
    void reloadingStartsEachTestOnAFreshCollection() throws Exception {
        int before = IsolationBenchmark.ReloadTest.COLLECTIONS.get();
        try (TestLifecycle lifecycle = new TestLifecycle(IsolationBenchmark.ReloadTest.class)) {
            lifecycle.runOneTest();
            lifecycle.runOneTest();
        }
        int after = IsolationBenchmark.ReloadTest.COLLECTIONS.get();
        assertThat(after).isEqualTo(before + 2);
        for (int n = before + 1; n <= after; n++) {
            assertThat(count(IsolationBenchmark.ReloadTest.COLLECTION_PREFIX + n)).isEqualTo(BenchTest.DOCUMENTS);
        }
    }

    private static long count(String collection) {
        return QdrantFixture.await(observer.countAsync(collection));
    }

    private static long countFixtures(String collection) {
        return QdrantFixture.await(observer.countAsync(collection,
                Filter.newBuilder().addMust(matchKeyword("kind", "fixture")).build(), true));
    }

    /** A point another test would own: it must not survive the next test's clear. */
    private static void addStranger(String collection) {
        float[] vector = new float[BenchApplication.DIMENSIONS];
        vector[0] = 1;
        QdrantFixture.await(observer.upsertAsync(collection,
                List.of(PointStruct.newBuilder().setId(id(424242)).setVectors(vectors(vector)).build())));
    }
}
