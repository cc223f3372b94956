package io.github.qdrantscope.lc4jdemo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import io.github.qdrantscope.junit.QdrantScopeTest;
import io.github.qdrantscope.lc4jdemo.support.CachedEmbeddings;
import io.github.qdrantscope.lc4jdemo.support.Corpus;
import io.github.qdrantscope.lc4jdemo.support.Oracle;
import io.github.qdrantscope.lc4jdemo.support.Question;
import io.qdrant.client.QdrantClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * Removing segments by id (LangChain4j's {@code remove(id)} and {@code removeAll(ids)}): every test removes the
 * same ids from the same collection, while other tests hold those ids and expect to find them.
 */
@QdrantScopeTest
class RemoveSegmentTest {

    private final Library library;

    RemoveSegmentTest(QdrantClient client) {
        this.library = Library.start(client, CachedEmbeddings.model());
    }

    @ParameterizedTest
    @FieldSource("io.github.qdrantscope.lc4jdemo.support.Question#ALL")
    void aRemovedSegmentIsNeverFoundAgain(Question question) {
        this.library.ingestion().ingestAll(Corpus.DOCUMENTS);

        this.library.curation().removeSegment(question.answerId());

        List<Passage> rest = Corpus.passages().stream()
            .filter(passage -> !passage.segmentId().equals(question.answerId()))
            .toList();
        assertThat(this.library.retrieval().count()).isEqualTo(Corpus.SEGMENTS - 1);
        assertThat(this.library.retrieval().outline(question.answerDocument()))
            .containsExactlyElementsOf(rest.stream().filter(p -> p.documentId().equals(question.answerDocument())).toList());
        Oracle.assertSameResults(this.library.retrieval().search(question.text(), PassageFilter.any(), 3),
                Oracle.search(question.text(), rest, 3, 0.0));
    }

    @Test
    void removingSeveralSegmentsAtOnce() {
        this.library.ingestion().ingestAll(Corpus.DOCUMENTS);
        List<String> ids = List.of(SegmentIds.of("puppy", 0), SegmentIds.of("puppy", 2), SegmentIds.of("budget", 1));

        this.library.curation().removeSegments(ids);

        assertThat(this.library.retrieval().count()).isEqualTo(Corpus.SEGMENTS - 3);
        assertThat(this.library.retrieval().outline("puppy")).containsExactly(Corpus.passages(Corpus.PUPPY).get(1));
        assertThat(this.library.retrieval().outline("budget"))
            .containsExactly(Corpus.passages(Corpus.BUDGET).get(0), Corpus.passages(Corpus.BUDGET).get(2));
    }

    @Test
    void removingAnUnknownIdChangesNothing() {
        this.library.ingestion().ingestAll(Corpus.DOCUMENTS);

        this.library.curation().removeSegment(SegmentIds.of("puppy", 7));
        this.library.curation().removeSegments(List.of(SegmentIds.of("nothing", 0), SegmentIds.of("nothing", 1)));

        assertThat(this.library.retrieval().count()).isEqualTo(Corpus.SEGMENTS);
    }

    @Test
    void aRemovedSegmentComesBackWhenItsDocumentIsIngestedAgain() {
        this.library.ingestion().ingest(Corpus.TELESCOPE);
        this.library.curation().removeSegment(SegmentIds.of("telescope", 1));
        assertThat(this.library.retrieval().count("telescope")).isEqualTo(2);

        this.library.ingestion().ingest(Corpus.TELESCOPE);

        assertThat(this.library.retrieval().outline("telescope")).containsExactlyElementsOf(Corpus.passages(Corpus.TELESCOPE));
    }
}
