package io.github.qdrantscope.lc4jdemo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;

import io.github.qdrantscope.junit.QdrantScopeTest;
import io.github.qdrantscope.lc4jdemo.support.CachedEmbeddings;
import io.github.qdrantscope.lc4jdemo.support.Corpus;
import io.qdrant.client.QdrantClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Removing by filter (LangChain4j's {@code removeAll(Filter)}): a whole document, a category, everything before a
 * year. In one shared collection such a delete would hit every test's segments that match; here only this
 * test's.
 */
@QdrantScopeTest
class RemoveByFilterTest {

    private final Library library;

    RemoveByFilterTest(QdrantClient client) {
        this.library = Library.start(client, CachedEmbeddings.model());
    }

    @ParameterizedTest
    @FieldSource("io.github.qdrantscope.lc4jdemo.support.Corpus#DOCUMENTS")
    void removingADocumentLeavesTheOthersWhole(SourceDocument removed) {
        this.library.ingestion().ingestAll(Corpus.DOCUMENTS);

        this.library.curation().removeDocument(removed.id());

        assertThat(this.library.retrieval().outline(removed.id())).isEmpty();
        assertThat(this.library.retrieval().search("anything", PassageFilter.document(removed.id()), 20)).isEmpty();
        assertThat(this.library.retrieval().count()).isEqualTo(Corpus.SEGMENTS - Corpus.paragraphs(removed).size());
        for (SourceDocument kept : Corpus.DOCUMENTS) {
            if (!kept.equals(removed)) {
                assertThat(this.library.retrieval().outline(kept.id())).containsExactlyElementsOf(Corpus.passages(kept));
            }
        }
    }

    static Stream<Arguments> matching() {
        return Stream.of(
                Arguments.of(PassageFilter.category("gardening"), List.of("sourdough", "telescope", "puppy", "budget")),
                Arguments.of(PassageFilter.category("pets"),
                        List.of("sourdough", "tomatoes", "telescope", "budget", "compost")),
                Arguments.of(PassageFilter.publishedBefore(2021), List.of("sourdough", "telescope", "budget", "compost")),
                Arguments.of(PassageFilter.publishedBetween(2021, 2023), List.of("tomatoes", "puppy", "compost")),
                Arguments.of(PassageFilter.category("gardening").and(PassageFilter.publishedBefore(2020)),
                        List.of("sourdough", "telescope", "puppy", "budget", "compost")),
                Arguments.of(PassageFilter.category("cooking").negate(), List.of("sourdough")),
                Arguments.of(PassageFilter.category("poetry"),
                        List.of("sourdough", "tomatoes", "telescope", "puppy", "budget", "compost")));
    }

    @ParameterizedTest(name = "remove {0}")
    @MethodSource("matching")
    void removingWhatAFilterMatches(PassageFilter filter, List<String> remaining) {
        this.library.ingestion().ingestAll(Corpus.DOCUMENTS);

        this.library.curation().removeMatching(filter);

        List<Passage> expected = Corpus.passages(remaining.stream().map(Corpus::document).toList());
        assertThat(this.library.retrieval().count()).isEqualTo(expected.size());
        assertThat(this.library.retrieval().search("anything at all", PassageFilter.any(), 50))
            .extracting(Passage::unscored)
            .containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void removingPartOfADocumentByText() {
        this.library.ingestion().ingest(Corpus.SOURDOUGH);

        this.library.curation().removeMatching(PassageFilter.document("sourdough").and(PassageFilter.textContains("dough")));

        assertThat(this.library.retrieval().outline("sourdough")).containsExactly(Corpus.passages(Corpus.SOURDOUGH).get(2));
    }

    @Test
    void removeMatchingNeedsAFilter() {
        this.library.ingestion().ingest(Corpus.SOURDOUGH);
        assertThatThrownBy(() -> this.library.curation().removeMatching(PassageFilter.any()))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("Use clear() to remove everything; removeMatching needs a filter");
        assertThat(this.library.retrieval().count()).isEqualTo(3);
    }
}
