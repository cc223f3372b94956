package io.github.qdrantscope.lc4jdemo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;

import io.github.qdrantscope.junit.QdrantScopeTest;
import io.github.qdrantscope.lc4jdemo.support.CachedEmbeddings;
import io.github.qdrantscope.lc4jdemo.support.Corpus;
import io.qdrant.client.QdrantClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** Ingesting one document, or all of them: the segments stored, their ids, metadata and texts. */
@QdrantScopeTest
class IngestTest {

    private final Library library;

    IngestTest(QdrantClient client) {
        this.library = Library.start(client, CachedEmbeddings.model());
    }

    @ParameterizedTest
    @FieldSource("io.github.qdrantscope.lc4jdemo.support.Corpus#DOCUMENTS")
    void ingestingADocumentStoresOneSegmentPerParagraph(SourceDocument document) {
        IngestReport report = this.library.ingestion().ingest(document);

        int paragraphs = Corpus.paragraphs(document).size();
        assertThat(report.documentId()).isEqualTo(document.id());
        assertThat(report.segmentIds()).containsExactlyElementsOf(
                IntStream.range(0, paragraphs).mapToObj(i -> SegmentIds.of(document.id(), i)).toList());
        assertThat(this.library.retrieval().count()).isEqualTo(paragraphs);
        assertThat(this.library.retrieval().count(document.id())).isEqualTo(paragraphs);
        assertThat(this.library.retrieval().outline(document.id())).containsExactlyElementsOf(Corpus.passages(document));
    }

    @ParameterizedTest
    @FieldSource("io.github.qdrantscope.lc4jdemo.support.Corpus#DOCUMENTS")
    void afterIngestingEverythingEachDocumentHasExactlyItsSegments(SourceDocument document) {
        List<IngestReport> reports = this.library.ingestion().ingestAll(Corpus.DOCUMENTS);

        assertThat(reports).extracting(IngestReport::documentId)
            .containsExactly("sourdough", "tomatoes", "telescope", "puppy", "budget", "compost");
        assertThat(reports).extracting(IngestReport::segments).containsExactly(3, 3, 3, 3, 3, 2);
        assertThat(this.library.retrieval().count()).isEqualTo(Corpus.SEGMENTS);
        assertThat(this.library.retrieval().count(document.id())).isEqualTo(Corpus.paragraphs(document).size());
        assertThat(this.library.retrieval().outline(document.id())).containsExactlyElementsOf(Corpus.passages(document));
    }

    @Test
    void ingestingTheSameDocumentTwiceOverwritesInsteadOfDuplicating() {
        IngestReport first = this.library.ingestion().ingest(Corpus.BUDGET);
        IngestReport second = this.library.ingestion().ingest(Corpus.BUDGET);

        assertThat(second).isEqualTo(first);
        assertThat(this.library.retrieval().count()).isEqualTo(3);
        assertThat(this.library.retrieval().outline("budget")).containsExactlyElementsOf(Corpus.passages(Corpus.BUDGET));
    }

    @Test
    void aDocumentTheLibraryDoesNotHoldHasNoOutline() {
        this.library.ingestion().ingest(Corpus.COMPOST);
        assertThat(this.library.retrieval().outline("sourdough")).isEmpty();
        assertThat(this.library.retrieval().count("sourdough")).isZero();
    }

    @Test
    void aSingleShortParagraphIsOneSegment() {
        SourceDocument note = new SourceDocument("note", "A Note", "misc", 2025, "Buy more flour.");
        IngestReport report = this.library.ingestion().ingest(note);

        assertThat(report.segmentIds()).containsExactly(SegmentIds.of("note", 0));
        assertThat(this.library.retrieval().outline("note")).containsExactly(new Passage(SegmentIds.of("note", 0),
                "note", "A Note", "misc", 2025, 0, "Buy more flour.", Double.NaN));
    }
}
