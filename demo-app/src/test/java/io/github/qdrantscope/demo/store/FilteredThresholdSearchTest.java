package io.github.qdrantscope.demo.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
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

/** Filter, threshold and top-k together, on the scoped store: the exact ranked subset. */
class FilteredThresholdSearchTest extends DemoTest {

    static Stream<SearchCase> cases() {
        return SearchCase.generate(Models.HASHING, 70_000, 40, 10);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void filterThresholdAndTopKCombine(SearchCase searchCase) {
        List<Document> documents = new ArrayList<>();
        Map<String, String> even = new LinkedHashMap<>();
        for (int i = 0; i < searchCase.texts().size(); i++) {
            Map<String, Object> metadata = new HashMap<>();
            metadata.put("parity", (i % 2 == 0) ? "even" : "odd");
            Document document = new Document(Fixtures.id(i), searchCase.texts().get(i), metadata);
            documents.add(document);
            if (i % 2 == 0) {
                even.put(document.getId(), document.getText());
            }
        }
        vectorStore.add(documents);
        List<Ranking.Scored> ranked = Ranking.rank(embeddingModel, searchCase.query(), even);
        int above = 1 + (int) (searchCase.seed() % 4);
        double threshold = (ranked.get(above - 1).score() + ranked.get(above).score()) / 2;
        int topK = 1 + (int) ((searchCase.seed() / 4) % 5);

        List<Document> found = vectorStore.similaritySearch(SearchRequest.builder()
            .query(searchCase.query())
            .topK(topK)
            .similarityThreshold(threshold)
            .filterExpression("parity == 'even'")
            .build());

        assertThat(found).extracting(Document::getId).containsExactlyElementsOf(
                ranked.stream().limit(Math.min(above, topK)).map(Ranking.Scored::id).toList());
    }
}
