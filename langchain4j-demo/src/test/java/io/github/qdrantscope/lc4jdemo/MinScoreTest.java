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
 * A minimum score keeps only the relevant passages. The thresholds sit halfway between two consecutive scores
 * of the oracle's ranking, so exactly the passages above them pass.
 */
@QdrantScopeTest
class MinScoreTest {

    private final Library library;

    MinScoreTest(QdrantClient client) {
        this.library = Library.start(client, CachedEmbeddings.model());
    }

    @ParameterizedTest
    @FieldSource("io.github.qdrantscope.lc4jdemo.support.Question#ALL")
    void aThresholdBetweenTheThirdAndFourthKeepsThree(Question question) {
        this.library.ingestion().ingestAll(Corpus.DOCUMENTS);
        List<Passage> ranking = Oracle.ranking(question.text(), Corpus.passages());
        double threshold = (ranking.get(2).score() + ranking.get(3).score()) / 2;

        List<Passage> found = this.library.retrieval().search(question.text(), PassageFilter.any(), 10, threshold);

        assertThat(found).hasSize(3);
        Oracle.assertSameResults(found, ranking.subList(0, 3));
    }

    @Test
    void aThresholdAboveEveryScoreFindsNothing() {
        this.library.ingestion().ingestAll(Corpus.DOCUMENTS);
        Question question = Question.ALL.get(4);
        double best = Oracle.ranking(question.text(), Corpus.passages()).get(0).score();

        assertThat(this.library.retrieval().search(question.text(), PassageFilter.any(), 10, best + 1e-4)).isEmpty();
        assertThat(this.library.retrieval().search(question.text(), PassageFilter.any(), 10, best - 1e-4))
            .extracting(Passage::segmentId).containsExactly(question.answerId());
    }
}
