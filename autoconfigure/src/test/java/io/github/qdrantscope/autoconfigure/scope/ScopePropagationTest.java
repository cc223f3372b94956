package io.github.qdrantscope.autoconfigure.scope;

import java.time.Duration;

import io.github.qdrantscope.core.ProjectNames;
import io.github.qdrantscope.core.ProjectScope;
import io.github.qdrantscope.core.ScopedProject;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import io.github.qdrantscope.autoconfigure.scope.TestQdrant.StoredPoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

import org.springframework.ai.document.Document;
import org.springframework.ai.vectorstore.VectorStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.boot.webtestclient.autoconfigure.WebTestClientBuilderCustomizer;
import org.springframework.core.env.Environment;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scope follows the test's work onto other threads: an {@code @Async} executor thread, and the server
 * thread handling a request sent by {@code TestRestTemplate}, {@code RestTestClient} or {@code WebTestClient}
 * in a {@code RANDOM_PORT} test.
 */
@SpringBootTest(classes = { ScopeTestApplication.class, ScopePropagationTest.DocumentController.class },
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "spring.ai.vectorstore.qdrant.collection-name=scope_web", "qdrant-scope.unscoped=fail" })
@AutoConfigureTestRestTemplate
@AutoConfigureRestTestClient
// a generous response timeout: a first request on a loaded 2-core machine can take more than the default 5 s,
// and this is a guard against a hang, not a time limit on the scoping
@AutoConfigureWebTestClient(timeout = "PT60S")
@ScopedProject
@Execution(ExecutionMode.CONCURRENT)
class ScopePropagationTest extends ScopeTestApplication.OnEmbeddedQdrant {

    @Autowired
    TestRestTemplate restTemplate;

    @Autowired
    RestTestClient restTestClient;

    @Autowired
    WebTestClient webTestClient;

    @Autowired
    VectorStore vectorStore;

    @Autowired
    Environment environment;

    @LocalServerPort
    int port;

    @Autowired
    CurrentProject project;

    @Autowired
    ScopeTestApplication.AsyncProjectProbe asyncProbe;

    @Test
    void asyncMethodRunsInTheCallersProject() throws Exception {
        String[] threadAndProject = this.asyncProbe.projectOnExecutorThread().get().split("\\|", -1);
        assertThat(threadAndProject[0]).isNotEqualTo(Thread.currentThread().getName());
        assertThat(threadAndProject[1]).isEqualTo(this.project.name());
    }

    @Test
    void testRestTemplateRequestRunsInTheTestsProject() {
        assertThat(this.restTemplate.getForObject("/project", String.class)).isEqualTo(this.project.name());
        this.restTemplate.postForObject("/documents?id=web-1&text=posted over http", null, String.class);
        assertThat(this.vectorStore.similaritySearch("posted over http")).extracting(Document::getId)
            .containsExactly("web-1");
    }

    @Test
    void restTestClientRequestRunsInTheTestsProject() {
        String seen = this.restTestClient.get().uri("/project").exchange().expectBody(String.class)
            .returnResult().getResponseBody();
        assertThat(seen).isEqualTo(this.project.name());
        this.vectorStore.add(List.of(new Document("mine", "written by the test", Map.of())));
        String found = this.restTestClient.get().uri("/documents?query=written by the test").exchange()
            .expectBody(String.class).returnResult().getResponseBody();
        assertThat(found).isEqualTo("mine");
    }

    @Test
    void webTestClientRequestRunsInTheTestsProject() throws Exception {
        this.webTestClient.get().uri("/project").exchange().expectBody(String.class).isEqualTo(this.project.name());
        for (String id : List.of("wtc-1", "wtc-2")) {
            this.webTestClient.post().uri("/documents?id={id}&text=sent by web test client " + id, id)
                .exchange()
                .expectStatus().isOk();
        }
        // The server stored exactly these two documents, both in this test's project and nowhere else...
        assertThat(TestQdrant.pointsWithOriginalIds(this.environment, this.project.key(), List.of("wtc-1", "wtc-2")))
            .containsExactlyInAnyOrder(StoredPoint.inProject(this.project.scope(), "wtc-1"),
                    StoredPoint.inProject(this.project.scope(), "wtc-2"));
        // ...and its scoped search finds them under the ids it gave them.
        this.webTestClient.get().uri("/documents?query=sent by web test client wtc-1")
            .exchange()
            .expectBody(String.class)
            .value(found -> assertThat(found.split(",")).containsExactlyInAnyOrder("wtc-1", "wtc-2"));
    }

