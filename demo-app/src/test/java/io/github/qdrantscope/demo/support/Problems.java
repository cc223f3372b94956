package io.github.qdrantscope.demo.support;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** Assertions on RFC 9457 problem-detail responses. */
public final class Problems {

    private Problems() {
    }

    /** Asserts the status, the problem+json content type and the title; returns the parsed body. */
    public static JsonNode assertProblem(MvcTestResult result, JsonMapper json, int status, String title) {
        assertThat(result).hasStatus(status);
        assertThat(result).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        JsonNode body = json.readTree(result.getResponse().getContentAsByteArray());
        assertThat(body.path("status").asInt()).isEqualTo(status);
        assertThat(body.path("title").asString()).isEqualTo(title);
        return body;
    }

    /** The {@code errors} of a validation problem as (field, message) pairs, sorted. */
    public static List<Map.Entry<String, String>> errors(JsonNode problem) {
        return problem.path("errors").valueStream()
            .map(e -> Map.entry(e.path("field").asString(), e.path("message").asString()))
            .sorted(Map.Entry.<String, String>comparingByKey().thenComparing(Map.Entry.comparingByValue()))
            .toList();
    }

    /** The fields named in the {@code errors} of a validation problem, sorted. */
    public static List<String> errorFields(JsonNode problem) {
        return errors(problem).stream().map(Map.Entry::getKey).sorted(Comparator.naturalOrder()).toList();
    }
}
