package io.github.qdrantscope.autoconfigure.scope;

import io.github.qdrantscope.core.ScopedProject;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

import org.springframework.ai.document.Document;
import org.springframework.ai.vectorstore.SearchRequest;
import org.springframework.ai.vectorstore.VectorStore;
import org.springframework.ai.vectorstore.filter.FilterExpressionBuilder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Grouped filters through the scoped QdrantVectorStore to the server and back: without the group
 * stripping, Spring AI 2.0.0 would drop the parenthesised part and return every document with a == 'x'.
 */
@SpringBootTest(classes = ScopeTestApplication.class,
        properties = "spring.ai.vectorstore.qdrant.collection-name=scope_isolation")
@ScopedProject("groups")
@Execution(ExecutionMode.CONCURRENT)
class GroupFilterEndToEndTest extends ScopeTestApplication.OnEmbeddedQdrant {

    @Autowired
    VectorStore vectorStore;

    private final FilterExpressionBuilder b = new FilterExpressionBuilder();

    @BeforeEach
    void documents() {
        this.vectorStore.add(List.of(
                new Document("xy", "cake", Map.of("a", "x", "b", "y", "c", 1999)),
                new Document("x2020", "cake", Map.of("a", "x", "b", "n", "c", 2020)),
                new Document("xNone", "cake", Map.of("a", "x", "b", "n", "c", 1999)),
                new Document("zy", "cake", Map.of("a", "z", "b", "y", "c", 2020))));
    }

    private List<String> search(String filter) {
        return this.vectorStore.similaritySearch(SearchRequest.builder().query("cake").topK(10)
            .filterExpression(filter).build()).stream().map(Document::getId).toList();
    }

    @Test
    void andOverAGroupedOrIsHonoured() {
        assertThat(search("a == 'x' && (b == 'y' || c == 2020)")).containsExactlyInAnyOrder("xy", "x2020");
    }

    @Test
    void groupedOrOnTheLeftIsHonoured() {
        assertThat(search("(b == 'y' || c == 2020) && a == 'z'")).containsExactly("zy");
    }

    @Test
    void notOverAGroupStillWorks() {
        List<Document> found = this.vectorStore.similaritySearch(SearchRequest.builder().query("cake").topK(10)
            .filterExpression(this.b.not(this.b.group(this.b.or(this.b.eq("b", "y"), this.b.eq("c", 2020)))).build())
            .build());
        assertThat(found).extracting(Document::getId).containsExactly("xNone");
    }

    @Test
    void deleteByGroupedFilterRemovesExactlyTheMatches() {
        this.vectorStore.delete("a == 'x' && (b == 'y' || c == 2020)");
        assertThat(search("c >= 0")).containsExactlyInAnyOrder("xNone", "zy");
    }
}
