package io.github.qdrantscope.junit;

import static io.github.qdrantscope.junit.Documents.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.github.qdrantscope.core.server.QdrantServerGoneException;
import io.github.qdrantscope.embedded.EmbeddedQdrant;
import io.grpc.StatusRuntimeException;
import io.qdrant.client.QdrantClient;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * The external server goes away while a class runs: the test whose call meets it fails naming server, collection
 * and test; every later test of the fork fails before its body runs, with the one cause; a test class that starts
 * after the server came back checks it again and runs.
 */
class ServerGoneTest {

    static volatile EmbeddedQdrant server;

    static final Set<String> BODIES = ConcurrentHashMap.newKeySet();

    @Test
    void laterTestsFailAtOnceWithTheOneCauseAndANewClassRunsOnceTheServerIsBack() {
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            server = EmbeddedQdrant.builder().port(0).start();
            int port = server.grpcPort();
            Map<String, String> parameters = Map.of("qdrant-scope.server.host", server.host(),
                    "qdrant-scope.server.port", Integer.toString(port), "qdrant-scope.connect-timeout", "5s",
                    "qdrant-scope.collection-prefix", "gone");
            try {
                TestExecutionSummary gone = Scenarios.run(GoneMidRun.class, parameters);

                assertThat(gone.getTestsSucceededCount()).isEqualTo(1);
                assertThat(BODIES).containsExactly("a", "b");
                List<Throwable> failures = gone.getFailures().stream()
                    .map(TestExecutionSummary.Failure::getException).toList();
                assertThat(failures).hasSize(3);
                assertThat(failures.get(0)).isInstanceOf(StatusRuntimeException.class)
                    .hasMessageContaining("qdrant-scope: the external Qdrant at " + server.host() + ":" + port)
                    .hasMessageContaining("did not answer qdrant.Points/Upsert on collection 'documents' in test "
                            + GoneMidRun.class.getName() + "#b_serverGoesAway: UNAVAILABLE");
                QdrantServerGoneException c = (QdrantServerGoneException) failures.get(1);
                QdrantServerGoneException d = (QdrantServerGoneException) failures.get(2);
                assertThat(c.first()).isSameAs(d.first());
                assertThat(c).hasMessageContaining("is gone since").hasMessageContaining("first failure: "
                        + "qdrant.Points/Upsert on collection 'documents' in test " + GoneMidRun.class.getName()
                        + "#b_serverGoesAway");

                server = EmbeddedQdrant.builder().port(port).start();
                TestExecutionSummary back = Scenarios.run(ComesBack.class, parameters);
                assertThat(Scenarios.failures(back)).isEmpty();
                assertThat(back.getTestsSucceededCount()).isEqualTo(1);
                assertThat(BODIES).containsExactly("a", "b", "back");
            }
            finally {
                server.close();
            }
        });
    }

    @Scenarios.Scenario
    @QdrantScopeTest
    @TestMethodOrder(MethodOrderer.MethodName.class)
    static class GoneMidRun {

        @Test
        void a_works(QdrantClient client) throws Exception {
            BODIES.add("a");
            Documents.ensureCollection(client);
            get(client.upsertAsync(Documents.COLLECTION, Documents.points("a")));
        }

        @Test
        void b_serverGoesAway(QdrantClient client) throws Exception {
            BODIES.add("b");
            server.close();
            get(client.upsertAsync(Documents.COLLECTION, Documents.points("b")));
        }

        @Test
        void c_failsBeforeItsBody(QdrantClient client) {
            BODIES.add("c");
        }

        @Test
        void d_failsBeforeItsBody() {
            BODIES.add("d");
        }
    }

    @Scenarios.Scenario
    @QdrantScopeTest
    static class ComesBack {

        @Test
        void works(QdrantClient client) throws Exception {
            BODIES.add("back");
            Documents.ensureCollection(client);
            get(client.upsertAsync(Documents.COLLECTION, Documents.points("back")));
            assertThat(get(client.countAsync(Documents.COLLECTION))).isEqualTo(4);
        }
    }
}
