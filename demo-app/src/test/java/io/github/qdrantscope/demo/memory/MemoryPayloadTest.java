package io.github.qdrantscope.demo.memory;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.qdrant.client.grpc.JsonWithInt;
import org.junit.jupiter.api.Test;
import org.springframework.ai.document.Document;

import static io.qdrant.client.ValueFactory.list;
import static io.qdrant.client.ValueFactory.value;
import static org.assertj.core.api.Assertions.assertThat;

class MemoryPayloadTest {

    private final Memory memory = new Memory("3f2a1c4e-0000-4000-8000-000000000001", "apollo", "the text",
            MemoryScope.GLOBAL, List.of("a", "b"), 4, Instant.ofEpochMilli(1_700_000_000_123L));

    @Test
    void aMemoryBecomesADocumentWithItsIdTextAndMetadata() {
        Document document = MemoryPayload.toDocument(memory);
        assertThat(document.getId()).isEqualTo(memory.id());
        assertThat(document.getText()).isEqualTo("the text");
        assertThat(document.getMetadata()).containsOnly(Map.entry("memory_id", memory.id()), Map.entry("project", "apollo"),
                Map.entry("scope", "global"), Map.entry("tags", List.of("a", "b")), Map.entry("importance", 4),
                Map.entry("created_at", 1_700_000_000_123.0));
    }

    @Test
    void documentMetadataIsMutableBecauseVectorStoresAddToIt() {
        Document document = MemoryPayload.toDocument(memory);
        document.getMetadata().put("extra", 1);
        assertThat(document.getMetadata()).containsEntry("extra", 1);
    }

    @Test
    void aSearchResultDocumentBecomesTheSameMemoryWhateverNumberTypesComeBack() {
        Map<String, Object> metadata = new HashMap<>(MemoryPayload.toDocument(memory).getMetadata());
        metadata.put("importance", 4L);
        metadata.put("distance", 0.25);
        assertThat(MemoryPayload.fromDocument(new Document(memory.id(), "the text", metadata))).isEqualTo(memory);
    }

    @Test
    void aRawPayloadBecomesTheSameMemory() {
        Map<String, JsonWithInt.Value> payload = Map.of("memory_id", value(memory.id()), "project", value("apollo"),
                "doc_content", value("the text"), "scope", value("global"),
                "tags", list(List.of(value("a"), value("b"))), "importance", value(4),
                "created_at", value(1_700_000_000_123.0), "qdrant_scope_project", value("ignored-1234abcd"));
        assertThat(MemoryPayload.fromPayload(payload, "doc_content")).isEqualTo(memory);
    }
}
