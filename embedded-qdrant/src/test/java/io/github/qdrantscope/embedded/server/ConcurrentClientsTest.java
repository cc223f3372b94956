package io.github.qdrantscope.embedded.server;

import static io.qdrant.client.ConditionFactory.match;
import static io.qdrant.client.PointIdFactory.id;
import static io.qdrant.client.ValueFactory.value;
import static io.qdrant.client.VectorsFactory.vectors;
import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Status;
import io.qdrant.client.grpc.Collections.Distance;
import io.qdrant.client.grpc.Collections.VectorParams;
import io.qdrant.client.grpc.Common.Filter;
import io.qdrant.client.grpc.Points.PointStruct;
import io.qdrant.client.grpc.Points.SearchPoints;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Many client threads at once: results stay exact and catalog changes stay atomic. */
class ConcurrentClientsTest extends ServerTestSupport {

    private static final int THREADS = 16;
    private static final int POINTS_PER_THREAD = 50;

    @Test
    void parallelWritersAndReadersKeepExactCounts() throws Exception {
        String c = newCollection(4, Distance.Cosine);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<Void>> futures = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < POINTS_PER_THREAD; i++) {
                        long pid = thread * 1000L + i;
                        get(client.upsertAsync(c, List.of(PointStruct.newBuilder().setId(id(pid))
                                .setVectors(vectors(1, thread, i, 1)).putPayload("thread", value(thread)).build())));
                        // Each thread deletes its odd points again, interleaved with everyone's reads.
                        if (i % 2 == 1) {
                            get(client.deleteAsync(c, List.of(id(pid))));
                        }
                        // this thread's even points 0, 2, .., i are never deleted, so at least that many (capped
                        // by the limit) must be found whatever the other threads are doing at this moment
                        int ownKept = i / 2 + 1;
                        assertThat(get(client.searchAsync(SearchPoints.newBuilder().setCollectionName(c)
                                .addAllVector(List.of(1f, 1f, 1f, 1f)).setLimit(5).build())))
                                .hasSizeBetween(Math.min(5, ownKept), 5);
                        assertThat(get(client.retrieveAsync(c, List.of(id(thread * 1000L)), false, false, null)))
                                .hasSize(1);
                    }
                    return null;
                }));
            }
            for (Future<Void> future : futures) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
        int evenPerThread = POINTS_PER_THREAD / 2;
        assertThat(get(client.getCollectionInfoAsync(c)).getPointsCount()).isEqualTo((long) THREADS * evenPerThread);
        for (int t = 0; t < THREADS; t++) {
            assertThat(get(client.countAsync(c, Filter.newBuilder().addMust(match("thread", t)).build(), true)))
                    .isEqualTo(evenPerThread);
        }
    }

    @Test
    void concurrentCreatesOfOneNameLetExactlyOneWin() throws Exception {
        String name = uniqueName("race");
        AtomicInteger created = new AtomicInteger();
        AtomicInteger alreadyExists = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<Void>> futures = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                futures.add(pool.submit((Callable<Void>) () -> {
                    var future = client.createCollectionAsync(name,
                            VectorParams.newBuilder().setSize(2).setDistance(Distance.Dot).build());
                    try {
                        future.get();
                        created.incrementAndGet();
                    } catch (java.util.concurrent.ExecutionException e) {
                        assertThat(Status.fromThrowable(e.getCause()).getCode()).isEqualTo(Status.Code.ALREADY_EXISTS);
                        alreadyExists.incrementAndGet();
                    }
                    return null;
                }));
            }
            for (Future<Void> future : futures) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(created.get()).isEqualTo(1);
        assertThat(alreadyExists.get()).isEqualTo(THREADS - 1);
    }
}
