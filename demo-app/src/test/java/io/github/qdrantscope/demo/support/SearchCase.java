package io.github.qdrantscope.demo.support;

import java.util.List;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import org.springframework.ai.embedding.EmbeddingModel;

/**
 * A generated search scenario: a corpus and a query whose ranking has no near-ties, so the expected order
 * is unambiguous.
 *
 * @param seed where it came from (shown in the test name)
 * @param texts the corpus
 * @param query the query
 */
public record SearchCase(long seed, List<String> texts, String query) {

    /** Cases from consecutive seeds, skipping those with near-ties; {@code count} of them. */
    public static Stream<SearchCase> generate(EmbeddingModel model, long firstSeed, int count, int corpusSize) {
        return LongStream.iterate(firstSeed, seed -> seed + 1)
            .mapToObj(seed -> new SearchCase(seed, Corpus.texts(seed, corpusSize), Corpus.query(seed)))
            .filter(c -> !Ranking.hasNearTie(model, c.query(), c.texts()))
            .limit(count);
    }

    @Override
    public String toString() {
        return "seed " + this.seed + ": '" + this.query + "' over " + this.texts.size() + " texts";
    }
}
