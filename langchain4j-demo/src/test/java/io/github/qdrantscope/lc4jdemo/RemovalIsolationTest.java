package io.github.qdrantscope.lc4jdemo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;

import io.github.qdrantscope.junit.QdrantScopeTest;
import io.github.qdrantscope.lc4jdemo.support.CachedEmbeddings;
import io.github.qdrantscope.lc4jdemo.support.Corpus;
import io.github.qdrantscope.lc4jdemo.support.Neighbour;
import io.qdrant.client.QdrantClient;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kind of removal, made by this test while a neighbour holds the whole corpus under the same ids: the
 * neighbour's 17 segments are all still there afterwards, and this test's library lost exactly what it removed.
 */
@QdrantScopeTest
class RemovalIsolationTest {

    private final QdrantClient client;

    private final Library library;

    RemovalIsolationTest(QdrantClient client) {
        this.client = client;
        this.library = Library.start(client, CachedEmbeddings.model());
    }

    interface Removal {

        void apply(Curation curation);
    }

    static Stream<Arguments> removals() {
        return Stream.of(
                Arguments.of("remove(id)", (Removal) c -> c.removeSegment(SegmentIds.of("puppy", 1)), 16),
                Arguments.of("removeAll(ids)", (Removal) c -> c.removeSegments(List.of(SegmentIds.of("puppy", 0),
                        SegmentIds.of("budget", 2), SegmentIds.of("compost", 1))), 14),
                Arguments.of("removeAll(document)", (Removal) c -> c.removeDocument("tomatoes"), 14),
                Arguments.of("removeAll(category)", (Removal) c -> c.removeMatching(PassageFilter.category("gardening")),
                        12),
                Arguments.of("removeAll(year < 2022)", (Removal) c -> c.removeMatching(PassageFilter.publishedBefore(2022)),
                        8),
                Arguments.of("removeAll(text)", (Removal) c -> c.removeMatching(PassageFilter.textContains("Saturn")), 16),
                Arguments.of("removeAll()", (Removal) Curation::clear, 0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("removals")
    void theNeighboursSegmentsSurvive(String name, Removal removal, int remaining) {
        try (Neighbour neighbour = new Neighbour(this.client)) {
            neighbour.run(() -> this.library.ingestion().ingestAll(Corpus.DOCUMENTS));
            this.library.ingestion().ingestAll(Corpus.DOCUMENTS);

            removal.apply(this.library.curation());

            assertThat(this.library.retrieval().count()).isEqualTo(remaining);
            assertThat(neighbour.call(() -> this.library.retrieval().count())).isEqualTo(Corpus.SEGMENTS);
            assertThat(neighbour.call(() -> this.library.retrieval().search("anything", PassageFilter.any(), 50)))
                .extracting(Passage::unscored)
                .containsExactlyInAnyOrderElementsOf(Corpus.passages());
        }
    }
}
