package io.github.qdrantscope.demo.api;

import java.util.Collections;
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

class StoreValidationApiTest extends DemoTest {

    static Stream<Arguments> invalidBodies() {
        return Stream.of(
                Arguments.of(MemoryApi.body(), List.of("content")),
                Arguments.of(MemoryApi.body("content", ""), List.of("content")),
                Arguments.of(MemoryApi.body("content", "   "), List.of("content")),
                Arguments.of(MemoryApi.body("content", "x".repeat(4001)), List.of("content")),
                Arguments.of(MemoryApi.body("content", "ok", "importance", 0), List.of("importance")),
                Arguments.of(MemoryApi.body("content", "ok", "importance", 6), List.of("importance")),
                Arguments.of(MemoryApi.body("content", "ok", "importance", -3), List.of("importance")),
                Arguments.of(MemoryApi.body("content", "ok", "tags", List.of("UPPER")), List.of("tags[0]")),
                Arguments.of(MemoryApi.body("content", "ok", "tags", List.of("has space")), List.of("tags[0]")),
                Arguments.of(MemoryApi.body("content", "ok", "tags", List.of("")), List.of("tags[0]")),
                Arguments.of(MemoryApi.body("content", "ok", "tags", List.of("ok", "-lead")), List.of("tags[1]")),
                Arguments.of(MemoryApi.body("content", "ok", "tags", List.of("x".repeat(33))), List.of("tags[0]")),
                Arguments.of(MemoryApi.body("content", "ok", "tags", List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k")),
                        List.of("tags")),
                Arguments.of(MemoryApi.body("content", "ok", "tags", Collections.singletonList(null)), List.of("tags[0]")),
                Arguments.of(MemoryApi.body("content", "", "importance", 9), List.of("content", "importance")),
                Arguments.of(MemoryApi.body("content", "", "importance", 9, "tags", List.of("Bad")),
                        List.of("content", "importance", "tags[0]")),
                Arguments.of(MemoryApi.body("importance", 2), List.of("content")),
                Arguments.of(MemoryApi.body("content", "ok", "tags", List.of("ok", "fine", "NOPE", "also bad")),
                        List.of("tags[2]", "tags[3]")),
                Arguments.of(MemoryApi.body("content", "x".repeat(5000), "importance", 0), List.of("content", "importance")),
                Arguments.of(MemoryApi.body("content", "ok", "tags", List.of("é")), List.of("tags[0]")));
    }

    @ParameterizedTest
    @MethodSource("invalidBodies")
    void rejectsInvalidBodiesNamingEveryBadFieldAndStoresNothing(Map<String, Object> body, List<String> badFields) {
        String project = "invalid";
        JsonNode problem = Problems.assertProblem(api().storeRaw(project, body), json, 400, "Invalid request");

        assertThat(Problems.errorFields(problem)).containsExactlyElementsOf(badFields);
        assertThat(problem.path("detail").asString()).startsWith("Invalid request: ").contains(badFields.get(0));
        assertThat(api().list(project).total()).isZero();
    }
}
