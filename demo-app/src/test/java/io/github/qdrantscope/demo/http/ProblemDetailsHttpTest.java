package io.github.qdrantscope.demo.http;

import java.util.Map;
import java.util.UUID;

import io.github.qdrantscope.demo.support.DemoTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

class ProblemDetailsHttpTest extends DemoTest {

    @Test
    void unknownMemoryIsAProblemDocument() {
        String id = UUID.randomUUID().toString();
        http.get().uri("/api/memories/{id}", id).exchange()
            .expectStatus().isNotFound()
            .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.title").isEqualTo("Memory not found")
            .jsonPath("$.status").isEqualTo(404)
            .jsonPath("$.memoryId").isEqualTo(id)
            .jsonPath("$.detail").isEqualTo("No memory with id '" + id + "' exists");
    }

    @Test
    void invalidBodyListsTheBadFields() {
        http.post().uri("/api/projects/{p}/memories", "vega").contentType(MediaType.APPLICATION_JSON)
            .body(Map.of("content", "", "importance", 9))
            .exchange()
            .expectStatus().isBadRequest()
            .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.title").isEqualTo("Invalid request")
            .jsonPath("$.errors.length()").isEqualTo(2)
            .jsonPath("$.errors[0].field").isEqualTo("content")
            .jsonPath("$.errors[1].field").isEqualTo("importance");
    }

    @Test
    void unknownScopeSaysWhichValuesAreAccepted() {
        http.post().uri("/api/projects/{p}/memories", "vega").contentType(MediaType.APPLICATION_JSON)
            .body(Map.of("content", "x", "scope", "team"))
            .exchange()
            .expectStatus().isBadRequest()
            .expectBody()
            .jsonPath("$.detail").isEqualTo("The request body is not valid: Unknown scope 'team': expected one of project, global");
    }
}
