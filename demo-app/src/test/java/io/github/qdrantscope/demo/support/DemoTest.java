package io.github.qdrantscope.demo.support;

import io.github.qdrantscope.core.ScopedProject;
import org.springframework.ai.embedding.EmbeddingModel;
import org.springframework.ai.vectorstore.VectorStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Base of every test in the demo suite. All classes share exactly this configuration, so each Surefire fork
 * starts one Spring context (and one embedded Qdrant) and every class reuses it: no {@code @DirtiesContext},
 * no per-class properties. {@link ScopedProject} gives each test method its own project in the fork's
 * collection, which is what lets the tests run in parallel and still assert exact results, with fixed
 * project names, ids and contents shared by many tests. The application's raw-client reads are narrowed
 * to the same project by {@link ScopedCatalogFilter}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "qdrant-scope.embedding=hashing")
@Import(SuiteConfiguration.class)
@AutoConfigureMockMvc
@AutoConfigureRestTestClient
@ScopedProject
public abstract class DemoTest {

    @Autowired
    protected MockMvcTester mvc;

    @Autowired
    protected RestTestClient http;

    @Autowired
    protected JsonMapper json;

    @Autowired
    protected VectorStore vectorStore;

    @Autowired
    protected EmbeddingModel embeddingModel;

    private MemoryApi api;

    /** The REST API, called through MockMvc on the test's own thread. */
    protected MemoryApi api() {
        if (this.api == null) {
            this.api = new MemoryApi(this.mvc, this.json);
        }
        return this.api;
    }
}
