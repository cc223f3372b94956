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

/**
 * Searching by publication year (numeric range filters on {@code year}). Years: tomatoes 2019, puppy 2020,
 * sourdough 2021, budget 2022, telescope 2023, compost 2024.
 */
@QdrantScopeTest
class YearFilterTest {

    private static final String QUESTION = "a practical guide for beginners";

    private final Library library;

    YearFilterTest(QdrantClient client) {
        this.library = Library.start(client, CachedEmbeddings.model());
    }

    static Stream<Arguments> ranges() {
        return Stream.of(
                Arguments.of(2019, 2019, List.of("tomatoes")),
                Arguments.of(2019, 2020, List.of("tomatoes", "puppy")),
                Arguments.of(2020, 2022, List.of("puppy", "sourdough", "budget")),
                Arguments.of(2022, 2024, List.of("budget", "telescope", "compost")),
                Arguments.of(2000, 2030, List.of("tomatoes", "puppy", "sourdough", "budget", "telescope", "compost")),
                Arguments.of(2025, 2030, List.of()),
                Arguments.of(2023, 2021, List.of()));
    }

    @ParameterizedTest(name = "{0}..{1}")
    @MethodSource("ranges")
    void publishedBetween(int from, int to, List<String> documents) {
        this.library.ingestion().ingestAll(Corpus.DOCUMENTS);
        List<Passage> candidates = Corpus.passages(documents.stream().map(Corpus::document).toList());

        List<Passage> found = this.library.retrieval().search(QUESTION, PassageFilter.publishedBetween(from, to), 20);

        assertThat(found).hasSize(candidates.size());
        Oracle.assertSameResults(found, Oracle.ranking(QUESTION, candidates));
    }

    static Stream<Arguments> cutoffs() {
        return Stream.of(
                Arguments.of(2019, List.of()),
                Arguments.of(2020, List.of("tomatoes")),
                Arguments.of(2022, List.of("tomatoes", "puppy", "sourdough")),
                Arguments.of(2025, List.of("tomatoes", "puppy", "sourdough", "budget", "telescope", "compost")));
    }

    @ParameterizedTest(name = "before {0}")
    @MethodSource("cutoffs")
    void publishedBefore(int year, List<String> documents) {
        this.library.ingestion().ingestAll(Corpus.DOCUMENTS);
        List<Passage> candidates = Corpus.passages(documents.stream().map(Corpus::document).toList());

        List<Passage> found = this.library.retrieval().search(QUESTION, PassageFilter.publishedBefore(year), 20);

        Oracle.assertSameResults(found, Oracle.ranking(QUESTION, candidates));
    }
}
