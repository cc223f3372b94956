package io.github.qdrantscope.lc4jdemo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;

import io.github.qdrantscope.junit.QdrantScopeTest;
import io.github.qdrantscope.lc4jdemo.support.CachedEmbeddings;
import io.github.qdrantscope.lc4jdemo.support.Corpus;
import io.github.qdrantscope.lc4jdemo.support.Oracle;
import io.github.qdrantscope.lc4jdemo.support.Question;
import io.qdrant.client.QdrantClient;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Whole rankings and top-k cuts: the segments, in order, with LangChain4j's scores, exactly as the oracle ranks
 * them over this test's corpus, although every other test wrote the same ids into the same collection.
 */
@QdrantScopeTest
class SearchRankingTest {

    private final Library library;

    SearchRankingTest(QdrantClient client) {
        this.library = Library.start(client, CachedEmbeddings.model());
    }

    @ParameterizedTest
    @FieldSource("io.github.qdrantscope.lc4jdemo.support.Question#ALL")
    void theWholeCorpusRanksAsTheModelSays(Question question) {
        this.library.ingestion().ingestAll(Corpus.DOCUMENTS);

        List<Passage> ranking = this.library.retrieval().search(question.text(), PassageFilter.any(), 100);

        assertThat(ranking).hasSize(Corpus.SEGMENTS);
        Oracle.assertSameResults(ranking, Oracle.ranking(question.text(), Corpus.passages()));
    }

    static Stream<Arguments> cuts() {
        return Stream.of(1, 2, 4, 8).flatMap(k -> Stream.of(Question.ALL.get(0), Question.ALL.get(7),
                Question.ALL.get(10), Question.ALL.get(16)).map(question -> Arguments.of(question, k)));
    }

    @ParameterizedTest(name = "{0} top {1}")
    @MethodSource("cuts")
    void maxResultsCutsTheRanking(Question question, int maxResults) {
        this.library.ingestion().ingestAll(Corpus.DOCUMENTS);

        List<Passage> top = this.library.retrieval().search(question.text(), PassageFilter.any(), maxResults);

        assertThat(top).hasSize(maxResults);
        Oracle.assertSameResults(top, Oracle.search(question.text(), Corpus.passages(), maxResults, 0.0));
    }
}
