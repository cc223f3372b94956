package io.github.qdrantscope.demo.api;

import io.github.qdrantscope.demo.support.DemoTest;
import io.github.qdrantscope.demo.support.Problems;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemDetailsApiTest extends DemoTest {

    @Test
    void unknownPathIsA404Problem() {
        Problems.assertProblem(mvc.get().uri("/api/nothing-here").exchange(), json, 404, "Not Found");
    }

    @Test
    void wrongMethodIsA405Problem() {
        Problems.assertProblem(mvc.put().uri("/api/projects/p/memories").exchange(), json, 405, "Method Not Allowed");
    }

    @Test
    void wrongContentTypeIsA415Problem() {
        Problems.assertProblem(mvc.post().uri("/api/projects/p/memories").contentType(MediaType.TEXT_PLAIN)
            .content("hello").exchange(), json, 415, "Unsupported Media Type");
    }

    @Test
    void invalidProjectAndBodyAreReportedTogether() {
        JsonNode problem = Problems.assertProblem(api().storeRaw("-bad", java.util.Map.of("content", "")), json, 400,
                "Invalid request");
        assertThat(Problems.errorFields(problem)).containsExactly("content", "project");
    }
}
