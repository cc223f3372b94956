package io.github.qdrantscope.demo.api;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.github.qdrantscope.demo.support.DemoTest;
import io.github.qdrantscope.demo.support.Models;
import io.github.qdrantscope.demo.support.Ranking;
import io.github.qdrantscope.demo.support.SearchCase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

class SearchMinScoreApiTest extends DemoTest {

    static Stream<SearchCase> cases() {
        return SearchCase.generate(Models.HASHING, 7_000, 24, 8);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void onlyResultsScoringAboveTheThresholdAreReturned(SearchCase searchCase) {
        Map<String, String> idToText = api().storeAll("janus", searchCase.texts());
        List<Ranking.Scored> ranked = Ranking.rank(embeddingModel, searchCase.query(), idToText);
        int keep = 1 + (int) (searchCase.seed() % 6);
        double threshold = (ranked.get(keep - 1).score() + ranked.get(keep).score()) / 2;

        assertThat(api().searchIds("janus", searchCase.query(), 8, null, threshold))
            .containsExactlyElementsOf(ranked.subList(0, keep).stream().map(Ranking.Scored::id).toList());
    }
}