    @Test
    void webTestClientLeavesAProjectHeaderTheTestSetItself() {
        ProjectScope other = new ProjectScope(ProjectNames.newName("other"), this.project.key());
        this.webTestClient.get().uri("/project")
            .header(ProjectScopeHeaders.PROJECT, other.name())
            .exchange()
            .expectBody(String.class).isEqualTo(other.name());
    }

    @Test
    void webTestClientStartsItsFilterChainOnTheTestsThread() {
        AtomicReference<Thread> filterThread = new AtomicReference<>();
        WebTestClient client = this.webTestClient.mutate().filter((request, next) -> {
            filterThread.set(Thread.currentThread());
            return next.exchange(request);
        }).build();
        client.get().uri("/project").exchange().expectBody(String.class).isEqualTo(this.project.name());
        // What the scope filter relies on: it reads the thread-local when invoked, which is here.
        assertThat(filterThread.get()).isSameAs(Thread.currentThread());
    }

    @Test
    void webTestClientReadsTheScopeBeforeFiltersThatLeaveTheTestsThread(
            @Autowired @Qualifier("qdrantScopeWebTestClientCustomizer") WebTestClientBuilderCustomizer customizer) {
        // A filter registered before the starter's customizer ran, continuing where another scope is bound
        // (as on any other thread): the starter's filter is put ahead of it, so the test's scope is sent.
        ProjectScope elsewhere = new ProjectScope(ProjectNames.newName("elsewhere"), this.project.key());
        WebTestClient.Builder builder = WebTestClient.bindToServer()
            .responseTimeout(Duration.ofSeconds(60))
            .baseUrl("http://localhost:" + this.port)
            .filter((request, next) -> {
                try (ProjectScope.Binding ignored = ProjectScope.open(elsewhere)) {
                    return next.exchange(request);
                }
            });
        customizer.customize(builder);
        builder.build().get().uri("/project").exchange().expectBody(String.class).isEqualTo(this.project.name());
    }

    @Test
    void malformedScopeHeaderIsABadRequestNamingTheHeader() {
        String body = this.restTestClient.get().uri("/project")
            .header(ProjectScopeHeaders.PROJECT, "not a project")
            .exchange()
            .expectStatus().isBadRequest()
            .expectBody(String.class).returnResult().getResponseBody();
        assertThat(body).startsWith("Invalid " + ProjectScopeHeaders.PROJECT + " header: ")
            .contains("'not a project'");
    }

    @Test
    void malformedKeyHeaderIsABadRequestNamingTheHeader() {
        String body = this.restTestClient.get().uri("/project")
            .header(ProjectScopeHeaders.PROJECT, this.project.name())
            .header(ProjectScopeHeaders.KEY, "nested.key")
            .exchange()
            .expectStatus().isBadRequest()
            .expectBody(String.class).returnResult().getResponseBody();
        assertThat(body).startsWith("Invalid " + ProjectScopeHeaders.KEY + " header 'nested.key': ");
    }

    @Test
    void keyHeaderWithoutProjectHeaderIsABadRequest() {
        // A client without the starter's customization, so only the key header is sent.
        String body = RestTestClient.bindToServer().baseUrl("http://localhost:" + this.port).build()
            .get().uri("/project")
            .header(ProjectScopeHeaders.KEY, "my_key")
            .exchange()
            .expectStatus().isBadRequest()
            .expectBody(String.class).returnResult().getResponseBody();
        assertThat(body).isEqualTo(ProjectScopeHeaders.KEY + " header sent without " + ProjectScopeHeaders.PROJECT
                + ": send both headers or neither");
    }

    @RestController
    static class DocumentController {

        private final VectorStore vectorStore;

        DocumentController(VectorStore vectorStore) {
            this.vectorStore = vectorStore;
        }

        @GetMapping("/project")
        String project() {
            return ProjectScope.current().map(ProjectScope::name).orElse("none");
        }

        @PostMapping("/documents")
        String add(@RequestParam String id, @RequestParam String text) {
            this.vectorStore.add(List.of(new Document(id, text, Map.of())));
            return id;
        }

        @GetMapping("/documents")
        String search(@RequestParam String query) {
            return String.join(",",
                    this.vectorStore.similaritySearch(query).stream().map(Document::getId).toList());
        }
    }
}
