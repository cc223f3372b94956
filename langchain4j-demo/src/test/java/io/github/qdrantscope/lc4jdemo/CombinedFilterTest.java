package io.github.qdrantscope.lc4jdemo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;

import io.github.qdrantscope.junit.QdrantScopeTest;
import io.github.qdrantscope.lc4jdemo.support.CachedEmbeddings;
import io.github.qdrantscope.lc4jdemo.support.Corpus;
import io.github.qdrantscope.lc4jdemo.support.Oracle;
import io.qdrant.client.QdrantClient;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Filters combined with {@code and}, negated, on one document, and on the text itself. */
@QdrantScopeTest
class CombinedFilterTest {

    private static final String QUESTION = "what should I do first";

    private final Library library;

    CombinedFilterTest(QdrantClient client) {
        this.library = Library.start(client, CachedEmbeddings.model());
    }

    static Stream<Arguments> filters() {
        return Stream.of(
                Arguments.of(PassageFilter.category("gardening").and(PassageFilter.publishedBetween(2020, 2030)),
                        List.of("compost")),
                Arguments.of(PassageFilter.category("gardening").and(PassageFilter.publishedBefore(2020)),
                        List.of("tomatoes")),
                Arguments.of(PassageFilter.categories("cooking", "finance").and(PassageFilter.publishedBefore(2022)),
                        List.of("sourdough")),
                Arguments.of(PassageFilter.category("gardening").negate(),
                        List.of("sourdough", "telescope", "puppy", "budget")),
                Arguments.of(PassageFilter.publishedBetween(2021, 2023).negate(),
                        List.of("tomatoes", "puppy", "compost")),
                Arguments.of(PassageFilter.document("telescope"), List.of("telescope")),
                Arguments.of(PassageFilter.document("compost").and(PassageFilter.category("gardening")),
                        List.of("compost")),
                Arguments.of(PassageFilter.document("compost").and(PassageFilter.category("finance")), List.of()),
                Arguments.of(PassageFilter.any().and(PassageFilter.document("budget")), List.of("budget")),
                Arguments.of(PassageFilter.any(), Corpus.DOCUMENTS.stream().map(SourceDocument::id).toList()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("filters")
    void onlyWhatTheFilterLetsThrough(PassageFilter filter, List<String> documents) {
        this.library.ingestion().ingestAll(Corpus.DOCUMENTS);
        List<Passage> candidates = Corpus.passages(documents.stream().map(Corpus::document).toList());

        List<Passage> found = this.library.retrieval().search(QUESTION, filter, 20);

        assertThat(found).hasSize(candidates.size());
        Oracle.assertSameResults(found, Oracle.ranking(QUESTION, candidates));
    }

    static Stream<Arguments> fragments() {
        return Stream.of(
                Arguments.of("Saturn", List.of("telescope#1")),
                Arguments.of("leash", List.of("puppy#1")),
                Arguments.of("dough", List.of("sourdough#0", "sourdough#1")),
                Arguments.of("debt", List.of("budget#1", "budget#2")),
                Arguments.of("saturn", List.of()));
    }

    @ParameterizedTest(name = "text contains {0}")
    @MethodSource("fragments")
    void passagesContainingAWord(String fragment, List<String> segments) {
        this.library.ingestion().ingestAll(Corpus.DOCUMENTS);
        List<Passage> candidates = Corpus.passages().stream()
            .filter(passage -> segments.contains(passage.documentId() + "#" + passage.index()))
            .toList();

        List<Passage> found = this.library.retrieval().search(QUESTION, PassageFilter.textContains(fragment), 20);

        assertThat(candidates).hasSize(segments.size());
        Oracle.assertSameResults(found, Oracle.ranking(QUESTION, candidates));
    }
}
