package io.github.qdrantscope.demo.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.github.qdrantscope.demo.support.DemoTest;
import io.github.qdrantscope.demo.support.Problems;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class ProjectNameValidationApiTest extends DemoTest {

    private static final List<String> BAD_NAMES = List.of("-leading-dash", ".dot", "_under", "has space", "semi:colon",
            "x".repeat(65), "ümlaut", "star*");

    private static final List<String> ENDPOINTS = List.of("store", "search", "list", "stats", "delete-all");

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (String name : BAD_NAMES) {
            for (String endpoint : ENDPOINTS) {
                cases.add(Arguments.of(endpoint, name));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} with project ''{1}''")
    @MethodSource("cases")
    void everyEndpointRejectsAnInvalidProjectName(String endpoint, String project) {
        MvcTestResult result = switch (endpoint) {
            case "store" -> api().storeRaw(project, Map.of("content", "fine"));
            case "search" -> api().searchRaw(project, Map.of("query", "fine"));
            case "list" -> mvc.get().uri("/api/projects/{p}/memories", project).exchange();
            case "stats" -> mvc.get().uri("/api/projects/{p}/stats", project).exchange();
            case "delete-all" -> mvc.delete().uri("/api/projects/{p}/memories", project)
                .accept(MediaType.APPLICATION_JSON).exchange();
            default -> throw new IllegalArgumentException(endpoint);
        };
        JsonNode problem = Problems.assertProblem(result, json, 400, "Invalid request");
        assertThat(Problems.errors(problem)).containsExactly(Map.entry("project",
                "must be 1-64 letters, digits, '.', '-' or '_', starting with a letter or digit"));
    }
}
