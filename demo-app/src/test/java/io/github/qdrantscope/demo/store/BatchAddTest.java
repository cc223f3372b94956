package io.github.qdrantscope.demo.store;

import java.util.List;
import java.util.Map;

import io.github.qdrantscope.demo.support.Corpus;
import io.github.qdrantscope.demo.support.DemoTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.ai.document.Document;
import org.springframework.ai.vectorstore.SearchRequest;

import static org.assertj.core.api.Assertions.assertThat;

class BatchAddTest extends DemoTest {

    @ParameterizedTest
    @ValueSource(ints = {1, 10, 50, 100, 200})
    void aBatchIsStoredCompletely(int size) {
        List<Document> documents = Fixtures.documents(Corpus.texts(size, size), Map.of("batch", size));
        vectorStore.add(documents);

        List<Document> found = vectorStore.similaritySearch(SearchRequest.builder().query(Corpus.word(5)).topK(size + 10).build());

        assertThat(found).extracting(Document::getId).containsExactlyInAnyOrderElementsOf(Fixtures.ids(documents));
    }
}
