package io.github.qdrantscope.rawdemo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

import io.github.qdrantscope.core.ScopedProject;
import io.github.qdrantscope.core.client.ScopedQdrantClients;
import io.github.qdrantscope.rawdemo.support.Fixtures;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.qdrant.client.QdrantClient;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.util.ClassUtils;

/** What the application does at start-up, and what the test setup is made of. */
@SpringBootTest
@ScopedProject
class StartupTest {

    @Autowired
    KnowledgeBase knowledgeBase;

    @Autowired
    KnowledgeBaseSchema schema;

    @Autowired
    QdrantSettings settings;

    @Autowired
    QdrantClient client;

    @Autowired
    Environment environment;

    @Autowired
    MeterRegistry meters;

    @Test
    void noSpringAiAnywhere() {
        assertThat(ClassUtils.isPresent("org.springframework.ai.vectorstore.VectorStore", getClass().getClassLoader()))
            .isFalse();
        // Surefire passes the test classpath here (java.class.path is only its booter jar in a fork)
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> entries = Arrays.asList(classpath.split(File.pathSeparator));
        assertThat(entries).isNotEmpty()
            .noneMatch(entry -> entry.replace('\\', '/').contains("/org/springframework/ai/"))
            .noneMatch(entry -> new File(entry).getName().startsWith("spring-ai-"));
        assertThat(entries).anyMatch(entry -> new File(entry).getName().startsWith("client-1.17"));
    }

    @Test
    void theApplicationCreatedItsHardCodedCollections() {
        assertThat(this.knowledgeBase.collections()).containsExactly("chunks", "documents");
    }

    @Test
    void startUpCodeCreatesNothingTheSecondTime() {
        assertThat(this.schema.ensureCollections()).isEmpty();
        assertThat(this.knowledgeBase.collections()).containsExactly("chunks", "documents");
    }

    @Test
    void theApplicationsOwnClientTalksToTheServerQdrantScopePublished() {
        assertThat(this.settings.host()).isEqualTo("localhost");
        assertThat(this.settings.port()).isEqualTo(this.environment.getProperty("qdrant-scope.server.port", Integer.class))
            .isNotEqualTo(6334);
        assertThat(ScopedQdrantClients.isScoped(this.client)).isTrue();
    }

    @Test
    void theTestConfigurationIsOneLine() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/application.properties")) {
            List<String> settings = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .toList();
            assertThat(settings).containsExactly("app.qdrant.port=${qdrant-scope.server.port}");
        }
    }

    @Test
    void noContentionAtAnyTime() {
        // per-JVM counters, shared by every test of this fork: in this suite they must be 0 whenever read
        Collection<FunctionCounter> contention = this.meters.find("qdrant.scope.contention").functionCounters();
        assertThat(contention).extracting(counter -> counter.getId().getTag("kind")).containsExactlyInAnyOrder(
                "collection_claim", "foreign_point", "unscoped_read", "unscoped_write", "unscoped_delete");
        assertThat(contention).allSatisfy(counter -> assertThat(counter.count()).isZero());
    }

    @Test
    void everyTestStartsWithAnEmptyKnowledgeBase() {
        // ~100 other tests write the same ids into the same collections, in this JVM and the other fork
        assertThat(this.knowledgeBase.count(Criteria.ALL)).isZero();
        assertThat(this.knowledgeBase.countChunks()).isZero();
        assertThat(this.knowledgeBase.ids(Criteria.ALL, 10)).isEmpty();
        assertThat(this.knowledgeBase.get(Fixtures.IDS)).isEmpty();
        assertThat(this.knowledgeBase.countByCategory(Criteria.ALL)).isEmpty();
    }
}
