package io.github.qdrantscope.demo.http;

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

import static org.assertj.core.api.Assertions.assertThat;

/** Same fixed project name in every case, served on server threads: the scope header keeps them apart. */
class SearchHttpTest extends DemoTest {

    static Stream<SearchCase> cases() {
        return SearchCase.generate(Models.HASHING, 50_000, 20, 6);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void searchOverHttpRanksOnlyThisTestsMemories(SearchCase searchCase) {
        HttpApi api = new HttpApi(http);
        Map<String, String> idToText = new LinkedHashMap<>();
        for (String text : searchCase.texts()) {
            idToText.put(api.store("pegasus", text, List.of()).id(), text);
        }

        assertThat(api.search("pegasus", searchCase.query(), 6).results()).extracting(hit -> hit.memory().id())
            .containsExactlyElementsOf(Ranking.expectedIds(embeddingModel, searchCase.query(), idToText, 6, 0.0));
    }
}
