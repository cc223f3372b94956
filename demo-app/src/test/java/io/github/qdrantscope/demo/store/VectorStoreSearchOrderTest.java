package io.github.qdrantscope.demo.store;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.github.qdrantscope.demo.support.DemoTest;
import io.github.qdrantscope.demo.support.Models;
import io.github.qdrantscope.demo.support.Ranking;
import io.github.qdrantscope.demo.support.SearchCase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.ai.document.Document;
import org.springframework.ai.vectorstore.SearchRequest;

import static org.assertj.core.api.Assertions.assertThat;

class VectorStoreSearchOrderTest extends DemoTest {

    static Stream<SearchCase> cases() {
        return SearchCase.generate(Models.HASHING, 20_000, 80, 10);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void searchReturnsThisTestsDocumentsBestFirstWithTheirFixedIds(SearchCase searchCase) {
        List<Document> documents = Fixtures.documents(searchCase.texts(), Map.of("source", "order-test"));
        vectorStore.add(documents);

        List<Document> found = vectorStore.similaritySearch(SearchRequest.builder().query(searchCase.query()).topK(10).build());

        assertThat(found).extracting(Document::getId).containsExactlyElementsOf(
                Ranking.expectedIds(embeddingModel, searchCase.query(), Fixtures.byId(documents), 10, 0.0));
        assertThat(found).allSatisfy(d -> assertThat(d.getMetadata()).containsEntry("source", "order-test"));
    }
}
