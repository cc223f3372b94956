package io.github.qdrantscope.demo.memory;

import java.util.List;
import java.util.UUID;

import org.springframework.ai.document.Document;
import org.springframework.ai.vectorstore.SearchRequest;
import org.springframework.ai.vectorstore.VectorStore;
import org.springframework.ai.vectorstore.filter.Filter;
import org.springframework.ai.vectorstore.filter.Filter.ExpressionType;
import org.springframework.stereotype.Service;

/**
 * Stores, finds and removes memories. Writes, deletes and semantic search go through the
 * {@link VectorStore}; reads it cannot express go through the {@link MemoryCatalog}.
 */
@Service
public class MemoryService {

    private final VectorStore vectorStore;
    private final MemoryCatalog catalog;
    private final MemoryClock clock;

    public MemoryService(VectorStore vectorStore, MemoryCatalog catalog, MemoryClock clock) {
        this.vectorStore = vectorStore;
        this.catalog = catalog;
        this.clock = clock;
    }

    /** Stores a new memory and returns it with its id and creation time. */
    public Memory store(NewMemory newMemory) {
        Memory memory = new Memory(UUID.randomUUID().toString(), newMemory.project(), newMemory.content(),
                newMemory.scope(), newMemory.tags(), newMemory.importance(), this.clock.next());
        this.vectorStore.add(List.of(MemoryPayload.toDocument(memory)));
        return memory;
    }

    /**
     * The memories closest in meaning to the query, most similar first: the project's own memories and
     * every project's {@link MemoryScope#GLOBAL} ones.
     */
    public List<ScoredMemory> search(MemoryQuery query) {
        SearchRequest request = SearchRequest.builder()
            .query(query.text())
            .topK(query.topK())
            .similarityThreshold(query.minScore())
            .filterExpression(visibleFrom(query.project(), query.anyOfTags()))
            .build();
        return this.vectorStore.similaritySearch(request).stream().map(MemoryService::scored).toList();
    }

    /**
     * @throws MemoryNotFoundException when no memory has this id
     */
    public Memory get(String id) {
        return this.catalog.find(id).orElseThrow(() -> new MemoryNotFoundException(id));
    }

    /**
     * @throws MemoryNotFoundException when no memory has this id
     */
    public void delete(String id) {
        get(id);
        this.vectorStore.delete(List.of(id));
    }

    /** Deletes every memory of the project and returns how many there were. */
    public long deleteProject(String project) {
        long count = this.catalog.count(project);
        this.vectorStore.delete(equalTo(MemoryPayload.PROJECT, project));
        return count;
    }

    /** Page {@code page} (zero-based) of the project's memories, newest first, with the total count. */
    public MemoryPage list(String project, int page, int size) {
        List<Memory> window = this.catalog.newest(project, (page + 1) * size);
        List<Memory> items = window.subList(Math.min(page * size, window.size()), window.size());
        return new MemoryPage(project, page, size, this.catalog.count(project), items);
    }

    /** How many memories the project has, by tag and by scope. */
    public ProjectStats stats(String project) {
        return this.catalog.stats(project);
    }

    // Built from nested Expressions only: Spring AI 2.0.0's Qdrant converter drops a Filter.Group nested
    // in AND/OR, which would silently widen the search to every project.
    private static Filter.Expression visibleFrom(String project, List<String> anyOfTags) {
        Filter.Expression visible = new Filter.Expression(ExpressionType.OR, equalTo(MemoryPayload.PROJECT, project),
                equalTo(MemoryPayload.SCOPE, MemoryScope.GLOBAL.value()));
        if (anyOfTags.isEmpty()) {
            return visible;
        }
        Filter.Expression tagged = new Filter.Expression(ExpressionType.IN, new Filter.Key(MemoryPayload.TAGS),
                new Filter.Value(anyOfTags));
        return new Filter.Expression(ExpressionType.AND, visible, tagged);
    }

    private static Filter.Expression equalTo(String key, String value) {
        return new Filter.Expression(ExpressionType.EQ, new Filter.Key(key), new Filter.Value(value));
    }

    private static ScoredMemory scored(Document document) {
        return new ScoredMemory(MemoryPayload.fromDocument(document), document.getScore());
    }
}
