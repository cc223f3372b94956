package io.github.qdrantscope.demo.store;

import java.util.List;
import java.util.Map;

import io.github.qdrantscope.demo.support.DemoTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.ai.document.Document;
import org.springframework.ai.vectorstore.SearchRequest;

import static org.assertj.core.api.Assertions.assertThat;

class UpsertSameIdTest extends DemoTest {

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 8, 10})
    void writingAnIdAgainReplacesTheDocument(int versions) {
        for (int v = 1; v <= versions; v++) {
            vectorStore.add(List.of(new Document(Fixtures.id(7), "design review version " + v, Map.of("version", v))));
        }

        List<Document> found = vectorStore.similaritySearch(SearchRequest.builder().query("design review").topK(10).build());

        assertThat(found).hasSize(1);
        assertThat(found.get(0).getId()).isEqualTo(Fixtures.id(7));
        assertThat(found.get(0).getText()).isEqualTo("design review version " + versions);
        assertThat(found.get(0).getMetadata()).containsEntry("version", (long) versions);
    }
}
