package io.github.qdrantscope.lc4jdemo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import io.github.qdrantscope.junit.QdrantScopeTest;
import io.github.qdrantscope.lc4jdemo.support.CachedEmbeddings;
import io.github.qdrantscope.lc4jdemo.support.Corpus;
import io.github.qdrantscope.lc4jdemo.support.Oracle;
import io.github.qdrantscope.lc4jdemo.support.Question;
import io.qdrant.client.QdrantClient;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** The best passage for each question: the one a reader would pick, with the model's exact score. */
@QdrantScopeTest
class SearchAnswerTest {

    private final Library library;

    SearchAnswerTest(QdrantClient client) {
        this.library = Library.start(client, CachedEmbeddings.model());
    }

    @ParameterizedTest
    @FieldSource("io.github.qdrantscope.lc4jdemo.support.Question#ALL")
    void theTopPassageAnswersTheQuestion(Question question) {
        this.library.ingestion().ingestAll(Corpus.DOCUMENTS);

        List<Passage> top = this.library.retrieval().search(question.text(), PassageFilter.any(), 1);

        assertThat(top).hasSize(1);
        Passage answer = top.get(0);
        assertThat(answer.segmentId()).isEqualTo(question.answerId());
        assertThat(answer.documentId()).isEqualTo(question.answerDocument());
        assertThat(answer.index()).isEqualTo(question.answerIndex());
        assertThat(answer.text()).isEqualTo(Corpus.paragraphs(Corpus.document(question.answerDocument()))
            .get(question.answerIndex()));
        Oracle.assertSameResults(top, Oracle.search(question.text(), Corpus.passages(), 1, 0.0));
    }
}
