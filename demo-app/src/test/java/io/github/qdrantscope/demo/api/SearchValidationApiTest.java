package io.github.qdrantscope.demo.api;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.github.qdrantscope.demo.support.DemoTest;
import io.github.qdrantscope.demo.support.MemoryApi;
import io.github.qdrantscope.demo.support.Problems;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class SearchValidationApiTest extends DemoTest {

    static Stream<Arguments> invalidSearches() {
        return Stream.of(
                Arguments.of(MemoryApi.body(), List.of("query")),
                Arguments.of(MemoryApi.body("query", ""), List.of("query")),
                Arguments.of(MemoryApi.body("query", " \t "), List.of("query")),
                Arguments.of(MemoryApi.body("query", "q".repeat(1001)), List.of("query")),
                Arguments.of(MemoryApi.body("query", "ok", "topK", 0), List.of("topK")),
                Arguments.of(MemoryApi.body("query", "ok", "topK", 51), List.of("topK")),
                Arguments.of(MemoryApi.body("query", "ok", "topK", -1), List.of("topK")),
                Arguments.of(MemoryApi.body("query", "ok", "minScore", -0.1), List.of("minScore")),
                Arguments.of(MemoryApi.body("query", "ok", "minScore", 1.5), List.of("minScore")),
                Arguments.of(MemoryApi.body("query", "ok", "tags", List.of("Bad Tag")), List.of("tags[0]")),
                Arguments.of(MemoryApi.body("query", "ok", "tags", List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k")),
                        List.of("tags")),
                Arguments.of(MemoryApi.body("query", "", "topK", 0, "minScore", 2), List.of("minScore", "query", "topK")));
    }

    @ParameterizedTest
    @MethodSource("invalidSearches")
    void rejectsInvalidSearchesNamingEveryBadField(Map<String, Object> body, List<String> badFields) {
        JsonNode problem = Problems.assertProblem(api().searchRaw("minerva", body), json, 400, "Invalid request");
        assertThat(Problems.errorFields(problem)).containsExactlyElementsOf(badFields);
    }
}
