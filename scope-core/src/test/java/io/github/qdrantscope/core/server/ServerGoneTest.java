package io.github.qdrantscope.core.server;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.github.qdrantscope.core.CurrentTest;
import io.github.qdrantscope.embedded.EmbeddedQdrant;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.qdrant.client.QdrantClient;
import io.qdrant.client.grpc.Collections.Distance;
import io.qdrant.client.grpc.Collections.VectorParams;
import io.qdrant.client.grpc.Points.PointStruct;
import org.junit.jupiter.api.Test;

import static io.qdrant.client.PointIdFactory.id;
import static io.qdrant.client.VectorsFactory.vectors;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * A server that goes away in the middle of a run, as a user meets it: the embedded server closed by a test, and an
 * external server process killed. The next call fails naming server, collection and test; once a health check
 * confirms the server is gone, every further call fails at once with that one cause without reaching the
 * transport; a server that comes back serves new clients after a health check.
 */
class ServerGoneTest {

    private static final Duration BOUND = Duration.ofSeconds(60);

    private static final ServerWatch WATCH = ServerWatch.forApplication(Duration.ofSeconds(5), Duration.ofSeconds(30));

    private static final VectorParams PARAMS = VectorParams.newBuilder().setSize(2).setDistance(Distance.Cosine)
        .build();

    @Test
    void embeddedServerClosedFromATestFailsTheNextCallsWithOneCause() {
        assertTimeoutPreemptively(BOUND, () -> {
            EmbeddedQdrant server = EmbeddedQdrant.builder().port(0).start();
            QdrantEndpoint endpoint = new QdrantEndpoint(QdrantEndpoint.Mode.EMBEDDED, server.host(),
                    server.grpcPort(), null, false, "embedded Qdrant started by the test");
            ServerHealth health = ServerHealth.of(endpoint);
            String address = server.host() + ":" + server.grpcPort();
            try (FaultClients clients = new FaultClients();
                    CurrentTest.Binding test = CurrentTest.open("com.example.GoneTest#upsert", null)) {
                QdrantClient client = clients.instrumented(server.host(), server.grpcPort(), WATCH);
                client.createCollectionAsync("documents", PARAMS).get(30, TimeUnit.SECONDS);
                server.close();

                StatusRuntimeException first = FaultClients.failure(client.upsertAsync("documents", points()));
                assertThat(first.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE);
                assertThat(first.getStatus().getDescription())
                    .startsWith("qdrant-scope: the embedded Qdrant at " + address
                            + " from embedded Qdrant started by the test did not answer qdrant.Points/Upsert on"
                            + " collection 'documents' in test com.example.GoneTest#upsert: UNAVAILABLE")
                    .contains("qdrant-scope checks whether the server is gone (a health check within"
                            + " qdrant-scope.connect-timeout=5s)");
                int sentBefore = clients.sent.get();

                QdrantServerGoneException gone = FaultClients.refused(client.upsertAsync("documents", points()));
                assertThat(gone.getMessage())
                    .startsWith("qdrant-scope: the embedded Qdrant at " + address
                            + " from embedded Qdrant started by the test is gone since ")
                    .contains("(first failure: qdrant.Points/Upsert on collection 'documents' in test"
                            + " com.example.GoneTest#upsert: UNAVAILABLE")
                    .contains("a health check within qdrant-scope.connect-timeout=5s then failed: UNAVAILABLE")
                    .contains("The fork's remaining Qdrant calls fail at once without contacting it")
                    .contains("Restart the server");
                // every further call: the same cause, any service, nothing past the watch
                assertThat(FaultClients.refused(client.listCollectionsAsync())).isSameAs(gone);
                assertThat(FaultClients.refused(client.countAsync("documents"))).isSameAs(gone);
                assertThat(clients.sent.get()).isEqualTo(sentBefore);
                assertThat(health.gone()).isSameAs(gone);
            }
            finally {
                health.recovered();
            }
        });
    }

