package io.github.qdrantscope.demo.store;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.github.qdrantscope.demo.support.DemoTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.ai.document.Document;
import org.springframework.ai.vectorstore.SearchRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the application writes as metadata is what it reads back, as Spring AI's Qdrant store converts it
 * (integers come back as {@code Long}); the scope key the starter adds never shows.
 */
class MetadataRoundTripTest extends DemoTest {

    static Stream<Arguments> values() {
        return Stream.of(Arguments.of("a string", "a string"), Arguments.of("", ""),
                Arguments.of(42, 42L), Arguments.of(-7, -7L),
                // Spring AI 2.0.0 writes Long values as strings (its QdrantValueFactory); the demo stores
                // timestamps as doubles because of this.
                Arguments.of(-7L, "-7"), Arguments.of(Long.MAX_VALUE, String.valueOf(Long.MAX_VALUE)),
                Arguments.of(3.5, 3.5), Arguments.of(true, true), Arguments.of(false, false),
                Arguments.of(List.of("a", "b"), List.of("a", "b")), Arguments.of(List.of(1, 2, 3), List.of(1L, 2L, 3L)),
                Arguments.of(Map.of("nested", "value"), Map.of("nested", "value")),
                Arguments.of("ünïcode ✓", "ünïcode ✓"));
    }

    @ParameterizedTest
    @MethodSource("values")
    void metadataValuesComeBackAsWritten(Object written, Object expected) {
        Map<String, Object> metadata = new HashMap<>();
        metadata.put("value", written);
        metadata.put("kind", "round-trip");
        vectorStore.add(List.of(new Document(Fixtures.id(1), "metadata round trip", metadata)));

        List<Document> found = vectorStore.similaritySearch(SearchRequest.builder().query("metadata round trip").topK(5).build());

        assertThat(found).hasSize(1);
        Document document = found.get(0);
        assertThat(document.getId()).isEqualTo(Fixtures.id(1));
        assertThat(document.getText()).isEqualTo("metadata round trip");
        assertThat(document.getMetadata()).containsEntry("value", expected).containsEntry("kind", "round-trip");
        assertThat(document.getMetadata().keySet()).containsExactlyInAnyOrder("value", "kind", "distance");
    }
}
