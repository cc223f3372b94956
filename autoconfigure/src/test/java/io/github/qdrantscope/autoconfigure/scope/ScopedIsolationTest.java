package io.github.qdrantscope.autoconfigure.scope;

import io.github.qdrantscope.core.ProjectNames;
import io.github.qdrantscope.core.ScopedProject;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

import org.springframework.ai.document.Document;
import org.springframework.ai.vectorstore.SearchRequest;
import org.springframework.ai.vectorstore.VectorStore;
import org.springframework.ai.vectorstore.qdrant.QdrantVectorStore;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many tests, run concurrently in one cached context on one collection, all writing the same fixed ids
 * and contents: each must see exactly its own three documents, exactly as it wrote them.
 */
@SpringBootTest(classes = ScopeTestApplication.class,
        properties = "spring.ai.vectorstore.qdrant.collection-name=scope_isolation")
@ScopedProject
@Execution(ExecutionMode.CONCURRENT)
class ScopedIsolationTest extends ScopeTestApplication.OnEmbeddedQdrant {

    private static final Set<String> PROJECTS = ConcurrentHashMap.newKeySet();

    private static final java.util.concurrent.atomic.AtomicInteger REPETITIONS = new java.util.concurrent.atomic.AtomicInteger();

    @Autowired
    QdrantVectorStore qdrantVectorStore;

    @Autowired
    VectorStore vectorStore;

    @Autowired
    CurrentProject project;

    static List<Document> fixture() {
        return List.of(new Document("doc-1", "red apple pie", Map.of("color", "red", "year", 2020)),
                new Document("doc-2", "green apple tart", Map.of("color", "green", "year", 2021)),
                new Document("doc-3", "blue berry muffin", Map.of("color", "blue", "year", 2022)));
    }

    @RepeatedTest(12)
    void eachTestSeesExactlyItsOwnDocumentsAsWritten() {
        REPETITIONS.incrementAndGet();
        PROJECTS.add(this.project.name());
        this.vectorStore.add(fixture());

        List<Document> found = this.vectorStore
            .similaritySearch(SearchRequest.builder().query("apple").topK(10).build());

        assertThat(found).extracting(Document::getId).containsExactlyInAnyOrder("doc-1", "doc-2", "doc-3");
        Document redPie = found.stream().filter(d -> d.getId().equals("doc-1")).findFirst().orElseThrow();
        assertThat(redPie.getText()).isEqualTo("red apple pie");
        assertThat(redPie.getMetadata()).containsOnlyKeys("color", "year", "distance")
            .containsEntry("color", "red");

        this.vectorStore.delete(List.of("doc-2"));
        assertThat(this.vectorStore.similaritySearch(SearchRequest.builder().query("apple").topK(10).build()))
            .extracting(Document::getId)
            .containsExactlyInAnyOrder("doc-1", "doc-3");

        this.vectorStore.delete(new org.springframework.ai.vectorstore.filter.FilterExpressionBuilder()
            .eq("color", "blue")
            .build());
        assertThat(this.vectorStore.similaritySearch("apple")).extracting(Document::getId).containsExactly("doc-1");
    }

    @Test
    void theInjectedStoreKeepsItsTypeAndIsTheScopingProxy() {
        assertThat(AopUtils.isCglibProxy(this.qdrantVectorStore)).isTrue();
        assertThat(this.vectorStore).isSameAs(this.qdrantVectorStore);
        assertThat(ScopedVectorStorePostProcessor.scopingAdvice(this.qdrantVectorStore)).isNotNull();
    }

    @Test
    void projectNameIsDerivedFromClassAndMethod() {
        assertThat(this.project.name())
            .matches("ScopedIsolationTest-projectNameIsDerived-[0-9a-f]{8}");
        assertThat(this.project.key()).isEqualTo(ScopedProject.DEFAULT_KEY);
    }

    @Test
    @ScopedProject(value = "custom-prefix", key = "custom_key")
    void methodAnnotationWinsAndItsKeyIsUsed() {
        assertThat(this.project.name()).matches("custom-prefix-[0-9a-f]{8}");
        assertThat(this.project.key()).isEqualTo("custom_key");
        this.vectorStore.add(fixture());
        assertThat(this.vectorStore.similaritySearch(SearchRequest.builder().query("apple").topK(10).build()))
            .hasSize(3)
            .allSatisfy(d -> assertThat(d.getMetadata()).doesNotContainKeys("custom_key", ProjectNames.ORIGINAL_ID_KEY));
    }

    @Nested
    class NestedTests {

        @Test
        void nestedClassInheritsTheEnclosingScope() {
            assertThat(ScopedIsolationTest.this.project.name()).matches("NestedTests-nestedClassInheritsTheEnclos-[0-9a-f]{8}");
            ScopedIsolationTest.this.vectorStore.add(fixture());
            assertThat(ScopedIsolationTest.this.vectorStore.similaritySearch(
                    SearchRequest.builder().query("apple").topK(10).build())).hasSize(3);
        }
    }

    @AfterAll
    static void everyRepetitionHadItsOwnProject() {
        // as many distinct projects as repetitions ran (a filtered run, e.g. of the @Nested class alone, runs none)
        assertThat(PROJECTS).hasSize(REPETITIONS.get());
    }
}
