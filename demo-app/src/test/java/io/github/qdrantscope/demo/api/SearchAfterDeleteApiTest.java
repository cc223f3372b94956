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

class SearchAfterDeleteApiTest extends DemoTest {

    static Stream<SearchCase> cases() {
        return SearchCase.generate(Models.HASHING, 60_000, 30, 7);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void deletedMemoriesDisappearFromSearchAndTheRestKeepTheirOrder(SearchCase searchCase) {
        Map<String, String> idToText = api().storeAll("hades", searchCase.texts());
        List<String> ranked = Ranking.expectedIds(embeddingModel, searchCase.query(), idToText, 7, 0.0);
        String deleted = ranked.get((int) (searchCase.seed() % 7));

        assertThat(api().deleteRaw(deleted)).hasStatus(204);
        idToText.remove(deleted);

        assertThat(api().searchIds("hades", searchCase.query(), 7, null, null))
            .containsExactlyElementsOf(Ranking.expectedIds(embeddingModel, searchCase.query(), idToText, 7, 0.0));
    }
}
