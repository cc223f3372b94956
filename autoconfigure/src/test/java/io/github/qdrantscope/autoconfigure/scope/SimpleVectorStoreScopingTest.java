package io.github.qdrantscope.autoconfigure.scope;

import io.github.qdrantscope.core.ProjectScope;
import io.github.qdrantscope.core.ScopedProject;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

import org.springframework.ai.document.Document;
import org.springframework.ai.vectorstore.SearchRequest;
import org.springframework.ai.vectorstore.SimpleVectorStore;
import org.springframework.ai.vectorstore.VectorStore;
import org.springframework.aop.support.AopUtils;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The proxy scopes any {@link VectorStore}, not only Qdrant's: here Spring AI's in-memory store, whose
 * ids need not be UUIDs and whose filters are evaluated in Java.
 */
@Execution(ExecutionMode.CONCURRENT)
class SimpleVectorStoreScopingTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(ProjectScopeAutoConfiguration.class))
        .withUserConfiguration(SimpleStoreConfiguration.class);

    @Test
    void twoProjectsWritingTheSameIdsDoNotSeeEachOther() {
        this.runner.run(context -> {
            SimpleVectorStore store = context.getBean(SimpleVectorStore.class);
            assertThat(AopUtils.isCglibProxy(store)).isTrue();
            ProjectScope a = new ProjectScope("a-00000001", ScopedProject.DEFAULT_KEY);
            ProjectScope b = new ProjectScope("b-00000002", ScopedProject.DEFAULT_KEY);
            try (ProjectScope.Binding ignored = ProjectScope.open(a)) {
                store.add(List.of(new Document("doc-1", "written by a", Map.of("owner", "a"))));
            }
            try (ProjectScope.Binding ignored = ProjectScope.open(b)) {
                store.add(List.of(new Document("doc-1", "written by b", Map.of("owner", "b"))));
                List<Document> found = store.similaritySearch(SearchRequest.builder().query("written").topK(5).build());
                assertThat(found).singleElement().satisfies(d -> {
                    assertThat(d.getId()).isEqualTo("doc-1");
                    assertThat(d.getText()).isEqualTo("written by b");
                    assertThat(d.getMetadata()).containsOnlyKeys("owner", "distance");
                });
                store.delete(List.of("doc-1"));
                assertThat(store.similaritySearch("written")).isEmpty();
                store.add(List.of(new Document("doc-1", "written by b", Map.of("owner", "b"))));
                store.delete("owner == 'b' || owner == 'a'");
                assertThat(store.similaritySearch("written")).isEmpty();
            }
            try (ProjectScope.Binding ignored = ProjectScope.open(a)) {
                assertThat(store.similaritySearch("written")).extracting(Document::getText)
                    .containsExactly("written by a");
                ScopedVectorStorePostProcessor.scopingAdvice(store).removeProject(a);
                assertThat(store.similaritySearch("written")).isEmpty();
            }
        });
    }

    @Configuration(proxyBeanMethods = false)
    static class SimpleStoreConfiguration {

        @Bean
        SimpleVectorStore simpleVectorStore() {
            return SimpleVectorStore.builder(new FakeEmbeddingModel()).build();
        }
    }
}
