package io.github.qdrantscope.demo.http;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.qdrantscope.demo.memory.Memory;
import io.github.qdrantscope.demo.memory.MemoryPage;
import io.github.qdrantscope.demo.web.SearchResponse;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/** The REST API over HTTP, asserting success statuses. */
final class HttpApi {

    private final RestTestClient http;

    HttpApi(RestTestClient http) {
        this.http = http;
    }

    Memory store(String project, String content, List<String> tags) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("content", content);
        body.put("tags", tags);
        return this.http.post().uri("/api/projects/{project}/memories", project)
            .contentType(MediaType.APPLICATION_JSON)
            .body(body)
            .exchange()
            .expectStatus().isCreated()
            .expectBody(Memory.class)
            .returnResult()
            .getResponseBody();
    }

    Memory get(String id) {
        return this.http.get().uri("/api/memories/{id}", id).exchange()
            .expectStatus().isOk()
            .expectBody(Memory.class).returnResult().getResponseBody();
    }

    SearchResponse search(String project, String query, int topK) {
        return this.http.post().uri("/api/projects/{project}/memories/search", project)
            .contentType(MediaType.APPLICATION_JSON)
            .body(Map.of("query", query, "topK", topK))
            .exchange()
            .expectStatus().isOk()
            .expectBody(SearchResponse.class).returnResult().getResponseBody();
    }

    MemoryPage list(String project, int page, int size) {
        return this.http.get().uri("/api/projects/{project}/memories?page={page}&size={size}", project, page, size)
            .exchange()
            .expectStatus().isOk()
            .expectBody(MemoryPage.class).returnResult().getResponseBody();
    }
}
