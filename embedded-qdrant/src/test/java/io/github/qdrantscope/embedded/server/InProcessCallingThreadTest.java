package io.github.qdrantscope.embedded.server;

import static io.github.qdrantscope.embedded.server.ServerTestSupport.failure;
import static io.github.qdrantscope.embedded.server.ServerTestSupport.get;
import static io.github.qdrantscope.embedded.server.ServerTestSupport.uniqueName;
import static io.qdrant.client.ConditionFactory.match;
import static io.qdrant.client.PointIdFactory.id;
import static io.qdrant.client.ValueFactory.value;
import static io.qdrant.client.VectorsFactory.vectors;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.util.concurrent.Futures;
import com.google.common.util.concurrent.ListenableFuture;
import com.google.common.util.concurrent.MoreExecutors;
import io.github.qdrantscope.embedded.EmbeddedQdrant;
import io.grpc.Status;
import io.qdrant.client.QdrantClient;
import io.qdrant.client.QdrantGrpcClient;
import io.qdrant.client.grpc.Collections.Distance;
import io.qdrant.client.grpc.Collections.VectorParams;
import io.qdrant.client.grpc.Common.Filter;
import io.qdrant.client.grpc.Points.PointStruct;
import io.qdrant.client.grpc.Points.ScoredPoint;
import io.qdrant.client.grpc.Points.SearchPoints;
import io.qdrant.client.grpc.SnapshotsService.SnapshotDescription;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * An in-process call runs on the calling thread, handler included: it has answered when its async method returns,
 * and many threads calling at once (writes with {@code wait=true}, reads, snapshots, a callback calling again, a
 * client closed under them) neither block one another nor lose a write. Every wait is bounded, so a deadlock fails
 * the test instead of hanging it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InProcessCallingThreadTest {

    /** Only bounds a failure (a deadlock); passing runs take a fraction of it. */
    private static final long BOUND_SECONDS = 120;
    private static final int THREADS = 8;
    private static final int POINTS_PER_THREAD = 40;

    private EmbeddedQdrant qdrant;

    @BeforeAll
    void startServer() {
        qdrant = EmbeddedQdrant.builder().start();
    }

    @AfterAll
    void stopServer() {
        qdrant.close();
    }

    @Test
    void anInProcessCallHasAnsweredWhenItsAsyncMethodReturns() {
        try (QdrantClient client = inProcessClient()) {
            String name = uniqueName("answered");
            ListenableFuture<?> create = client.createCollectionAsync(name,
                    VectorParams.newBuilder().setSize(3).setDistance(Distance.Dot).build());
            assertThat(create.isDone()).isTrue();
            ListenableFuture<?> upsert = client.upsertAsync(name, List.of(point(1, 0, 7)));
            assertThat(upsert.isDone()).isTrue();
            ListenableFuture<List<ScoredPoint>> search = client.searchAsync(SearchPoints.newBuilder()
                    .setCollectionName(name).addAllVector(List.of(1f, 0f, 1f)).setLimit(3).build());

            assertThat(search.isDone()).isTrue();
            assertThat(get(search)).extracting(found -> found.getId().getNum()).containsExactly(7L);
        }
    }

    @Test
    void parallelWritersReadersAndSnapshotsOnInProcessClientsKeepExactCounts() throws Exception {
        String name = createCollection();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS + 1);
        // half the threads share one client, the others have their own: one channel or many, same answers
        try (QdrantClient shared = inProcessClient()) {
            List<Future<?>> work = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                work.add(pool.submit(() -> {
                    try (QdrantClient own = inProcessClient()) {
                        writeAndRead(thread % 2 == 0 ? shared : own, name, thread);
                    }
                    return null;
                }));
            }
            Set<String> snapshots = ConcurrentHashMap.newKeySet();
            work.add(pool.submit(() -> {
                for (int i = 0; i < 5; i++) {
                    snapshots.add(get(shared.createSnapshotAsync(name)).getName());
                }
                return null;
            }));
            for (Future<?> future : work) {
                future.get(BOUND_SECONDS, TimeUnit.SECONDS);
            }

            int kept = POINTS_PER_THREAD / 2;
            assertThat(get(shared.countAsync(name, Filter.getDefaultInstance(), true))).isEqualTo((long) THREADS * kept);
            for (int t = 0; t < THREADS; t++) {
                assertThat(get(shared.countAsync(name, Filter.newBuilder().addMust(match("thread", t)).build(), true)))
                        .isEqualTo(kept);
            }
            // names have a resolution of a second: a snapshot may replace one of the same second
            assertThat(get(shared.listSnapshotAsync(name))).extracting(SnapshotDescription::getName)
                    .containsExactlyInAnyOrderElementsOf(snapshots);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Upserts {@code thread}'s points one by one, deleting the odd ones again, reading between the writes. */
    private static void writeAndRead(QdrantClient client, String name, int thread) {
        for (int i = 0; i < POINTS_PER_THREAD; i++) {
            long pid = thread * 1000L + i;
            get(client.upsertAsync(name, List.of(point(thread, i, pid))));
            if (i % 2 == 1) {
                get(client.deleteAsync(name, List.of(id(pid))));
            }
            // the point just written, or the even one before it, is this thread's and never deleted
            long ownKept = pid - (i % 2);
            List<ScoredPoint> nearest = get(client.searchAsync(SearchPoints.newBuilder().setCollectionName(name)
                    .addAllVector(List.of((float) thread, (float) (i - i % 2), 1f))
                    .setFilter(Filter.newBuilder().addMust(match("thread", thread)))
                    .setLimit(1).build()));
            assertThat(nearest).extracting(found -> found.getId().getNum()).containsExactly(ownKept);
            assertThat(get(client.retrieveAsync(name, List.of(id(thread * 1000L)), false, false, null))).hasSize(1);
        }
    }

    @Test
    void aCallbackOfAnInProcessCallMayCallTheServerAgainAndWait() throws Exception {
        String name = createCollection();
        try (QdrantClient client = inProcessClient()) {
            get(client.upsertAsync(name, List.of(point(0, 0, 1), point(0, 2, 2))));

            // the callback runs where the first call answered, and blocks there on a second call
            ListenableFuture<Long> chained = Futures.transform(client.searchAsync(SearchPoints.newBuilder()
                    .setCollectionName(name).addAllVector(List.of(0f, 2f, 1f)).setLimit(1).build()),
                    nearest -> get(client.retrieveAsync(name, List.of(nearest.get(0).getId()), false, false, null))
                            .get(0).getId().getNum(),
                    MoreExecutors.directExecutor());

            assertThat(chained.get(BOUND_SECONDS, TimeUnit.SECONDS)).isEqualTo(2L);
        }
    }

    @Test
    void deadlinesStillApplyInProcess() {
        try (QdrantClient client = inProcessClient()) {
            assertThat(failure(client.listCollectionsAsync(Duration.ofNanos(1))).getCode())
                    .isEqualTo(Status.Code.DEADLINE_EXCEEDED);
            assertThat(get(client.listCollectionsAsync(Duration.ofSeconds(BOUND_SECONDS)))).isNotNull();
        }
    }

    @Test
    void closingAClientUnderParallelCallersEndsEveryCall() throws Exception {
        String name = createCollection();
        QdrantClient client = inProcessClient();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch everyoneCalled = new CountDownLatch(THREADS);
        Set<Status.Code> endings = EnumSet.of(Status.Code.CANCELLED, Status.Code.UNAVAILABLE);
        try {
            List<Future<Status.Code>> callers = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                callers.add(pool.submit(() -> callUntilClosed(client, name, thread, everyoneCalled)));
            }
            assertThat(everyoneCalled.await(BOUND_SECONDS, TimeUnit.SECONDS)).isTrue();
            client.close();

            for (Future<Status.Code> caller : callers) {
                assertThat(caller.get(BOUND_SECONDS, TimeUnit.SECONDS)).isIn(endings);
            }
        } finally {
            pool.shutdownNow();
        }
        try (QdrantClient fresh = inProcessClient()) {
            assertThat(get(fresh.countAsync(name))).isPositive();
        }
    }

    /** Upserts and searches until the client is closed; the status the first failing call ended with. */
    private static Status.Code callUntilClosed(QdrantClient client, String name, int thread, CountDownLatch called)
            throws InterruptedException, TimeoutException {
        for (int i = 0; ; i++) {
            try {
                client.upsertAsync(name, List.of(point(thread, i, thread * 100_000L + i)))
                        .get(BOUND_SECONDS, TimeUnit.SECONDS);
                client.searchAsync(SearchPoints.newBuilder().setCollectionName(name)
                        .addAllVector(List.of(1f, 1f, 1f)).setLimit(3).build()).get(BOUND_SECONDS, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                return Status.fromThrowable(e.getCause()).getCode();
            }
            if (i == 0) {
                called.countDown();
            }
        }
    }

    private String createCollection() {
        String name = uniqueName("inproc-threads");
        try (QdrantClient client = inProcessClient()) {
            get(client.createCollectionAsync(name,
                    VectorParams.newBuilder().setSize(3).setDistance(Distance.Euclid).build()));
        }
        return name;
    }

    private static PointStruct point(int thread, int i, long pid) {
        return PointStruct.newBuilder().setId(id(pid)).setVectors(vectors(thread, i, 1))
                .putPayload("thread", value(thread)).build();
    }

    private QdrantClient inProcessClient() {
        return new QdrantClient(QdrantGrpcClient.newBuilder(qdrant.inProcessChannel().build(), true, false).build());
    }
}
