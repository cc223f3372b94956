package io.github.qdrantscope.lc4jdemo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;

import dev.langchain4j.data.segment.TextSegment;
import io.github.qdrantscope.junit.QdrantScopeTest;
import io.github.qdrantscope.lc4jdemo.support.CachedEmbeddings;
import io.github.qdrantscope.lc4jdemo.support.Corpus;
import io.github.qdrantscope.lc4jdemo.support.Oracle;
import io.github.qdrantscope.lc4jdemo.support.Question;
import io.qdrant.client.QdrantClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fixtures' own guarantees, which every exact assertion of the suite relies on, checked without Qdrant:
 * LangChain4j's splitter turns each paragraph into one segment, each question's answer ranks first, and no
 * ranking has near-ties (so Qdrant's order and the oracle's cannot differ by rounding).
 */
@QdrantScopeTest
class CorpusTest {

    /** Smaller gaps than this between consecutive scores would make an order depend on the last float bits. */
    private static final double MIN_GAP = 2e-4;

    private final Library library;

    CorpusTest(QdrantClient client) {
        this.library = Library.start(client, CachedEmbeddings.model());
    }

    static Stream<SourceDocument> documents() {
        return Stream.concat(Corpus.DOCUMENTS.stream(),
                Stream.of(Corpus.SOURDOUGH_REVISED, Corpus.SOURDOUGH_EXTENDED));
    }

    @ParameterizedTest
    @MethodSource("documents")
    void eachParagraphIsOneSegmentWithTheDocumentsMetadata(SourceDocument document) {
        List<TextSegment> segments = this.library.ingestion().split(document);
        assertThat(segments).extracting(TextSegment::text).containsExactlyElementsOf(Corpus.paragraphs(document));
        for (int i = 0; i < segments.size(); i++) {
            assertThat(segments.get(i).metadata().toMap()).containsExactlyInAnyOrderEntriesOf(java.util.Map.of(
                    SegmentFields.DOCUMENT_ID, document.id(), SegmentFields.TITLE, document.title(),
                    SegmentFields.CATEGORY, document.category(), SegmentFields.YEAR, document.year(),
                    SegmentFields.INDEX, String.valueOf(i)));
        }
    }

    @ParameterizedTest
    @FieldSource("io.github.qdrantscope.lc4jdemo.support.Question#ALL")
    void theAnswerRanksFirstAndTheRankingHasNoNearTies(Question question) {
        List<Passage> ranking = Oracle.ranking(question.text(), Corpus.passages());
        assertThat(ranking.get(0).segmentId()).isEqualTo(question.answerId());
        for (int i = 1; i < ranking.size(); i++) {
            assertThat(ranking.get(i - 1).score() - ranking.get(i).score())
                .as("gap between #%d and #%d", i - 1, i).isGreaterThan(MIN_GAP);
        }
    }

    @Test
    void theCorpusHasSeventeenSegmentsAndEveryOneAnswersOneQuestion() {
        assertThat(Corpus.passages()).hasSize(Corpus.SEGMENTS);
        assertThat(Question.ALL).extracting(Question::answerId)
            .containsExactlyElementsOf(Corpus.passages().stream().map(Passage::segmentId).toList());
    }

    @Test
    void theModelIsDeterministicAndNormalised() {
        CachedEmbeddings model = CachedEmbeddings.model();
        String text = Corpus.paragraphs(Corpus.PUPPY).get(1);
        float[] cached = model.of(text).vector();
        float[] fresh = new dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel()
            .embed(text).content().vector();
        assertThat(fresh).containsExactly(cached);
        assertThat(fresh).hasSize(LibrarySchema.DIMENSION);
        double squaredLength = 0;
        for (float value : fresh) {
            squaredLength += value * value;
        }
        assertThat(squaredLength).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-5));
    }
}
