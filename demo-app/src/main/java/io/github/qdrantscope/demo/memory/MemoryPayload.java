package io.github.qdrantscope.demo.memory;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.qdrant.client.grpc.JsonWithInt;
import org.springframework.ai.document.Document;

/**
 * How a {@link Memory} is laid out as a Qdrant point: the text is the document content, everything else
 * is a top-level payload field. The memory id is kept in the payload as well as in the point id, so reads
 * through the raw client can filter on it.
 */
final class MemoryPayload {

    static final String MEMORY_ID = "memory_id";
    static final String PROJECT = "project";
    static final String SCOPE = "scope";
    static final String TAGS = "tags";
    static final String IMPORTANCE = "importance";
    static final String CREATED_AT = "created_at";

    private MemoryPayload() {
    }

    /** The document Spring AI's vector store writes; its metadata map is mutable, as the store expects. */
    static Document toDocument(Memory memory) {
        Map<String, Object> metadata = new HashMap<>();
        metadata.put(MEMORY_ID, memory.id());
        metadata.put(PROJECT, memory.project());
        metadata.put(SCOPE, memory.scope().value());
        metadata.put(TAGS, memory.tags());
        metadata.put(IMPORTANCE, memory.importance());
        // A double, not a long: Spring AI 2.0.0 writes Long metadata as a string, which Qdrant cannot
        // order by. Epoch milliseconds are exact in a double for the next 285,000 years.
        metadata.put(CREATED_AT, (double) memory.createdAt().toEpochMilli());
        return Document.builder().id(memory.id()).text(memory.content()).metadata(metadata).build();
    }

    /** A memory from a vector store search result. */
    static Memory fromDocument(Document document) {
        Map<String, Object> metadata = document.getMetadata();
        List<String> tags = ((List<?>) metadata.getOrDefault(TAGS, List.of())).stream().map(String::valueOf).toList();
        return new Memory(String.valueOf(metadata.get(MEMORY_ID)), String.valueOf(metadata.get(PROJECT)),
                document.getText(), MemoryScope.of(String.valueOf(metadata.get(SCOPE))), tags,
                ((Number) metadata.get(IMPORTANCE)).intValue(),
                Instant.ofEpochMilli(((Number) metadata.get(CREATED_AT)).longValue()));
    }

    /** A memory from a raw point payload. */
    static Memory fromPayload(Map<String, JsonWithInt.Value> payload, String contentField) {
        List<String> tags = payload.containsKey(TAGS)
                ? payload.get(TAGS).getListValue().getValuesList().stream().map(JsonWithInt.Value::getStringValue).toList()
                : List.of();
        return new Memory(payload.get(MEMORY_ID).getStringValue(), payload.get(PROJECT).getStringValue(),
                payload.get(contentField).getStringValue(), MemoryScope.of(payload.get(SCOPE).getStringValue()), tags,
                (int) payload.get(IMPORTANCE).getIntegerValue(),
                Instant.ofEpochMilli((long) payload.get(CREATED_AT).getDoubleValue()));
    }
}
