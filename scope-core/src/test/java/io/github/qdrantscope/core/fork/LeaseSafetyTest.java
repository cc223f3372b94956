package io.github.qdrantscope.core.fork;

import static io.qdrant.client.PointIdFactory.id;
import static io.qdrant.client.ValueFactory.value;
import static io.qdrant.client.VectorsFactory.vectors;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.github.qdrantscope.core.identity.ForkId;
import io.github.qdrantscope.core.identity.ForkIdentity;
import io.github.qdrantscope.core.identity.RunId;
import io.github.qdrantscope.core.lease.CollectionLease;
import io.github.qdrantscope.core.lease.ForkCollectionClaimer;
import io.github.qdrantscope.core.lease.LeaseOwner;
import io.github.qdrantscope.core.lease.LeaseSettings;
import io.github.qdrantscope.core.metrics.CountingScopeMetrics;
import io.github.qdrantscope.core.metrics.JvmScopeMeters;
import io.github.qdrantscope.core.metrics.LeaseReapKind;
import io.github.qdrantscope.core.server.QdrantEndpoint;
import io.qdrant.client.QdrantClient;
import io.qdrant.client.WithPayloadSelectorFactory;
import io.qdrant.client.WithVectorsSelectorFactory;
import io.qdrant.client.grpc.Collections.Distance;
import io.qdrant.client.grpc.Collections.VectorParams;
import io.qdrant.client.grpc.Points.PointStruct;
import io.qdrant.client.grpc.Points.RetrievedPoint;
import io.qdrant.client.grpc.Points.ScrollPoints;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 11 item 2, safety proven over real gRPC against one embedded server holding (a) an application's own
 * collection with data, (b) a collection named with the prefix but without a lease, and (c) the collections of
 * another run whose fork is a live JVM (a child process): whatever the forks under test claim, renew, release,
 * take over or reap, (a) and (b) stay bit-for-bit as they were and (c) is untouched while its owner lives, and the
 * collections of a fork killed with SIGKILL are reaped, by the reaper or by a takeover that clears them first.
 */
class LeaseSafetyTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private static final String USER = "user_docs";

    private static final String ORPHAN = LeaseChild.PREFIX + "_orphan";

    /** The live child never renews during a test, so its lease too must stay bit-for-bit. */
    private static final Duration LIVE_HEARTBEAT = Duration.ofHours(1);

    private static final LeaseSettings LEASE = new LeaseSettings(Duration.ofMinutes(2), Duration.ofSeconds(30), true,
            Duration.ofSeconds(10), 50);

    private final ForkClients clients = new ForkClients();

    private final QdrantEndpoint endpoint = new QdrantEndpoint(QdrantEndpoint.Mode.EMBEDDED,
            this.clients.server.host(), this.clients.server.grpcPort(), null, false, "test");

    private final List<ForkRuntime> runtimes = new ArrayList<>();

    private QdrantClient plain;

    private Process live;

    private String liveNamespace;

    private Map<String, List<RetrievedPoint>> untouchable;

    @BeforeEach
    void seed() throws Exception {
        this.plain = this.clients.plain();
        for (String name : List.of(USER, ORPHAN)) {
            this.plain.createCollectionAsync(name, VectorParams.newBuilder().setSize(4).setDistance(Distance.Cosine)
                .build()).get();
            this.plain.upsertAsync(name, LeaseChild.points(name)).get();
        }
        this.live = LeaseChild.start(this.clients.server.host(), this.clients.server.grpcPort(), "live", "1",
                LIVE_HEARTBEAT, LIVE_HEARTBEAT.multipliedBy(3));
        this.liveNamespace = LeaseChild.PREFIX + "_live_f1";
        this.untouchable = snapshot();
    }

    @AfterEach
    void close() throws Exception {
        this.runtimes.forEach(ForkRuntime::dropAll);
        if (this.live != null) {
            LeaseChild.kill(this.live);
        }
        this.clients.close();
    }

    @Test
    void parallelForksClaimingRenewingAndReleasingTouchNothingButTheirOwn() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<JvmScopeMeters>> forks = new ArrayList<>();
        for (int fork = 1; fork <= 4; fork++) {
            String id = Integer.toString(fork);
            forks.add(pool.submit(() -> {
                JvmScopeMeters meters = new JvmScopeMeters();
                ForkRuntime runtime = new ForkRuntime(identity("par", id), LeaseOwner.self(identity("par", id)),
                        meters);
                String namespace = LeaseChild.PREFIX + "_par_f" + id;
                CountingScopeMetrics metrics = new CountingScopeMetrics(meters, false);
                runtime.claim(this.endpoint, namespace, LeaseChild.PREFIX, 4, "p", "doc_content", false, TIMEOUT,
                        LEASE, metrics);
                runtime.mapsInto(this.endpoint, LeaseChild.PREFIX, namespace, false, TIMEOUT, LEASE, metrics);
                QdrantClient app = this.clients.fork(namespace);
                app.upsertAsync(namespace, LeaseChild.points(namespace)).get();
                app.createCollectionAsync("docs", VectorParams.newBuilder().setSize(4)
                    .setDistance(Distance.Cosine).build()).get();
                app.upsertAsync("docs", LeaseChild.points("docs")).get();
                runtime.heartbeat().renewNow();
                runtime.heartbeat().renewNow();
                assertThat(runtime.heartbeat().collections()).containsExactly(namespace, namespace + "_lease");
                runtime.dropAll();
                return meters;
            }));
        }
        pool.shutdown();
        for (Future<JvmScopeMeters> fork : forks) {
            JvmScopeMeters meters = fork.get(2, TimeUnit.MINUTES);
            assertThat(meters.leaseReapedCount(LeaseReapKind.REAPER)).isZero();
            assertThat(meters.leaseReapedCount(LeaseReapKind.TAKEOVER)).isZero();
            assertThat(meters.leaseLostCount()).isZero();
            assertThat(meters.contentionTotal()).isZero();
        }

        assertThat(snapshot()).isEqualTo(this.untouchable);
        assertThat(this.plain.listCollectionsAsync().get()).containsExactlyInAnyOrderElementsOf(this.untouchable.keySet());
    }

    @Test
    void theCollectionsOfAForkKilledMidRunAreReapedAtTheNextStartAndNothingElse() throws Exception {
        LeaseChild.kill(LeaseChild.start(this.clients.server.host(), this.clients.server.grpcPort(), "dead", "7",
                Duration.ofSeconds(30), Duration.ofMinutes(2)));
        String dead = LeaseChild.PREFIX + "_dead_f7";
        assertThat(this.plain.listCollectionsAsync().get()).contains(dead, dead + "_lease", dead + "__docs");

        JvmScopeMeters meters = new JvmScopeMeters();
        ForkRuntime next = runtime(identity("next", "1"), meters);
        String mine = LeaseChild.PREFIX + "_next_f1";
        next.claim(this.endpoint, mine, LeaseChild.PREFIX, 4, "p", "doc_content", false, TIMEOUT, LEASE,
                new CountingScopeMetrics(meters, false));

        assertThat(meters.leaseReapedCount(LeaseReapKind.REAPER)).isEqualTo(2);
        assertThat(meters.leaseReapedCount(LeaseReapKind.TAKEOVER)).isZero();
        List<String> expected = new ArrayList<>(this.untouchable.keySet());
        expected.add(mine);
        assertThat(this.plain.listCollectionsAsync().get()).containsExactlyInAnyOrderElementsOf(expected);
        assertUntouched();
    }

    @Test
    void aForkRestartedUnderTheKilledForksIdTakesItsCollectionsOverAfterClearingThem() throws Exception {
        LeaseChild.kill(LeaseChild.start(this.clients.server.host(), this.clients.server.grpcPort(), "again", "3",
                Duration.ofSeconds(30), Duration.ofMinutes(2)));
        String namespace = LeaseChild.PREFIX + "_again_f3";
        assertThat(scroll(namespace)).hasSize(LeaseChild.POINTS + 1);

        JvmScopeMeters meters = new JvmScopeMeters();
        ForkRuntime again = runtime(identity("again", "3"), meters);
        CountingScopeMetrics metrics = new CountingScopeMetrics(meters, false);
        LeaseSettings noReaper = new LeaseSettings(Duration.ofMinutes(2), Duration.ofSeconds(30), false,
                Duration.ofSeconds(10), 50);
        again.claim(this.endpoint, namespace, LeaseChild.PREFIX, 4, "p", "doc_content", false, TIMEOUT, noReaper,
                metrics);
        again.mapsInto(this.endpoint, LeaseChild.PREFIX, namespace, false, TIMEOUT, noReaper, metrics);

        assertThat(meters.leaseReapedCount(LeaseReapKind.TAKEOVER)).isEqualTo(2);
        assertThat(meters.leaseReapedCount(LeaseReapKind.REAPER)).isZero();
        List<RetrievedPoint> left = scroll(namespace);
        assertThat(left).singleElement()
            .satisfies(point -> assertThat(point.getId()).isEqualTo(CollectionLease.pointId()));
        assertThat(CollectionLease.fromPoints(left).sameProcess(again.self())).isTrue();
        List<String> expected = new ArrayList<>(this.untouchable.keySet());
        expected.addAll(List.of(namespace, namespace + "_lease"));
        assertThat(this.plain.listCollectionsAsync().get()).containsExactlyInAnyOrderElementsOf(expected);
        assertUntouched();
    }

    @Test
    void anotherHostsLeaseIsReapedOnlyOnceItsLastRenewalIsOlderThanTheTtl() throws Exception {
        Instant renewed = Instant.parse("2030-01-01T00:00:00Z");
        String remote = LeaseChild.PREFIX + "_remote_f1";
        LeaseOwner elsewhere = new LeaseOwner("remote", "1", "elsewhere.invalid", 4242, null,
                renewed.minus(Duration.ofHours(5)), renewed);
        this.plain.createCollectionAsync(remote, VectorParams.newBuilder().setSize(4).setDistance(Distance.Cosine)
            .build()).get();
        this.plain.upsertAsync(remote, List.of(CollectionLease.toPoint(elsewhere, 4, "doc_content"))).get();
        this.plain.upsertAsync(remote, LeaseChild.points("remote")).get();
        Map<String, List<RetrievedPoint>> before = snapshot();

        JvmScopeMeters early = new JvmScopeMeters();
        ForkRuntime beforeTtl = runtime(identity("clock", "1"), early,
                new MutableClock(renewed.plus(LEASE.ttl()).minusSeconds(1)));
        beforeTtl.claim(this.endpoint, LeaseChild.PREFIX + "_clock_f1", LeaseChild.PREFIX, 4, "p", "doc_content",
                false, TIMEOUT, LEASE, new CountingScopeMetrics(early, false));
        beforeTtl.dropAll();

        assertThat(early.leaseReapedCount(LeaseReapKind.REAPER)).isZero();
        assertThat(snapshot()).isEqualTo(before);

        JvmScopeMeters late = new JvmScopeMeters();
        ForkRuntime afterTtl = runtime(identity("clock", "2"), late,
                new MutableClock(renewed.plus(LEASE.ttl()).plusSeconds(1)));
        afterTtl.claim(this.endpoint, LeaseChild.PREFIX + "_clock_f2", LeaseChild.PREFIX, 4, "p", "doc_content",
                false, TIMEOUT, LEASE, new CountingScopeMetrics(late, false));

        assertThat(late.leaseReapedCount(LeaseReapKind.REAPER)).isEqualTo(1);
        assertThat(this.plain.collectionExistsAsync(remote).get()).isFalse();
        assertUntouched();
    }

    @Test
    void theReaperStopsAtItsBoundAndCanBeSwitchedOff() throws Exception {
        for (String fork : List.of("5", "6")) {
            LeaseChild.kill(LeaseChild.start(this.clients.server.host(), this.clients.server.grpcPort(), "gone", fork,
                    Duration.ofSeconds(30), Duration.ofMinutes(2)));
        }
        JvmScopeMeters off = new JvmScopeMeters();
        runtime(identity("off", "1"), off).claim(this.endpoint, LeaseChild.PREFIX + "_off_f1", LeaseChild.PREFIX, 4,
                "p", "doc_content", false, TIMEOUT, new LeaseSettings(Duration.ofMinutes(2), Duration.ofSeconds(30),
                        false, Duration.ofSeconds(10), 50), new CountingScopeMetrics(off, false));
        assertThat(off.leaseReapedCount(LeaseReapKind.REAPER)).isZero();

        JvmScopeMeters bounded = new JvmScopeMeters();
        runtime(identity("bound", "1"), bounded).claim(this.endpoint, LeaseChild.PREFIX + "_bound_f1",
                LeaseChild.PREFIX, 4, "p", "doc_content", false, TIMEOUT, new LeaseSettings(Duration.ofMinutes(2),
                        Duration.ofSeconds(30), true, Duration.ofSeconds(10), 1), new CountingScopeMetrics(bounded, false));

        // sorted by name: fork 5's collection is reaped, its namespace and fork 6's are left for a later start
        assertThat(bounded.leaseReapedCount(LeaseReapKind.REAPER)).isEqualTo(1);
        List<String> names = this.plain.listCollectionsAsync().get();
        assertThat(names).doesNotContain(LeaseChild.PREFIX + "_gone_f5")
            .contains(LeaseChild.PREFIX + "_gone_f5_lease", LeaseChild.PREFIX + "_gone_f5__docs",
                    LeaseChild.PREFIX + "_gone_f6", LeaseChild.PREFIX + "_gone_f6_lease",
                    LeaseChild.PREFIX + "_gone_f6__docs");
        assertUntouched();
    }

    private void assertUntouched() throws Exception {
        for (Map.Entry<String, List<RetrievedPoint>> collection : this.untouchable.entrySet()) {
            assertThat(scroll(collection.getKey())).as(collection.getKey()).isEqualTo(collection.getValue());
        }
    }

    /** (a), (b) and every collection of the live child (c), each as a full scroll with vectors and payload. */
    private Map<String, List<RetrievedPoint>> snapshot() throws Exception {
        Map<String, List<RetrievedPoint>> all = new HashMap<>();
        for (String name : this.plain.listCollectionsAsync().get()) {
            all.put(name, scroll(name));
        }
        assertThat(all.keySet()).contains(USER, ORPHAN, this.liveNamespace, this.liveNamespace + "_lease",
                this.liveNamespace + "__docs");
        return all;
    }

    private List<RetrievedPoint> scroll(String collection) throws Exception {
        return this.plain.scrollAsync(ScrollPoints.newBuilder()
            .setCollectionName(collection)
            .setLimit(10_000)
            .setWithPayload(WithPayloadSelectorFactory.enable(true))
            .setWithVectors(WithVectorsSelectorFactory.enable(true))
            .build()).get().getResultList();
    }

    private ForkRuntime runtime(ForkIdentity identity, JvmScopeMeters meters) {
        return runtime(identity, meters, java.time.Clock.systemUTC());
    }

    private ForkRuntime runtime(ForkIdentity identity, JvmScopeMeters meters, java.time.Clock clock) {
        ForkRuntime runtime = new ForkRuntime(identity, LeaseOwner.self(identity, clock), meters, clock);
        this.runtimes.add(runtime);
        return runtime;
    }

    static ForkIdentity identity(String run, String fork) {
        return new ForkIdentity(new ForkId(fork, "test"), new RunId(run, "test"), ForkIdentity.jvm().host(),
                Path.of("target"));
    }
}
