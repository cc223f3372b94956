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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * PROOF: a search never returns another test's segment. The neighbour holds a different revision of "sourdough"
 * under the SAME segment ids, and documents this test does not hold; every search here sees exactly this test's
 * segments, and the neighbour's searches exactly the neighbour's.
 */
@QdrantScopeTest
class SearchIsolationTest {

    private final QdrantClient client;

    private final Library library;

    SearchIsolationTest(QdrantClient client) {
        this.client = client;
        this.library = Library.start(client, CachedEmbeddings.model());
    }

    @ParameterizedTest
    @FieldSource("io.github.qdrantscope.lc4jdemo.support.Question#ALL")
    void sameIdsDifferentTextEachSeesItsOwn(Question question) {
        List<SourceDocument> mine = List.of(Corpus.SOURDOUGH, Corpus.PUPPY);
        List<SourceDocument> theirs = List.of(Corpus.SOURDOUGH_REVISED, Corpus.TOMATOES, Corpus.BUDGET);
        try (Neighbour neighbour = new Neighbour(this.client)) {
            neighbour.run(() -> this.library.ingestion().ingestAll(theirs));
            this.library.ingestion().ingestAll(mine);

            Oracle.assertSameResults(this.library.retrieval().search(question.text(), PassageFilter.any(), 50),
                    Oracle.ranking(question.text(), Corpus.passages(mine)));
            Oracle.assertSameResults(
                    neighbour.call(() -> this.library.retrieval().search(question.text(), PassageFilter.any(), 50)),
                    Oracle.ranking(question.text(), Corpus.passages(theirs)));
        }
    }

    @RepeatedTest(10)
    void aTestWithNoSegmentsFindsNothingWhileOthersHoldTheWholeCorpus() {
        try (Neighbour neighbour = new Neighbour(this.client)) {
            neighbour.run(() -> this.library.ingestion().ingestAll(Corpus.DOCUMENTS));

            for (Question question : Question.ALL) {
                assertThat(this.library.retrieval().search(question.text(), PassageFilter.any(), 50)).isEmpty();
            }
            assertThat(this.library.retrieval().outline("sourdough")).isEmpty();
            assertThat(neighbour.call(() -> this.library.retrieval().count())).isEqualTo(Corpus.SEGMENTS);
        }
    }

    @RepeatedTest(5)
    void filteredSearchesAreIsolatedToo() {
        try (Neighbour neighbour = new Neighbour(this.client)) {
            neighbour.run(() -> this.library.ingestion().ingestAll(Corpus.DOCUMENTS));
            this.library.ingestion().ingest(Corpus.COMPOST);
            String question = "garden";

            Oracle.assertSameResults(this.library.retrieval().search(question, PassageFilter.category("gardening"), 50),
                    Oracle.ranking(question, Corpus.passages(Corpus.COMPOST)));
            assertThat(this.library.retrieval().search(question, PassageFilter.category("cooking"), 50)).isEmpty();
            assertThat(this.library.retrieval().search(question, PassageFilter.document("tomatoes"), 50)).isEmpty();
        }
    }
}
