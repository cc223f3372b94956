package io.github.qdrantscope.lc4jdemo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import io.github.qdrantscope.junit.QdrantScopeTest;
import io.github.qdrantscope.lc4jdemo.support.CachedEmbeddings;
import io.github.qdrantscope.lc4jdemo.support.Corpus;
import io.github.qdrantscope.lc4jdemo.support.Oracle;
import io.qdrant.client.QdrantClient;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/**
 * Re-ingesting a new revision under the same ids: changed segments overwritten in place, the old revision's
 * extra segments removed, other documents untouched. Other tests write the original revision under the very same
 * ids at the same time.
 */
@QdrantScopeTest
class ReingestTest {

    private final Library library;

    ReingestTest(QdrantClient client) {
        this.library = Library.start(client, CachedEmbeddings.model());
    }

    @RepeatedTest(5)
    void aShorterRevisionReplacesTheDocumentUnderTheSameIds() {
        List<IngestReport> original = this.library.ingestion().ingestAll(Corpus.DOCUMENTS);

        IngestReport revised = this.library.ingestion().reingest(Corpus.SOURDOUGH_REVISED);

        assertThat(revised.segmentIds()).containsExactlyElementsOf(original.get(0).segmentIds().subList(0, 2));
        assertThat(this.library.retrieval().outline("sourdough"))
            .containsExactlyElementsOf(Corpus.passages(Corpus.SOURDOUGH_REVISED));
        assertThat(this.library.retrieval().count()).isEqualTo(Corpus.SEGMENTS - 1);
        for (SourceDocument other : Corpus.DOCUMENTS.subList(1, Corpus.DOCUMENTS.size())) {
            assertThat(this.library.retrieval().outline(other.id())).containsExactlyElementsOf(Corpus.passages(other));
        }
    }

    @RepeatedTest(5)
    void searchFindsTheNewTextAndNeverTheOld() {
        this.library.ingestion().ingestAll(Corpus.DOCUMENTS);
        this.library.ingestion().reingest(Corpus.SOURDOUGH_REVISED);
        String question = "How often should I feed my sourdough starter?";

        List<Passage> found = this.library.retrieval().search(question, PassageFilter.document("sourdough"), 10);

        Oracle.assertSameResults(found, Oracle.ranking(question, Corpus.passages(Corpus.SOURDOUGH_REVISED)));
        assertThat(found).extracting(Passage::text).doesNotContainAnyElementsOf(
                List.of(Corpus.paragraphs(Corpus.SOURDOUGH).get(0), Corpus.paragraphs(Corpus.SOURDOUGH).get(2)));
    }

    @Test
    void aLongerRevisionAddsASegment() {
        this.library.ingestion().ingest(Corpus.SOURDOUGH);

        IngestReport extended = this.library.ingestion().reingest(Corpus.SOURDOUGH_EXTENDED);

        assertThat(extended.segmentIds()).containsExactly(SegmentIds.of("sourdough", 0), SegmentIds.of("sourdough", 1),
                SegmentIds.of("sourdough", 2), SegmentIds.of("sourdough", 3));
        assertThat(this.library.retrieval().outline("sourdough"))
            .containsExactlyElementsOf(Corpus.passages(Corpus.SOURDOUGH_EXTENDED));
    }

    @Test
    void revisingBackAndForthEndsWithTheLastRevision() {
        this.library.ingestion().ingest(Corpus.SOURDOUGH);
        this.library.ingestion().reingest(Corpus.SOURDOUGH_EXTENDED);
        this.library.ingestion().reingest(Corpus.SOURDOUGH_REVISED);
        this.library.ingestion().reingest(Corpus.SOURDOUGH);

        assertThat(this.library.retrieval().outline("sourdough")).containsExactlyElementsOf(Corpus.passages(Corpus.SOURDOUGH));
        assertThat(this.library.retrieval().count()).isEqualTo(3);
    }

    @Test
    void reingestingTheSameRevisionChangesNothing() {
        this.library.ingestion().ingestAll(Corpus.DOCUMENTS);

        this.library.ingestion().reingest(Corpus.BUDGET);

        assertThat(this.library.retrieval().count()).isEqualTo(Corpus.SEGMENTS);
        assertThat(this.library.retrieval().outline("budget")).containsExactlyElementsOf(Corpus.passages(Corpus.BUDGET));
    }

    @Test
    void reingestingADocumentTheLibraryDoesNotHoldIngestsIt() {
        IngestReport report = this.library.ingestion().reingest(Corpus.PUPPY);

        assertThat(report.segments()).isEqualTo(3);
        assertThat(this.library.retrieval().outline("puppy")).containsExactlyElementsOf(Corpus.passages(Corpus.PUPPY));
    }
}
