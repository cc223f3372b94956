package io.github.qdrantscope.demo.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import io.github.qdrantscope.demo.memory.Memory;
import io.github.qdrantscope.demo.support.DemoTest;
import io.github.qdrantscope.demo.support.Models;
import io.github.qdrantscope.demo.support.Ranking;
import io.github.qdrantscope.demo.support.SearchCase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

class SearchTagFilterApiTest extends DemoTest {

    private static final List<String> TAGS = List.of("ops", "dev", "qa", "sec");

    static Stream<SearchCase> cases() {
        return SearchCase.generate(Models.HASHING, 500, 40, 10);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void onlyMemoriesCarryingOneOfTheTagsMatch(SearchCase searchCase) {
        Random random = new Random(searchCase.seed());
        List<String> texts = searchCase.texts();
        Map<String, String> matching = new LinkedHashMap<>();
        List<String> wanted = List.of(TAGS.get(random.nextInt(2)), TAGS.get(2 + random.nextInt(2)));
        for (String text : texts) {
            List<String> tags = new ArrayList<>();
            for (String tag : TAGS) {
                if (random.nextInt(3) == 0) {
                    tags.add(tag);
                }
            }
            Memory memory = api().store("iris", text, null, tags, null);
            if (tags.stream().anyMatch(wanted::contains)) {
                matching.put(memory.id(), text);
            }
        }
        String query = searchCase.query();

        assertThat(api().searchIds("iris", query, 10, wanted, null))
            .containsExactlyElementsOf(Ranking.expectedIds(embeddingModel, query, matching, 10, 0.0));
    }
}
