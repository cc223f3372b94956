package io.github.qdrantscope.embedded.conformance;

import static io.github.qdrantscope.embedded.conformance.Payloads.payload;
import static io.qdrant.client.ConditionFactory.match;
import static org.assertj.core.api.Assertions.assertThat;

import io.qdrant.client.QdrantClient;
import io.qdrant.client.grpc.Collections.Distance;
import io.qdrant.client.grpc.Common.Filter;
import io.qdrant.client.grpc.Points.PointStruct;
import io.qdrant.client.grpc.Points.ScoredPoint;
import io.qdrant.client.grpc.Points.SearchPoints;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/**
 * Many client threads writing, searching and deleting at once, in their own collections and in one shared
 * collection. Each worker only mutates its own id range, so what it reads back is exactly determined even
 * while the others run; the totals afterwards are exact. Bounded by a deadline (a hang fails, nothing is timed).
 */
class ConcurrencyTest extends ConformanceTestBase {

    private static final int THREADS = 16;
    private static final int POINTS_PER_THREAD = 60;
    private static final int ROUNDS = 3;
    private static final Duration DEADLINE = Duration.ofMinutes(3);

    /** Worker t owns ids [t * 1000 + 1, t * 1000 + POINTS_PER_THREAD]; vector [id, 1] ranks them by id. */
    private static long idOf(int thread, int i) {
        return thread * 1000L + i;
    }

    private static List<PointStruct> pointsOf(int thread) {
        List<PointStruct> points = new ArrayList<>();
        for (int i = 1; i <= POINTS_PER_THREAD; i++) {
            long id = idOf(thread, i);
            points.add(point(id, new float[] {id, 1}, payload("thread", thread, "i", i, "even", i % 2 == 0)));
        }
        return points;
    }

    private void runAll(List<Callable<Void>> workers) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(workers.size());
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Void>> futures = new ArrayList<>();
            for (Callable<Void> worker : workers) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return worker.call();
                }));
            }
            start.countDown();
            long deadline = System.nanoTime() + DEADLINE.toNanos();
            for (Future<Void> future : futures) {
                long left = deadline - System.nanoTime();
                try {
                    future.get(Math.max(left, 0), TimeUnit.NANOSECONDS);
                } catch (TimeoutException e) {
                    throw new AssertionError("workers did not finish within " + DEADLINE, e);
                }
            }
        } finally {
            pool.shutdownNow();
            assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        }
    }

    private static Filter ownedBy(int thread) {
        return Filter.newBuilder().addMust(match("thread", thread)).build();
    }

    private static Filter ownedEven(int thread) {
        return Filter.newBuilder().addMust(match("thread", thread)).addMust(match("even", true)).build();
    }

    /** One worker's life: upsert, read own points back, delete half, read again — asserting exact results. */
    private static void exerciseOwnRange(QdrantClient client, String collection, int thread) {
        long last = idOf(thread, POINTS_PER_THREAD);
        for (int round = 0; round < ROUNDS; round++) {
            await(client.upsertAsync(collection, pointsOf(thread)));

            assertThat(await(client.countAsync(collection, ownedBy(thread), true))).isEqualTo(POINTS_PER_THREAD);
            List<ScoredPoint> top = await(client.searchAsync(SearchPoints.newBuilder().setCollectionName(collection)
                    .addVector(1f).addVector(0f).setFilter(ownedBy(thread)).setLimit(3).build()));
            assertThat(idsOf(top)).containsExactly(last, last - 1, last - 2);
            assertThat(top.get(0).getScore()).isEqualTo((float) last);

            await(client.deleteAsync(collection, ownedEven(thread)));

            assertThat(await(client.countAsync(collection, ownedBy(thread), true))).isEqualTo(POINTS_PER_THREAD / 2);
            List<ScoredPoint> odd = await(client.searchAsync(SearchPoints.newBuilder().setCollectionName(collection)
                    .addVector(1f).addVector(0f).setFilter(ownedBy(thread)).setLimit(1).build()));
            assertThat(idsOf(odd)).containsExactly(last - 1);
        }
    }

    @Test
    void sharedCollectionStaysExactUnderConcurrentWorkers() throws Exception {
        String shared = newCollection(2, Distance.Dot);
        List<Callable<Void>> workers = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            workers.add(() -> {
                exerciseOwnRange(client, shared, thread);
                return null;
            });
        }

        runAll(workers);

        assertThat(await(client.countAsync(shared))).isEqualTo((long) THREADS * POINTS_PER_THREAD / 2);
        for (int t = 0; t < THREADS; t++) {
            assertThat(await(client.countAsync(shared, ownedEven(t), true))).isZero();
            assertThat(await(client.countAsync(shared, ownedBy(t), true))).isEqualTo(POINTS_PER_THREAD / 2);
        }
    }

    @Test
    void separateCollectionsAndSeparateClientsStayIsolated() throws Exception {
        List<String> collections = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            collections.add(newCollection(2, Distance.Dot));
        }
        List<Callable<Void>> workers = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            workers.add(() -> {
                try (QdrantClient own = connect(null)) {
                    exerciseOwnRange(own, collections.get(thread), thread);
                }
                return null;
            });
        }

        runAll(workers);

        for (int t = 0; t < THREADS; t++) {
            assertThat(await(client.countAsync(collections.get(t)))).isEqualTo(POINTS_PER_THREAD / 2);
            assertThat(await(client.countAsync(collections.get(t), ownedBy(t), true)))
                    .isEqualTo(POINTS_PER_THREAD / 2);
        }
    }

    @Test
    void concurrentCollectionCreationAndDeletionIsConsistent() throws Exception {
        List<String> names = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            names.add(uniqueName("churn"));
        }
        List<Callable<Void>> workers = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            String name = names.get(t);
            int thread = t;
            workers.add(() -> {
                for (int round = 0; round < ROUNDS; round++) {
                    await(client.createCollectionAsync(name, io.qdrant.client.grpc.Collections.VectorParams
                            .newBuilder().setSize(2).setDistance(Distance.Dot).build()));
                    await(client.upsertAsync(name, pointsOf(thread)));
                    assertThat(await(client.countAsync(name))).isEqualTo(POINTS_PER_THREAD);
                    await(client.deleteCollectionAsync(name));
                    assertThat(await(client.collectionExistsAsync(name))).isFalse();
                }
                // the last round leaves the collection in place
                await(client.createCollectionAsync(name, io.qdrant.client.grpc.Collections.VectorParams
                        .newBuilder().setSize(2).setDistance(Distance.Dot).build()));
                return null;
            });
        }

        runAll(workers);

        assertThat(await(client.listCollectionsAsync())).containsAll(names);
        for (String name : names) {
            assertThat(await(client.countAsync(name))).isZero();
        }
    }
}
