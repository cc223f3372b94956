package io.github.qdrantscope.demo.web;

import java.net.URI;

import io.github.qdrantscope.demo.memory.Memory;
import io.github.qdrantscope.demo.memory.MemoryPage;
import io.github.qdrantscope.demo.memory.MemoryService;
import io.github.qdrantscope.demo.memory.ProjectStats;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The project-memory REST API. Invalid input is answered with a 400 problem detail listing every error. */
@RestController
@RequestMapping("/api")
public class MemoryController {

    private final MemoryService memories;

    public MemoryController(MemoryService memories) {
        this.memories = memories;
    }

    /** Stores a memory; 201 with its location. */
    @PostMapping("/projects/{project}/memories")
    public ResponseEntity<Memory> store(
            @PathVariable @Pattern(regexp = Patterns.PROJECT, message = Patterns.PROJECT_MESSAGE) String project,
            @Valid @RequestBody StoreMemoryRequest request) {
        Memory memory = this.memories.store(request.toNewMemory(project));
        return ResponseEntity.created(URI.create("/api/memories/" + memory.id())).body(memory);
    }

    /** Semantic search within a project (plus every project's global memories). */
    @PostMapping("/projects/{project}/memories/search")
    public SearchResponse search(
            @PathVariable @Pattern(regexp = Patterns.PROJECT, message = Patterns.PROJECT_MESSAGE) String project,
            @Valid @RequestBody SearchMemoriesRequest request) {
        return new SearchResponse(project, request.query(), this.memories.search(request.toQuery(project)));
    }

    /** A page of the project's memories, newest first, with the total count. */
    @GetMapping("/projects/{project}/memories")
    public MemoryPage list(
            @PathVariable @Pattern(regexp = Patterns.PROJECT, message = Patterns.PROJECT_MESSAGE) String project,
            @RequestParam(defaultValue = "0") @Min(0) @Max(99) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return this.memories.list(project, page, size);
    }

    /** Deletes every memory of the project. */
    @DeleteMapping("/projects/{project}/memories")
    public DeleteProjectResponse deleteProject(
            @PathVariable @Pattern(regexp = Patterns.PROJECT, message = Patterns.PROJECT_MESSAGE) String project) {
        return new DeleteProjectResponse(project, this.memories.deleteProject(project));
    }

    /** Counts of the project's memories by tag and by scope. */
    @GetMapping("/projects/{project}/stats")
    public ProjectStats stats(
            @PathVariable @Pattern(regexp = Patterns.PROJECT, message = Patterns.PROJECT_MESSAGE) String project) {
        return this.memories.stats(project);
    }

    /** One memory; 404 problem detail when it does not exist. */
    @GetMapping("/memories/{id}")
    public Memory get(
            @PathVariable @Pattern(regexp = Patterns.MEMORY_ID, message = Patterns.MEMORY_ID_MESSAGE) String id) {
        return this.memories.get(id);
    }

    /** Deletes one memory; 204, or 404 problem detail when it does not exist. */
    @DeleteMapping("/memories/{id}")
    public ResponseEntity<Void> delete(
            @PathVariable @Pattern(regexp = Patterns.MEMORY_ID, message = Patterns.MEMORY_ID_MESSAGE) String id) {
        this.memories.delete(id);
        return ResponseEntity.noContent().build();
    }
}
