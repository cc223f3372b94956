package io.github.qdrantscope.demo.support;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.qdrantscope.demo.memory.Memory;
import io.github.qdrantscope.demo.memory.MemoryPage;
import io.github.qdrantscope.demo.memory.ProjectStats;
import io.github.qdrantscope.demo.web.DeleteProjectResponse;
import io.github.qdrantscope.demo.web.SearchResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** Calls the REST API through MockMvc, asserts the success status and parses the body. */
public final class MemoryApi {

    private final MockMvcTester mvc;
    private final JsonMapper json;

    MemoryApi(MockMvcTester mvc, JsonMapper json) {
        this.mvc = mvc;
        this.json = json;
    }

    /** Stores a memory with the given fields (nulls are left out of the body); expects 201. */
    public Memory store(String project, String content, String scope, List<String> tags, Integer importance) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("content", content);
        putIfNotNull(body, "scope", scope);
        putIfNotNull(body, "tags", tags);
        putIfNotNull(body, "importance", importance);
        MvcTestResult result = storeRaw(project, body);
        assertThat(result).hasStatus(HttpStatus.CREATED);
        return read(result, Memory.class);
    }

    /** Stores a project-scoped memory with no tags and default importance. */
    public Memory store(String project, String content) {
        return store(project, content, null, null, null);
    }

    /** Stores each text as a project-scoped memory, in order; returns id to text, in that order. */
    public Map<String, String> storeAll(String project, List<String> texts) {
        Map<String, String> idToText = new LinkedHashMap<>();
        for (String text : texts) {
            idToText.put(store(project, text).id(), text);
        }
        return idToText;
    }

    /** A JSON body from alternating keys and values (a value may be null, unlike with {@code Map.of}). */
    public static Map<String, Object> body(Object... keysAndValues) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            body.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return body;
    }

    /** POSTs any body to the store endpoint; the caller asserts. */
    public MvcTestResult storeRaw(String project, Object body) {
        return postJson("/api/projects/{project}/memories", project, body);
    }

    /** Searches; expects 200. Null arguments are left out of the body. */
    public SearchResponse search(String project, String query, Integer topK, List<String> tags, Double minScore) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", query);
        putIfNotNull(body, "topK", topK);
        putIfNotNull(body, "tags", tags);
        putIfNotNull(body, "minScore", minScore);
        MvcTestResult result = searchRaw(project, body);
        assertThat(result).hasStatus(HttpStatus.OK);
        return read(result, SearchResponse.class);
    }

    /** The ids of a search's results, in result order. */
    public List<String> searchIds(String project, String query, Integer topK, List<String> tags, Double minScore) {
        return search(project, query, topK, tags, minScore).results().stream().map(hit -> hit.memory().id()).toList();
    }

    /** POSTs any body to the search endpoint; the caller asserts. */
    public MvcTestResult searchRaw(String project, Object body) {
        return postJson("/api/projects/{project}/memories/search", project, body);
    }

    /** Lists a page; expects 200. */
    public MemoryPage list(String project, int page, int size) {
        MvcTestResult result = this.mvc.get()
            .uri("/api/projects/{project}/memories?page={page}&size={size}", project, page, size)
            .exchange();
        assertThat(result).hasStatus(HttpStatus.OK);
        return read(result, MemoryPage.class);
    }

    /** Lists the first page with the default size; expects 200. */
    public MemoryPage list(String project) {
        MvcTestResult result = this.mvc.get().uri("/api/projects/{project}/memories", project).exchange();
        assertThat(result).hasStatus(HttpStatus.OK);
        return read(result, MemoryPage.class);
    }

    /** Gets one memory; expects 200. */
    public Memory get(String id) {
        MvcTestResult result = getRaw(id);
        assertThat(result).hasStatus(HttpStatus.OK);
        return read(result, Memory.class);
    }

    /** GETs a memory; the caller asserts. */
    public MvcTestResult getRaw(String id) {
        return this.mvc.get().uri("/api/memories/{id}", id).exchange();
    }

    /** DELETEs a memory; the caller asserts. */
    public MvcTestResult deleteRaw(String id) {
        return this.mvc.delete().uri("/api/memories/{id}", id).exchange();
    }

    /** Deletes every memory of a project; expects 200. */
    public DeleteProjectResponse deleteProject(String project) {
        MvcTestResult result = this.mvc.delete().uri("/api/projects/{project}/memories", project).exchange();
        assertThat(result).hasStatus(HttpStatus.OK);
        return read(result, DeleteProjectResponse.class);
    }

    /** Statistics of a project; expects 200. */
    public ProjectStats stats(String project) {
        MvcTestResult result = this.mvc.get().uri("/api/projects/{project}/stats", project).exchange();
        assertThat(result).hasStatus(HttpStatus.OK);
        return read(result, ProjectStats.class);
    }

    /** Parses a JSON response body. */
    public <T> T read(MvcTestResult result, Class<T> type) {
        try {
            return this.json.readValue(result.getResponse().getContentAsString(), type);
        }
        catch (java.io.UnsupportedEncodingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private MvcTestResult postJson(String uri, String project, Object body) {
        String content = (body instanceof String text) ? text : this.json.writeValueAsString(body);
        return this.mvc.post().uri(uri, project).contentType(MediaType.APPLICATION_JSON).content(content).exchange();
    }

    private static void putIfNotNull(Map<String, Object> body, String key, Object value) {
        if (value != null) {
            body.put(key, value);
        }
    }
}
