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

class ThresholdAndTopKTest extends DemoTest {

    static Stream<SearchCase> cases() {
        return SearchCase.generate(Models.HASHING, 30_000, 24, 9);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void topKAndThresholdCutTheRankingExactly(SearchCase searchCase) {
        List<Document> documents = Fixtures.documents(searchCase.texts(), Map.of());
        vectorStore.add(documents);
        List<Ranking.Scored> ranked = Ranking.rank(embeddingModel, searchCase.query(), Fixtures.byId(documents));
        int topK = 1 + (int) (searchCase.seed() % 9);
        int aboveThreshold = 1 + (int) ((searchCase.seed() / 3) % 8);
        double threshold = (ranked.get(aboveThreshold - 1).score() + ranked.get(aboveThreshold).score()) / 2;

        List<Document> found = vectorStore.similaritySearch(
                SearchRequest.builder().query(searchCase.query()).topK(topK).similarityThreshold(threshold).build());

        assertThat(found).extracting(Document::getId).containsExactlyElementsOf(
                ranked.stream().limit(Math.min(topK, aboveThreshold)).map(Ranking.Scored::id).toList());
    }
}
