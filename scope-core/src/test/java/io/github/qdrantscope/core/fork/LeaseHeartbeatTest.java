package io.github.qdrantscope.core.fork;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.github.qdrantscope.core.identity.ForkIdentity;
import io.github.qdrantscope.core.lease.CollectionLease;
import io.github.qdrantscope.core.lease.ForkCollectionClaimer;
import io.github.qdrantscope.core.lease.LeaseOwner;
import io.github.qdrantscope.core.lease.LeaseSettings;
import io.github.qdrantscope.core.metrics.CountingScopeMetrics;
import io.github.qdrantscope.core.metrics.JvmScopeMeters;
import io.github.qdrantscope.core.server.QdrantEndpoint;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.qdrant.client.QdrantClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The heartbeat renews the fork's leases, and stops, refusing the fork's calls, once another process holds one. */
class LeaseHeartbeatTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private static final Instant START = Instant.parse("2030-06-01T12:00:00Z");

    private final ForkClients clients = new ForkClients();

    private final QdrantEndpoint endpoint = new QdrantEndpoint(QdrantEndpoint.Mode.EMBEDDED,
            this.clients.server.host(), this.clients.server.grpcPort(), null, false, "test");

    private final JvmScopeMeters meters = new JvmScopeMeters();

    private ForkRuntime runtime;

    @AfterEach
    void close() {
        this.runtime.dropAll();
        this.clients.close();
    }

    @Test
    void eachBeatRecordsTheRenewalTimeOfBothLeasesAndKeepsTheClaim() {
        MutableClock clock = new MutableClock(START);
        this.runtime = runtime(clock);
        String namespace = "hb_r1_f1";
        claim(namespace, Duration.ofMinutes(10));
        clock.set(START.plusSeconds(30));

        this.runtime.heartbeat().renewNow();

        for (String collection : List.of(namespace, namespace + "_lease")) {
            LeaseOwner holder = claimer().readLease(collection);
            assertThat(holder.claimedAt()).as(collection).isEqualTo(START);
            assertThat(holder.renewedAt()).as(collection).isEqualTo(START.plusSeconds(30));
            assertThat(holder.sameProcess(this.runtime.self())).isTrue();
        }
        assertThat(this.meters.leaseLostCount()).isZero();
    }

    @Test
    void theScheduledHeartbeatRenewsWhileTheJvmRuns() throws Exception {
        this.runtime = new ForkRuntime(ForkIdentity.jvm(), LeaseOwner.self(ForkIdentity.jvm()), this.meters);
        String namespace = "hb_r2_f1";
        this.runtime.claim(this.endpoint, namespace, "hb", 4, "p", "doc_content", false, TIMEOUT,
                new LeaseSettings(Duration.ofSeconds(1), Duration.ofMillis(50), false, TIMEOUT, 50),
                new CountingScopeMetrics(this.meters, false));
        Instant claimed = claimer().readLease(namespace).claimedAt();

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!claimer().readLease(namespace).renewedAt().isAfter(claimed)) {
            assertThat(System.nanoTime()).as("renewed within 20s").isLessThan(deadline);
            Thread.onSpinWait();
        }
        assertThat(claimer().readLease(namespace).claimedAt()).isEqualTo(claimed);
    }

    @Test
    void aLeaseTakenByAnotherProcessIsNeverWrittenBackAndTheForksCallsAreRefused() throws Exception {
        this.runtime = runtime(new MutableClock(START));
        String namespace = "hb_r3_f1";
        claim(namespace, Duration.ofMinutes(10));
        QdrantClient app = this.clients.fork(namespace);
        assertThat(app.countAsync(namespace).get()).isEqualTo(1);
        ProcessHandle parent = ProcessHandle.current().parent().orElseThrow();
        LeaseOwner thief = new LeaseOwner("other", "9", ForkIdentity.jvm().host(), parent.pid(),
                parent.info().startInstant().orElse(null), START.plusSeconds(5));
        this.clients.plain().upsertAsync(namespace, List.of(CollectionLease.toPoint(thief, 4, "doc_content"))).get();

        this.runtime.heartbeat().renewNow();
        this.runtime.heartbeat().renewNow();

        assertThat(claimer().readLease(namespace)).isEqualTo(thief);
        assertThat(this.meters.leaseLostCount()).isEqualTo(1);
        assertThat(this.runtime.heartbeat().collections()).containsExactly(namespace + "_lease");
        assertThatThrownBy(() -> app.countAsync(namespace).get()).cause()
            .isInstanceOfSatisfying(StatusRuntimeException.class,
                    ex -> assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION))
            .hasMessageContaining("lost its lease of '" + namespace + "': '" + namespace + "' is now held by "
                    + thief.describe())
            .hasMessageContaining("every further call into namespace '" + namespace + "' is refused");
        this.runtime.dropAll();
        assertThat(this.clients.plain().collectionExistsAsync(namespace).get()).isTrue();
    }

    @Test
    void aLeasePointDeletedByTheApplicationIsWrittenAgain() throws Exception {
        this.runtime = runtime(new MutableClock(START));
        String namespace = "hb_r4_f1";
        claim(namespace, Duration.ofMinutes(10));
        this.clients.plain().deleteAsync(namespace, List.of(CollectionLease.pointId())).get();

        this.runtime.heartbeat().renewNow();

        assertThat(claimer().readLease(namespace).sameProcess(this.runtime.self())).isTrue();
        assertThat(this.meters.leaseLostCount()).isZero();
    }

    private void claim(String namespace, Duration heartbeat) {
        LeaseSettings lease = new LeaseSettings(heartbeat.multipliedBy(3), heartbeat, false, TIMEOUT, 50);
        CountingScopeMetrics metrics = new CountingScopeMetrics(this.meters, false);
        this.runtime.claim(this.endpoint, namespace, "hb", 4, "p", "doc_content", false, TIMEOUT, lease, metrics);
        this.runtime.mapsInto(this.endpoint, "hb", namespace, false, TIMEOUT, lease, metrics);
    }

    private ForkRuntime runtime(MutableClock clock) {
        return new ForkRuntime(ForkIdentity.jvm(), LeaseOwner.self(ForkIdentity.jvm(), clock), this.meters, clock);
    }

    private ForkCollectionClaimer claimer() {
        return new ForkCollectionClaimer(this.clients.plain(), TIMEOUT, Duration.ofHours(1), null);
    }
}
