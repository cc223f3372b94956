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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Searching within categories (metadata filters on {@code category}). */
@QdrantScopeTest
class CategoryFilterTest {

    private final Library library;

    CategoryFilterTest(QdrantClient client) {
        this.library = Library.start(client, CachedEmbeddings.model());
    }

    static Stream<Arguments> categoriesAndQuestions() {
        return Stream.of("cooking", "gardening", "astronomy", "pets", "finance")
            .flatMap(category -> Stream.of(Question.ALL.get(1), Question.ALL.get(8), Question.ALL.get(13))
                .map(question -> Arguments.of(category, question)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("categoriesAndQuestions")
    void onlyTheCategorysPassagesRankedAsTheModelSays(String category, Question question) {
        this.library.ingestion().ingestAll(Corpus.DOCUMENTS);
        List<Passage> candidates = Corpus.passages(Corpus.byCategory().get(category));

        List<Passage> found = this.library.retrieval().search(question.text(), PassageFilter.category(category), 20);

        assertThat(found).hasSize(candidates.size()).allSatisfy(passage -> assertThat(passage.category()).isEqualTo(category));
        Oracle.assertSameResults(found, Oracle.ranking(question.text(), candidates));
    }

    @Test
    void severalCategories() {
        this.library.ingestion().ingestAll(Corpus.DOCUMENTS);
        List<Passage> candidates = Corpus.passages(List.of(Corpus.TELESCOPE, Corpus.PUPPY));
        String question = Question.ALL.get(11).text();

        List<Passage> found = this.library.retrieval().search(question, PassageFilter.categories("pets", "astronomy"), 20);

        Oracle.assertSameResults(found, Oracle.ranking(question, candidates));
    }

    @Test
    void everyCategoryButOne() {
        this.library.ingestion().ingestAll(Corpus.DOCUMENTS);
        List<Passage> candidates = Corpus.passages(List.of(Corpus.SOURDOUGH, Corpus.TELESCOPE, Corpus.PUPPY,
                Corpus.BUDGET));
        String question = Question.ALL.get(3).text();

        List<Passage> found = this.library.retrieval().search(question, PassageFilter.notCategory("gardening"), 20);

        Oracle.assertSameResults(found, Oracle.ranking(question, candidates));
    }

    @Test
    void aCategoryNobodyWroteFindsNothing() {
        this.library.ingestion().ingestAll(Corpus.DOCUMENTS);
        assertThat(this.library.retrieval().search("recipes", PassageFilter.category("poetry"), 20)).isEmpty();
    }
}
