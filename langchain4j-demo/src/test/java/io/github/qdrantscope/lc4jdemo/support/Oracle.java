package io.github.qdrantscope.lc4jdemo.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Comparator;
import java.util.List;

import dev.langchain4j.store.embedding.CosineSimilarity;
import dev.langchain4j.store.embedding.RelevanceScore;
import io.github.qdrantscope.lc4jdemo.Passage;

/**
 * The expected search results, computed without Qdrant: the same model's embeddings of the question and of each
 * candidate segment, scored as LangChain4j scores ({@code (cosine + 1) / 2}) and ranked.
 */
public final class Oracle {

    /** Qdrant returns the stored vectors; a vector it re-normalised differs in the last bits only. */
    public static final double SCORE_TOLERANCE = 1e-6;

    private Oracle() {
    }

    /** LangChain4j's relevance score of {@code text} for {@code question}. */
    public static double score(String question, String text) {
        CachedEmbeddings model = CachedEmbeddings.model();
        return RelevanceScore.fromCosineSimilarity(CosineSimilarity.between(model.of(text), model.of(question)));
    }

    /** {@code candidates} scored for {@code question}, most relevant first. */
    public static List<Passage> ranking(String question, List<Passage> candidates) {
        return candidates.stream()
            .map(passage -> new Passage(passage.segmentId(), passage.documentId(), passage.title(),
                    passage.category(), passage.year(), passage.index(), passage.text(),
                    score(question, passage.text())))
            .sorted(Comparator.comparingDouble(Passage::score).reversed())
            .toList();
    }

    /** The first {@code maxResults} of the ranking whose score is at least {@code minScore}. */
    public static List<Passage> search(String question, List<Passage> candidates, int maxResults, double minScore) {
        return ranking(question, candidates).stream()
            .filter(passage -> passage.score() >= minScore)
            .limit(maxResults)
            .toList();
    }

    /**
     * Asserts that {@code actual} is exactly {@code expected}: the same passages (ids, texts, metadata) in the same
     * order, each scored as expected.
     */
    public static void assertSameResults(List<Passage> actual, List<Passage> expected) {
        assertThat(actual).extracting(Passage::unscored)
            .containsExactlyElementsOf(expected.stream().map(Passage::unscored).toList());
        for (int i = 0; i < actual.size(); i++) {
            assertThat(actual.get(i).score()).as("score of %s", actual.get(i).segmentId())
                .isCloseTo(expected.get(i).score(), within(SCORE_TOLERANCE));
        }
    }
}
