package io.github.qdrantscope.lc4jdemo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;

import io.github.qdrantscope.junit.QdrantScopeTest;
import io.github.qdrantscope.lc4jdemo.support.CachedEmbeddings;
import io.github.qdrantscope.lc4jdemo.support.Corpus;
import io.qdrant.client.QdrantClient;
import org.junit.jupiter.api.Test;

/**
 * Segment ids are fixed: every test of every class that ingests "sourdough" writes the same point ids into the
 * same collection. That is what makes the suite a test of isolation.
 */
@QdrantScopeTest
class SegmentIdsTest {

    private final Library library;

    SegmentIdsTest(QdrantClient client) {
        this.library = Library.start(client, CachedEmbeddings.model());
    }

    @Test
    void idsAreNameBasedUuidsOfDocumentAndPosition() {
        assertThat(SegmentIds.of("sourdough", 0)).isEqualTo(
                java.util.UUID.nameUUIDFromBytes("sourdough#0".getBytes(java.nio.charset.StandardCharsets.UTF_8))
                    .toString());
        assertThat(SegmentIds.of("sourdough", 0)).isEqualTo(SegmentIds.of("sourdough", 0));
        assertThatThrownBy(() -> SegmentIds.of("sourdough", -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everySegmentOfTheCorpusHasItsOwnId() {
        Set<String> ids = new HashSet<>();
        Corpus.passages().forEach(passage -> ids.add(passage.segmentId()));
        assertThat(ids).hasSize(Corpus.SEGMENTS);
    }

    @Test
    void theStoreReturnsTheApplicationsIds() {
        this.library.ingestion().ingestAll(Corpus.DOCUMENTS);
        assertThat(this.library.retrieval().search("telescope", PassageFilter.any(), Corpus.SEGMENTS))
            .extracting(Passage::segmentId)
            .containsExactlyInAnyOrderElementsOf(Corpus.passages().stream().map(Passage::segmentId).toList());
    }
}
