package io.github.qdrantscope.autoconfigure.scope;

import io.github.qdrantscope.core.ProjectNames;
import io.github.qdrantscope.core.ProjectScope;
import io.github.qdrantscope.core.ScopedProject;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.qdrant.client.QdrantClient;
import io.qdrant.client.WithPayloadSelectorFactory;
import io.qdrant.client.grpc.Common;
import io.qdrant.client.grpc.JsonWithInt;
import io.qdrant.client.grpc.Points;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

import org.springframework.ai.document.Document;
import org.springframework.ai.vectorstore.SearchRequest;
import org.springframework.ai.vectorstore.VectorStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many threads, each in its own project, hammer one collection with the same ids through the scoped
 * store (adds, overwrites, searches, deletes). Afterwards an independent client reads every point of the
 * collection without any filter and checks that no point ever crossed into another project.
 */
@SpringBootTest(classes = ScopeTestApplication.class,
        properties = { "spring.ai.vectorstore.qdrant.collection-name=scope_stress", "qdrant-scope.unscoped=fail" })
@Execution(ExecutionMode.CONCURRENT)
class ScopeStressTest extends ScopeTestApplication.OnEmbeddedQdrant {

    private static final int THREADS = 8;

    private static final int ROUNDS = 25;

    private static final int IDS = 5;

    @Autowired
    VectorStore vectorStore;

    @Autowired
    Environment environment;

    @Test
    void noPointCrossesProjects() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<String>> workers = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            workers.add(pool.submit(this::worker));
        }
        Set<String> projects = new HashSet<>();
        try {
            for (Future<String> worker : workers) {
                projects.add(worker.get());
            }
        }
        finally {
            pool.shutdownNow();
        }
        assertThat(projects).hasSize(THREADS);

        String collection = this.environment.getRequiredProperty("spring.ai.vectorstore.qdrant.collection-name");
        Map<String, Set<String>> idsByProject = new HashMap<>();
        int stressPoints = 0;
        try (QdrantClient independent = TestQdrant.client(this.environment)) {
            List<Points.RetrievedPoint> all = independent.scrollAsync(Points.ScrollPoints.newBuilder()
                .setCollectionName(collection)
                .setLimit(100_000)
                .setWithPayload(WithPayloadSelectorFactory.enable(true))
                .build()).get().getResultList();
            for (Points.RetrievedPoint point : all) {
                Map<String, JsonWithInt.Value> payload = point.getPayloadMap();
                if (!payload.containsKey(ScopedProject.DEFAULT_KEY)) {
                    continue; // written outside any scope (not by this test, which runs with unscoped=fail)
                }
                String project = payload.get(ScopedProject.DEFAULT_KEY).getStringValue();
                String originalId = TestQdrant.documentId(point, project);
                // The point's id is its own project's namespaced id: no write landed in another project.
                assertThat(point.getId().getUuid()).isEqualTo(TestQdrant.storedId(project, originalId));
                if (projects.contains(project)) {
                    // ...and it was written by the thread owning that project.
                    assertThat(payload.get("writer").getStringValue()).isEqualTo(project);
                    idsByProject.computeIfAbsent(project, p -> new HashSet<>()).add(originalId);
                    stressPoints++;
                }
            }
        }
        assertThat(stressPoints).isEqualTo(THREADS * (IDS - 1));
        assertThat(idsByProject.keySet()).isEqualTo(projects);
        assertThat(idsByProject.values()).allSatisfy(ids -> assertThat(ids).hasSize(IDS - 1));
    }

    /** One thread's work in its own project; returns the project. */
    private String worker() {
        ProjectScope scope = new ProjectScope(ProjectNames.newName("stress"), ScopedProject.DEFAULT_KEY);
        try (ProjectScope.Binding ignored = ProjectScope.open(scope)) {
            for (int r = 0; r < ROUNDS; r++) {
                int round = r;
                List<Document> documents = new ArrayList<>();
                for (int i = 0; i < IDS; i++) {
                    documents.add(new Document("id-" + i, "common words " + i,
                            Map.of("writer", scope.name(), "round", round)));
                }
                this.vectorStore.add(documents);
                List<Document> found = this.vectorStore
                    .similaritySearch(SearchRequest.builder().query("common words").topK(50).build());
                assertThat(found).hasSize(IDS).allSatisfy(d -> {
                    assertThat(d.getMetadata()).containsEntry("writer", scope.name())
                        .doesNotContainKey(ScopedProject.DEFAULT_KEY);
                    assertThat(((Number) d.getMetadata().get("round")).intValue()).isEqualTo(round);
                });
                this.vectorStore.delete(List.of("id-0"));
                assertThat(this.vectorStore.similaritySearch(SearchRequest.builder().query("common words")
                    .topK(50).filterExpression("round == " + round).build())).hasSize(IDS - 1);
            }
            return scope.name();
        }
    }
}
