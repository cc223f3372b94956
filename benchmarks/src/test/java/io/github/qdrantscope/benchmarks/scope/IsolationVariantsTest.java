package io.github.qdrantscope.benchmarks.scope;

import io.github.qdrantscope.embedded.testing.TransportProbe;
import static io.qdrant.client.ConditionFactory.matchKeyword;
import static io.qdrant.client.PointIdFactory.id;
import static io.qdrant.client.VectorsFactory.vectors;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.qdrantscope.benchmarks.QdrantFixture;
import io.github.qdrantscope.core.server.QdrantEndpoint;
import io.github.qdrantscope.core.server.SharedEmbeddedQdrant;
import io.grpc.inprocess.InProcessSocketAddress;
import io.qdrant.client.QdrantClient;
import io.qdrant.client.QdrantGrpcClient;
import io.qdrant.client.grpc.Common.Filter;
import io.qdrant.client.grpc.Points.PointStruct;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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

    @ParameterizedTest
    @ValueSource(classes = { IsolationBenchmark.ScopedInProcessTest.class, IsolationBenchmark.ScopedTcpTest.class })
    void scopedTestsOnTheStartersServerLeaveNoDocumentBehindOverEitherTransport(Class<? extends BenchTest> test)
            throws Exception {
        QdrantEndpoint embedded = SharedEmbeddedQdrant.endpoint();
        try (TestLifecycle lifecycle = new TestLifecycle(test);
                QdrantClient starters = new QdrantClient(QdrantGrpcClient.newBuilder(embedded.host(),
                        embedded.port(), false).build())) {
            lifecycle.runOneTest();
            String collection = lifecycle.property("qdrant-scope.binding.collection");
            assertThat(QdrantFixture.await(starters.countAsync(collection, FIXTURES, true))).isZero();
            lifecycle.runOneTest();
            assertThat(QdrantFixture.await(starters.countAsync(collection, FIXTURES, true))).isZero();

            SocketAddress remote = TransportProbe.remoteOf(lifecycle.bean(QdrantClient.class));
            if (test == IsolationBenchmark.ScopedInProcessTest.class) {
                assertThat(remote).isInstanceOf(InProcessSocketAddress.class);
            } else {
                assertThat(remote).isInstanceOfSatisfying(InetSocketAddress.class,
                        socket -> assertThat(socket.getPort()).isEqualTo(embedded.port()));
            }
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

    private static final Filter FIXTURES = Filter.newBuilder().addMust(matchKeyword("kind", "fixture")).build();

    private static long countFixtures(String collection) {
        return QdrantFixture.await(observer.countAsync(collection, FIXTURES, true));
    }

    /** The remote address, as the transport reports it, of a health check on {@code client}'s channel. */    /** A point another test would own: it must not survive the next test's clear. */
    private static void addStranger(String collection) {
        float[] vector = new float[BenchApplication.DIMENSIONS];
        vector[0] = 1;
        QdrantFixture.await(observer.upsertAsync(collection,
                List.of(PointStruct.newBuilder().setId(id(424242)).setVectors(vectors(vector)).build())));
    }
}
