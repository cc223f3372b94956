package io.github.qdrantscope.core.server;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.github.qdrantscope.core.CurrentTest;
import io.github.qdrantscope.core.ProxiedCalls;
import io.github.qdrantscope.core.fork.ForkRuntime;
import io.github.qdrantscope.core.identity.ForkIdentity;
import io.github.qdrantscope.core.lease.LeaseOwner;
import io.github.qdrantscope.core.lease.LeaseSettings;
import io.github.qdrantscope.core.metrics.JvmScopeMeters;
import io.github.qdrantscope.core.metrics.NoOpScopeMetrics;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.qdrant.client.QdrantClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * A server that answers health checks but nothing else in time: every call qdrant-scope makes or watches ends at
 * its deadline, and the failure says which deadline fired (setting and value) and how to raise it; a slow server
 * is not taken for a gone one.
 */
class SlowServerTest {

    private static final Duration BOUND = Duration.ofSeconds(30);

    private final SlowServer server = new SlowServer();

    private final FaultClients clients = new FaultClients();

    @AfterEach
    void stop() {
        this.clients.close();
        this.server.close();
    }

    @Test
    void anApplicationCallWithoutADeadlineEndsAtCallTimeout() {
        assertTimeoutPreemptively(BOUND, () -> {
            QdrantClient client = this.clients.instrumented("127.0.0.1", this.server.port(),
                    ServerWatch.forApplication(Duration.ofSeconds(5), Duration.ofMillis(300)));
            try (CurrentTest.Binding test = CurrentTest.open("com.example.SlowTest#list", null)) {
                StatusRuntimeException failure = FaultClients.failure(client.listCollectionsAsync());
                assertThat(failure.getStatus().getCode()).isEqualTo(Status.Code.DEADLINE_EXCEEDED);
                assertThat(failure.getStatus().getDescription()).startsWith("qdrant-scope: the Qdrant at 127.0.0.1:"
                        + this.server.port() + " did not answer qdrant.Collections/List in test"
                        + " com.example.SlowTest#list within qdrant-scope.call-timeout=0.3s, the deadline qdrant-scope"
                        + " gives calls that have none; raise it if the server is just slow (DEADLINE_EXCEEDED: ");
            }
            assertThat(ServerHealth.of("127.0.0.1:" + this.server.port()).gone()).isNull();
        });
    }

    @Test
    void anApplicationCallWithItsOwnDeadlineSaysSo() {
        assertTimeoutPreemptively(BOUND, () -> {
            QdrantClient client = this.clients.instrumented("127.0.0.1", this.server.port(), ServerWatch.defaults());
            StatusRuntimeException failure = FaultClients.failure(client.countAsync("documents", null, true,
                    Duration.ofSeconds(2)));
            assertThat(failure.getStatus().getCode()).isEqualTo(Status.Code.DEADLINE_EXCEEDED);
            assertThat(failure.getStatus().getDescription()).contains(" did not answer qdrant.Points/Count on"
                    + " collection 'documents' outside any test within the call's own deadline of 2s (a timeout"
                    + " argument, or the client's withTimeout); raise it if the server is just slow");
        });
    }

    @Test
    void qdrantScopesOwnCallsOnAnApplicationClientSayWhichDeadline() {
        assertTimeoutPreemptively(BOUND, () -> {
            QdrantClient client = this.clients.instrumented("127.0.0.1", this.server.port(), ServerWatch.defaults());
            IllegalStateException failure = assertThrows(IllegalStateException.class, () -> ProxiedCalls.await(
                    () -> client.listCollectionsAsync(Duration.ofSeconds(1)), Duration.ofSeconds(1),
                    "list the collections"));
            assertThat(failure.getMessage()).startsWith("Could not list the collections: io.grpc.StatusRuntimeException:"
                    + " DEADLINE_EXCEEDED: qdrant-scope: the Qdrant at 127.0.0.1:" + this.server.port()
                    + " did not answer qdrant.Collections/List outside any test within the deadline of 1s"
                    + " qdrant-scope gave its own call (cleanups take qdrant-scope.call-timeout)");
        });
    }

    @Test
    void administrativeCallsEndAtConnectTimeoutAndNameIt() {
        assertTimeoutPreemptively(BOUND, () -> {
            QdrantEndpoint endpoint = new QdrantEndpoint(QdrantEndpoint.Mode.EXTERNAL, "127.0.0.1",
                    this.server.port(), null, false, "qdrant-scope.server.port set");
            ForkRuntime runtime = new ForkRuntime(ForkIdentity.jvm(), LeaseOwner.self(ForkIdentity.jvm()),
                    new JvmScopeMeters());
            try {
                // the connect-timeout first bounds the start-up health check, which this server answers: 2 s, so
                // that a loaded machine answers it in time and the slow call is the one that hits the deadline
                RuntimeException failure = assertThrows(RuntimeException.class, () -> runtime.mapsInto(endpoint,
                        "qdrant_scope", "qdrant_scope_slow_f1", false, Duration.ofSeconds(2), LeaseSettings.defaults(),
                        NoOpScopeMetrics.INSTANCE));
                assertThat(failure).hasMessageContaining("DEADLINE_EXCEEDED: qdrant-scope: the external Qdrant at"
                        + " 127.0.0.1:" + this.server.port() + " from qdrant-scope.server.port set did not answer"
                        + " qdrant.Collections/CollectionExists on collection 'qdrant_scope_slow_f1")
                    .hasMessageContaining("within qdrant-scope.connect-timeout=2s, the deadline of qdrant-scope's"
                            + " own calls; raise it if the server is just slow");
            }
            finally {
                runtime.dropAll();
            }
        });
    }
}
