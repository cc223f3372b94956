package io.github.qdrantscope.junit;

import static io.github.qdrantscope.junit.Documents.get;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.qdrantscope.core.ProjectScope;
import io.github.qdrantscope.core.ScopedProject;
import io.github.qdrantscope.core.server.QdrantEndpoint;
import io.github.qdrantscope.embedded.EmbeddedQdrant;
import io.qdrant.client.QdrantClient;
import io.qdrant.client.QdrantGrpcClient;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * An external server given by the starter's property names: a second embedded server with an API key, started
 * here, stands for it. The scenario runs with its own configuration parameters, as a build would pass them.
 */
class ExternalServerTest {

    static final List<QdrantScopeEndpoint> SEEN = new CopyOnWriteArrayList<>();

    static final List<ProjectScope> PROJECTS = new CopyOnWriteArrayList<>();

    @Test
    void theServerOfTheQdrantScopeServerPropertiesIsUsedMappedLeasedAndScoped() throws Exception {
        try (EmbeddedQdrant external = EmbeddedQdrant.builder().port(0).apiKey("s3cret").start()) {
            TestExecutionSummary summary = Scenarios.run(OnAnExternalServer.class, Map.of(
                    "qdrant-scope.server.host", external.host(),
                    "qdrant-scope.server.port", Integer.toString(external.grpcPort()),
                    "qdrant-scope.server.api-key", "s3cret"));

            assertThat(Scenarios.failures(summary)).isEmpty();
            assertThat(summary.getTestsSucceededCount()).isEqualTo(1);
            QdrantScopeEndpoint endpoint = SEEN.get(SEEN.size() - 1);
            assertThat(endpoint.mode()).isEqualTo(QdrantEndpoint.Mode.EXTERNAL);
            assertThat(endpoint.port()).isEqualTo(external.grpcPort());
            assertThat(endpoint.apiKey()).isEqualTo("s3cret");
            assertThat(endpoint.server().source()).contains("qdrant-scope.server.port (JUnit configuration parameter)");
            try (QdrantClient server = new QdrantClient(QdrantGrpcClient.newBuilder(external.host(),
                    external.grpcPort(), false).withApiKey("s3cret").build())) {
                assertThat(get(server.listCollectionsAsync())).containsExactlyInAnyOrder(
                        endpoint.serverCollection(Documents.COLLECTION), endpoint.namespace() + "_lease");
                // the scenario's project kept its points (cleanup NEVER), stamped with the project
                ProjectScope project = PROJECTS.get(PROJECTS.size() - 1);
                assertThat(get(server.countAsync(endpoint.serverCollection(Documents.COLLECTION)))).isEqualTo(4);
                try (ServerView view = new ServerView(endpoint)) {
                    assertThat(view.count(Documents.COLLECTION, project)).isEqualTo(4);
                }
            }
        }
    }

    @Scenarios.Scenario
    @QdrantScopeTest
    @ScopedProject(cleanup = ScopedProject.Cleanup.NEVER)
    static class OnAnExternalServer {

        @Test
        void writes(QdrantClient client, QdrantScopeEndpoint endpoint, ProjectScope scope) throws Exception {
            SEEN.add(endpoint);
            PROJECTS.add(scope);
            Documents.ensureCollection(client);
            get(client.upsertAsync(Documents.COLLECTION, Documents.points("external")));
            assertThat(get(client.countAsync(Documents.COLLECTION))).isEqualTo(4);
            assertThat(get(client.listCollectionsAsync())).containsExactly(Documents.COLLECTION);
        }
    }
}
