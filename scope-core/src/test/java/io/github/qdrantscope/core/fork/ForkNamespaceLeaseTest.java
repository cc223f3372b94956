package io.github.qdrantscope.core.fork;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.qdrantscope.core.identity.ForkIdentity;
import io.github.qdrantscope.core.lease.CollectionClaimedException;
import io.github.qdrantscope.core.lease.ForkCollectionClaimer;
import io.github.qdrantscope.core.lease.LeaseOwner;
import io.github.qdrantscope.core.lease.LeaseSettings;
import io.github.qdrantscope.core.lease.NamespaceLease;
import io.github.qdrantscope.core.metrics.CountingScopeMetrics;
import io.github.qdrantscope.core.metrics.JvmScopeMeters;
import io.github.qdrantscope.core.server.QdrantEndpoint;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.qdrant.client.QdrantClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A fork's namespace is leased before its first mapped request: by the runtime ({@link ForkRuntime#mapsInto}) and,
 * where that is deferred, by the interceptor's first call.
 */
class ForkNamespaceLeaseTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private static final LeaseSettings LEASE = new LeaseSettings(Duration.ofHours(1), Duration.ofMinutes(10), true,
            Duration.ofSeconds(10), 50);

    private static final Runnable NOTHING_TO_CLEAR = () -> {
        throw new AssertionError("a new namespace has no holder to take over from");
    };

    private final ForkClients clients = new ForkClients();

    private final QdrantEndpoint endpoint = new QdrantEndpoint(QdrantEndpoint.Mode.EMBEDDED,
            this.clients.server.host(), this.clients.server.grpcPort(), null, false, "test");

    private final JvmScopeMeters meters = new JvmScopeMeters();

    private final ForkRuntime runtime = new ForkRuntime(ForkIdentity.jvm(),
            LeaseOwner.self(ForkIdentity.jvm()), this.meters);

    @AfterEach
    void close() {
        this.runtime.dropAll();
        this.clients.close();
    }

    @Test
    void theFirstMappedCallLeasesTheNamespaceOnceAndTheApplicationNeverSeesTheLease() throws Exception {
        AtomicInteger leased = new AtomicInteger();
        QdrantClient app = client("qs_ns_a", () -> {
            leased.incrementAndGet();
            this.runtime.mapsInto(this.endpoint, "qs", "qs_ns_a", false, TIMEOUT, LEASE,
                    new CountingScopeMetrics(this.meters, false));
        });

        app.createCollectionAsync("documents", io.qdrant.client.grpc.Collections.VectorParams.newBuilder()
            .setSize(2).setDistance(io.qdrant.client.grpc.Collections.Distance.Cosine).build()).get();
        assertThat(app.listCollectionsAsync().get()).containsExactly("documents");

        assertThat(leased).hasValue(1);
        QdrantClient plain = this.clients.plain();
        assertThat(plain.listCollectionsAsync().get()).containsExactlyInAnyOrder("qs_ns_a__documents",
                "qs_ns_a_lease");
        assertThat(claimer(plain).readLease("qs_ns_a_lease").sameProcess(this.runtime.self())).isTrue();
        assertThat(this.runtime.collections()).containsExactly("qs_ns_a__documents");
    }

    @Test
    void aNamespaceHeldByAnotherLiveJvmRefusesEveryCallAndSendsNothing() throws Exception {
        ProcessHandle parent = ProcessHandle.current().parent().orElseThrow();
        LeaseOwner other = new LeaseOwner("run-x", "7", ForkIdentity.jvm().host(), parent.pid(),
                parent.info().startInstant().orElse(null), Instant.now());
        NamespaceLease.claim(claimer(this.clients.plain()), "qs_ns_b", other, NOTHING_TO_CLEAR);
        QdrantClient app = client("qs_ns_b", () -> this.runtime.mapsInto(this.endpoint, "qs", "qs_ns_b", false, TIMEOUT,
                LEASE, new CountingScopeMetrics(this.meters, false)));

        for (int call = 0; call < 2; call++) {
            assertThatThrownBy(() -> app.listCollectionsAsync().get()).isInstanceOf(ExecutionException.class)
                .cause()
                .isInstanceOfSatisfying(StatusRuntimeException.class, ex -> {
                    assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
                    assertThat(ex.getStatus().getDescription()).contains("'qs_ns_b_lease' is already claimed by run "
                            + "run-x fork 7");
                    assertThat(ex.getStatus().getCause()).isInstanceOf(CollectionClaimedException.class);
                });
        }
        assertThat(this.meters.contentionCount(io.github.qdrantscope.core.metrics.ContentionKind.COLLECTION_CLAIM))
            .isEqualTo(1);
        assertThat(this.clients.plain().listCollectionsAsync().get()).containsExactly("qs_ns_b_lease");
    }

    @Test
    void underFailOnContentionTheRefusalIsTheSameAndCountedOnce() throws Exception {
        ProcessHandle parent = ProcessHandle.current().parent().orElseThrow();
        LeaseOwner other = new LeaseOwner("run-x", "7", ForkIdentity.jvm().host(), parent.pid(),
                parent.info().startInstant().orElse(null), Instant.now());
        NamespaceLease.claim(claimer(this.clients.plain()), "qs_ns_c", other, NOTHING_TO_CLEAR);
        QdrantClient app = client("qs_ns_c", () -> this.runtime.mapsInto(this.endpoint, "qs", "qs_ns_c", false, TIMEOUT,
                LEASE, new CountingScopeMetrics(this.meters, true)));

        for (int call = 0; call < 2; call++) {
            assertThatThrownBy(() -> app.listCollectionsAsync().get()).isInstanceOf(ExecutionException.class)
                .cause()
                .isInstanceOfSatisfying(StatusRuntimeException.class, ex -> {
                    assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
                    assertThat(ex.getStatus().getDescription()).contains("collection_claim")
                        .contains("'qs_ns_c_lease'");
                });
        }
        assertThat(this.meters.contentionCount(io.github.qdrantscope.core.metrics.ContentionKind.COLLECTION_CLAIM))
            .isEqualTo(1);
    }

    @Test
    void aFailureOtherThanAClaimIsRetriedOnTheNextCall() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        QdrantClient app = client("qs_ns_c", () -> {
            if (attempts.incrementAndGet() == 1) {
                throw new IllegalStateException("server not ready");
            }
        });

        assertThatThrownBy(() -> app.listCollectionsAsync().get()).cause()
            .isInstanceOfSatisfying(StatusRuntimeException.class, ex -> assertThat(ex.getStatus().getCode())
                .isEqualTo(Status.Code.UNAVAILABLE))
            .hasMessageContaining("server not ready");
        assertThat(app.listCollectionsAsync().get()).isEmpty();
        assertThat(app.listCollectionsAsync().get()).isEmpty();
        assertThat(attempts).hasValue(2);
    }

    @Test
    void aServerGoneBeforeExitDoesNotKeepAnotherServersNamespaceAndTheReportNamesBothModes() throws Exception {
        QdrantEndpoint gone;
        try (io.github.qdrantscope.embedded.EmbeddedQdrant other = io.github.qdrantscope.embedded.EmbeddedQdrant
            .builder().port(0).start()) {
            gone = new QdrantEndpoint(QdrantEndpoint.Mode.EXTERNAL, other.host(), other.grpcPort(), null, false, "test");
            this.runtime.mapsInto(gone, "qs", "qs_ns_d", false, TIMEOUT, LEASE,
                    new CountingScopeMetrics(this.meters, false));
        }
        this.runtime.mapsInto(this.endpoint, "qs", "qs_ns_d", false, TIMEOUT, LEASE,
                new CountingScopeMetrics(this.meters, false));
        QdrantClient plain = this.clients.plain();
        plain.createCollectionAsync("qs_ns_d__documents", io.qdrant.client.grpc.Collections.VectorParams.newBuilder()
            .setSize(2).setDistance(io.qdrant.client.grpc.Collections.Distance.Cosine).build()).get();

        assertThat(this.runtime.report().mode()).isEqualTo("embedded,external");
        this.runtime.dropAll();

        assertThat(plain.listCollectionsAsync().get()).doesNotContain("qs_ns_d__documents", "qs_ns_d_lease");
    }

    private QdrantClient client(String namespace, Runnable beforeFirstCall) {
        return this.clients.client(ManagedChannelBuilder.forAddress(this.clients.server.host(),
                this.clients.server.grpcPort()).usePlaintext()
            .intercept(new ForkCollectionsInterceptor(new ForkCollections(namespace), beforeFirstCall))
            .build());
    }

    private static ForkCollectionClaimer claimer(QdrantClient client) {
        return new ForkCollectionClaimer(client, TIMEOUT, Duration.ofHours(1), null);
    }

}
