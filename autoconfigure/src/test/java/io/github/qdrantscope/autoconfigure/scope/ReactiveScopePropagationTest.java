package io.github.qdrantscope.autoconfigure.scope;

import java.time.Duration;

import io.github.qdrantscope.core.ProjectScope;
import io.github.qdrantscope.core.ScopedProject;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import io.github.qdrantscope.autoconfigure.scope.TestQdrant.StoredPoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.ai.document.Document;
import org.springframework.ai.vectorstore.VectorStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.reactor.netty.NettyWebServer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.reactive.context.ReactiveWebServerApplicationContext;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.env.Environment;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A WebFlux application on Reactor Netty with {@code spring.reactor.context-propagation=auto}: the
 * {@link ProjectScopeWebFilter} carries the scope the test's {@code WebTestClient} sends into the request's
 * Reactor context, and handler code, on the event loop and after a hop to {@code boundedElastic}, calls the
 * blocking scoped {@code VectorStore} in the test's project.
 */
@SpringBootTest(classes = { ScopeTestApplication.class, ReactiveScopePropagationTest.ReactiveDocumentController.class },
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "spring.main.web-application-type=reactive", "spring.reactor.context-propagation=auto",
                // Tomcat is on the test classpath too; this suite is about Reactor Netty
                "spring.autoconfigure.exclude="
                        + "org.springframework.boot.tomcat.autoconfigure.reactive.TomcatReactiveWebServerAutoConfiguration",
                "spring.ai.vectorstore.qdrant.collection-name=scope_reactive", "qdrant-scope.unscoped=fail" })
// a generous response timeout: a first request on a loaded 2-core machine can take more than the default 5 s,
// and this is a guard against a hang, not a time limit on the scoping
@AutoConfigureWebTestClient(timeout = "PT60S")
@ScopedProject
@Execution(ExecutionMode.CONCURRENT)
class ReactiveScopePropagationTest extends ScopeTestApplication.OnEmbeddedQdrant {

    @Autowired
    WebTestClient webTestClient;

    @Autowired
    VectorStore vectorStore;

    @Autowired
    CurrentProject project;

    @Autowired
    Environment environment;

    @Autowired
    ReactiveWebServerApplicationContext context;

    @LocalServerPort
    int port;

    @Test
    void runsOnReactorNetty() {
        assertThat(this.context.getWebServer()).isInstanceOf(NettyWebServer.class);
        assertThat(this.context.getBeansOfType(ProjectScopeWebFilter.class)).hasSize(1);
    }

    @Test
    void handlerOnTheEventLoopRunsInTheTestsProject() {
        this.webTestClient.get().uri("/project").exchange().expectBody(String.class).isEqualTo(this.project.name());
    }

    @Test
    void handlerAfterASchedulerHopRunsInTheTestsProject() {
        String[] threadAndProject = this.webTestClient.get().uri("/project-elsewhere").exchange()
            .expectBody(String.class).returnResult().getResponseBody().split("\\|", -1);
        assertThat(threadAndProject[0]).startsWith("boundedElastic-");
        assertThat(threadAndProject[1]).isEqualTo(this.project.name());
    }

    @Test
    void documentsStoredByTheHandlerLandInTheTestsProject() throws Exception {
        for (String id : List.of("flux-1", "flux-2")) {
            this.webTestClient.post().uri("/documents?id={id}&text=stored reactively " + id, id)
                .exchange()
                .expectStatus().isOk();
        }
        assertThat(TestQdrant.pointsWithOriginalIds(this.environment, this.project.key(), List.of("flux-1", "flux-2")))
            .containsExactlyInAnyOrder(StoredPoint.inProject(this.project.scope(), "flux-1"),
                    StoredPoint.inProject(this.project.scope(), "flux-2"));
        assertThat(this.vectorStore.similaritySearch("stored reactively")).extracting(Document::getId)
            .containsExactlyInAnyOrder("flux-1", "flux-2");
    }

    @Test
    void handlerSearchesTheTestsProject() {
        this.vectorStore.add(List.of(new Document("mine", "written by the reactive test", Map.of())));
        this.webTestClient.get().uri("/documents?query=written by the reactive test")
            .exchange()
            .expectBody(String.class).isEqualTo("mine");
    }

    @Test
    void requestWithoutHeadersRunsUnscopedOnThreadsThatServedScopedOnes() {
        this.webTestClient.get().uri("/project").exchange().expectBody(String.class).isEqualTo(this.project.name());
        // A client without the starter's customization sends no scope; nothing is left behind on the server.
        WebTestClient plain = WebTestClient.bindToServer()
            .responseTimeout(Duration.ofSeconds(60))
            .baseUrl("http://localhost:" + this.port)
            .build();
        for (int i = 0; i < 4; i++) {
            plain.get().uri("/project").exchange().expectBody(String.class).isEqualTo("none");
            plain.get().uri("/project-elsewhere").exchange().expectBody(String.class)
                .value(threadAndProject -> assertThat(threadAndProject).endsWith("|none"));
        }
    }

    @Test
    void malformedProjectHeaderIsABadRequestNamingTheHeader() {
        this.webTestClient.get().uri("/project")
            .header(ProjectScopeHeaders.PROJECT, "not a project")
            .exchange()
            .expectStatus().isBadRequest()
            .expectBody(String.class)
            .value(body -> assertThat(body).startsWith("Invalid " + ProjectScopeHeaders.PROJECT + " header: ")
                .contains("'not a project'"));
    }

    @Test
    void malformedKeyHeaderIsABadRequestNamingTheHeader() {
        this.webTestClient.get().uri("/project")
            .header(ProjectScopeHeaders.PROJECT, this.project.name())
            .header(ProjectScopeHeaders.KEY, "nested.key")
            .exchange()
            .expectStatus().isBadRequest()
            .expectBody(String.class)
            .value(body -> assertThat(body).startsWith("Invalid " + ProjectScopeHeaders.KEY + " header 'nested.key': "));
    }

    @RestController
    static class ReactiveDocumentController {

        private final VectorStore vectorStore;

        ReactiveDocumentController(VectorStore vectorStore) {
            this.vectorStore = vectorStore;
        }

        /** Runs on the Netty event loop. */
        @GetMapping("/project")
        String project() {
            return currentProject();
        }

        @GetMapping("/project-elsewhere")
        Mono<String> projectElsewhere() {
            return onBoundedElastic(() -> Thread.currentThread().getName() + "|" + currentProject());
        }

        @PostMapping("/documents")
        Mono<String> add(@RequestParam String id, @RequestParam String text) {
            return onBoundedElastic(() -> {
                this.vectorStore.add(List.of(new Document(id, text, Map.of())));
                return id;
            });
        }

        @GetMapping("/documents")
        Mono<String> search(@RequestParam String query) {
            return onBoundedElastic(() -> String.join(",",
                    this.vectorStore.similaritySearch(query).stream().map(Document::getId).toList()));
        }

        private static String currentProject() {
            return ProjectScope.current().map(ProjectScope::name).orElse("none");
        }

        /** Blocking work belongs off the event loop: the scope has to follow the hop. */
        private static Mono<String> onBoundedElastic(Callable<String> work) {
            return Mono.fromCallable(work).subscribeOn(Schedulers.boundedElastic());
        }
    }
}
