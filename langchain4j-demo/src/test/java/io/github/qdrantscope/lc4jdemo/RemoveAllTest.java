package io.github.qdrantscope.lc4jdemo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import io.github.qdrantscope.junit.QdrantScopeTest;
import io.github.qdrantscope.lc4jdemo.support.CachedEmbeddings;
import io.github.qdrantscope.lc4jdemo.support.Corpus;
import io.github.qdrantscope.lc4jdemo.support.Neighbour;
import io.github.qdrantscope.lc4jdemo.support.Oracle;
import io.github.qdrantscope.lc4jdemo.support.Question;
import io.qdrant.client.QdrantClient;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/**
 * PROOF: LangChain4j's {@code removeAll()} is a delete with an EMPTY filter on the whole collection; in a shared
 * Qdrant it wipes every test's segments. Here it empties this test's library and never touches another test's
 * segments: a neighbour's (same ids, checked before and after, in this thread) nor those of the tests running
 * in parallel (they would fail their own exact counts).
 */
@QdrantScopeTest
class RemoveAllTest {

    private final QdrantClient client;

    private final Library library;

    RemoveAllTest(QdrantClient client) {
        this.client = client;
        this.library = Library.start(client, CachedEmbeddings.model());
    }

    @RepeatedTest(25)
    void removeAllEmptiesThisTestsLibraryAndNoOneElses() {
        try (Neighbour neighbour = new Neighbour(this.client)) {
            neighbour.run(() -> this.library.ingestion().ingestAll(Corpus.DOCUMENTS));
            this.library.ingestion().ingestAll(Corpus.DOCUMENTS);
            assertThat(this.library.retrieval().count()).isEqualTo(Corpus.SEGMENTS);

            this.library.curation().clear();

            assertThat(this.library.retrieval().count()).isZero();
            assertThat(this.library.retrieval().search("sourdough starter", PassageFilter.any(), 50)).isEmpty();
            assertThat(this.library.retrieval().outline("sourdough")).isEmpty();

            assertThat(neighbour.call(() -> this.library.retrieval().count())).isEqualTo(Corpus.SEGMENTS);
            for (SourceDocument document : Corpus.DOCUMENTS) {
                assertThat(neighbour.call(() -> this.library.retrieval().outline(document.id())))
                    .containsExactlyElementsOf(Corpus.passages(document));
            }
            Question question = Question.ALL.get(9);
            Oracle.assertSameResults(
                    neighbour.call(() -> this.library.retrieval().search(question.text(), PassageFilter.any(), 50)),
                    Oracle.ranking(question.text(), Corpus.passages()));
        }
    }

    @RepeatedTest(10)
    void theNeighboursRemoveAllLeavesThisTestsSegments() {
        try (Neighbour neighbour = new Neighbour(this.client)) {
            this.library.ingestion().ingestAll(Corpus.DOCUMENTS);
            neighbour.run(() -> this.library.ingestion().ingestAll(Corpus.DOCUMENTS));

            neighbour.run(() -> this.library.curation().clear());

            assertThat(neighbour.call(() -> this.library.retrieval().count())).isZero();
            assertThat(this.library.retrieval().count()).isEqualTo(Corpus.SEGMENTS);
            assertThat(this.library.retrieval().search("anything", PassageFilter.any(), 50))
                .extracting(Passage::unscored)
                .containsExactlyInAnyOrderElementsOf(Corpus.passages());
        }
    }

    @Test
    void removeAllOnAnEmptyLibraryThenIngestAgain() {
        this.library.curation().clear();
        this.library.ingestion().ingest(Corpus.COMPOST);

        assertThat(this.library.retrieval().outline("compost")).containsExactlyElementsOf(Corpus.passages(Corpus.COMPOST));
        assertThat(this.library.retrieval().count()).isEqualTo(2);
    }

    @Test
    void removeAllKeepsTheCollection() throws Exception {
        this.library.ingestion().ingestAll(Corpus.DOCUMENTS);
        this.library.curation().clear();

        assertThat(this.client.listCollectionsAsync().get()).containsExactly(LibrarySchema.COLLECTION);
        assertThat(this.library.retrieval().search("compost", PassageFilter.any(), 5)).isEqualTo(List.of());
    }
}
