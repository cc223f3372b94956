package io.github.qdrantscope.demo.api;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.github.qdrantscope.demo.support.DemoTest;
import io.github.qdrantscope.demo.support.Problems;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class SearchValidationApiTest extends DemoTest {

    private static Map<String, Object> body(Object... keyValues) {
        Map<String, Object> body = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            body.put((String) keyValues[i], keyValues[i + 1]);
        }
        return body;
    }

    static Stream<Arguments> invalidSearches() {
        return Stream.of(
                Arguments.of(body(), List.of("query")),
                Arguments.of(body("query", ""), List.of("query")),
                Arguments.of(body("query", " \t "), List.of("query")),
                Arguments.of(body("query", "q".repeat(1001)), List.of("query")),
                Arguments.of(body("query", "ok", "topK", 0), List.of("topK")),
                Arguments.of(body("query", "ok", "topK", 51), List.of("topK")),
                Arguments.of(body("query", "ok", "topK", -1), List.of("topK")),
                Arguments.of(body("query", "ok", "minScore", -0.1), List.of("minScore")),
                Arguments.of(body("query", "ok", "minScore", 1.5), List.of("minScore")),
                Arguments.of(body("query", "ok", "tags", List.of("Bad Tag")), List.of("tags[0]")),
                Arguments.of(body("query", "ok", "tags", List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k")),
                        List.of("tags")),
                Arguments.of(body("query", "", "topK", 0, "minScore", 2), List.of("minScore", "query", "topK")));
    }

    @ParameterizedTest
    @MethodSource("invalidSearches")
    void rejectsInvalidSearchesNamingEveryBadField(Map<String, Object> body, List<String> badFields) {
        JsonNode problem = Problems.assertProblem(api().searchRaw("minerva", body), json, 400, "Invalid request");
        assertThat(Problems.errorFields(problem)).containsExactlyElementsOf(badFields);
    }
}