    @Test
    void externalServerProcessKilledFailsFastAndAServerThatComesBackServesNewClients() {
        assertTimeoutPreemptively(BOUND, () -> {
            Process process = standalone(0);
            String host;
            int port;
            try {
                String[] address = listening(process);
                host = address[0];
                port = Integer.parseInt(address[1]);
            }
            catch (RuntimeException ex) {
                process.destroyForcibly();
                throw ex;
            }
            QdrantEndpoint endpoint = new QdrantEndpoint(QdrantEndpoint.Mode.EXTERNAL, host, port, null, false,
                    "qdrant-scope.server.port set");
            ServerHealth health = ServerHealth.of(endpoint);
            Process restarted = null;
            try (FaultClients clients = new FaultClients();
                    CurrentTest.Binding test = CurrentTest.open("com.example.KilledTest#search", null)) {
                QdrantClient client = clients.instrumented(host, port, WATCH);
                client.createCollectionAsync("documents", PARAMS).get(30, TimeUnit.SECONDS);
                client.upsertAsync("documents", points()).get(30, TimeUnit.SECONDS);

                process.destroyForcibly().waitFor();

                // a call on the connection the kill cut may end UNKNOWN (a reset stream); the next one meets no server
                StatusRuntimeException first = FaultClients.failure(client.countAsync("documents"));
                if (first.getStatus().getCode() == Status.Code.UNKNOWN) {
                    first = FaultClients.failure(client.countAsync("documents"));
                }
                assertThat(first.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE);
                assertThat(first.getStatus().getDescription()).startsWith("qdrant-scope: the external Qdrant at "
                        + host + ":" + port + " from qdrant-scope.server.port set did not answer qdrant.Points/Count"
                        + " on collection 'documents' in test com.example.KilledTest#search: UNAVAILABLE");
                int sentBefore = clients.sent.get();
                QdrantServerGoneException gone = FaultClients.refused(client.countAsync("documents"));
                assertThat(gone.getMessage()).contains("first failure: qdrant.Points/Count on collection 'documents'"
                        + " in test com.example.KilledTest#search");
                assertThat(FaultClients.refused(client.upsertAsync("documents", points()))).isSameAs(gone);
                assertThat(clients.sent.get()).isEqualTo(sentBefore);

                // the server comes back on its port: a new context's health check finds it, new clients work
                restarted = standalone(port);
                assertThat(listening(restarted)[1]).isEqualTo(Integer.toString(port));
                QdrantHealthCheck.check(clients.plain(host, port), endpoint, Duration.ofSeconds(10),
                        ServerWatch.CONNECT_TIMEOUT);
                assertThat(health.gone()).isNull();
                QdrantClient fresh = clients.instrumented(host, port, WATCH);
                fresh.createCollectionAsync("documents", PARAMS).get(30, TimeUnit.SECONDS);
                fresh.upsertAsync("documents", points()).get(30, TimeUnit.SECONDS);
                assertThat(fresh.countAsync("documents").get(30, TimeUnit.SECONDS)).isEqualTo(2L);
            }
            finally {
                process.destroyForcibly();
                if (restarted != null) {
                    restarted.destroyForcibly().waitFor();
                }
                health.recovered();
            }
        });
    }

    @Test
    void aGoneServerLeavesOtherServersAlone() {
        assertTimeoutPreemptively(BOUND, () -> {
            EmbeddedQdrant gone = EmbeddedQdrant.builder().port(0).start();
            String goneAddress = gone.host() + ":" + gone.grpcPort();
            ServerHealth goneHealth = ServerHealth.of(goneAddress);
            try (EmbeddedQdrant fresh = EmbeddedQdrant.builder().port(0).start();
                    FaultClients clients = new FaultClients()) {
                QdrantClient toGone = clients.instrumented(gone.host(), Integer.parseInt(goneAddress.substring(
                        goneAddress.lastIndexOf(':') + 1)), WATCH);
                toGone.listCollectionsAsync().get(30, TimeUnit.SECONDS);
                gone.close();
                FaultClients.failure(toGone.listCollectionsAsync());
                QdrantServerGoneException cause = FaultClients.refused(toGone.listCollectionsAsync());
                assertThat(cause.getMessage()).contains("first failure: qdrant.Collections/List outside any test");

                QdrantClient other = clients.instrumented(fresh.host(), fresh.grpcPort(), WATCH);
                other.createCollectionAsync("documents", PARAMS).get(30, TimeUnit.SECONDS);
                assertThat(other.listCollectionsAsync().get(30, TimeUnit.SECONDS)).containsExactly("documents");
            }
            finally {
                goneHealth.recovered();
            }
        });
    }

    private static List<PointStruct> points() {
        return List.of(PointStruct.newBuilder().setId(id(1)).setVectors(vectors(1f, 0f)).build(),
                PointStruct.newBuilder().setId(id(2)).setVectors(vectors(0f, 1f)).build());
    }

    /** The embedded server's standalone main in a child JVM, as a user runs an external server. */
    private static Process standalone(int port) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "io.github.qdrantscope.embedded.Main", "--port", Integer.toString(port))
            .redirectErrorStream(true)
            .start();
    }

    /** Host and port from the line {@code Embedded Qdrant listening on <host>:<port>}. */
    private static String[] listening(Process process) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
        String prefix = "Embedded Qdrant listening on ";
        StringBuilder seen = new StringBuilder();
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            if (line.startsWith(prefix)) {
                String address = line.substring(prefix.length());
                int colon = address.lastIndexOf(':');
                return new String[] { address.substring(0, colon), address.substring(colon + 1) };
            }
            seen.append(line).append('\n');
        }
        throw new IllegalStateException("the standalone server ended without listening:\n" + seen);
    }
}
