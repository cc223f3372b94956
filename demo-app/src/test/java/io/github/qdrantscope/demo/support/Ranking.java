package io.github.qdrantscope.demo.support;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.springframework.ai.embedding.EmbeddingModel;

/**
 * The search oracle: ranks texts by cosine similarity to a query with the same embedding model the
 * application uses, independently of Qdrant. Tests compare Qdrant's answer (through the application or
 * the vector store) with this, exactly: same ids, same order.
 */
public final class Ranking {

    /** Scores closer than this are treated as a tie, which a test must not depend on. */
    public static final double TIE = 1e-4;

    private Ranking() {
    }

    /** A text with its score. */
    public record Scored(String id, double score) {
    }

    /** All entries of {@code idToText} scored against {@code query}, best first. */
    public static List<Scored> rank(EmbeddingModel model, String query, Map<String, String> idToText) {
        float[] q = model.embed(query);
        List<Scored> scored = new ArrayList<>();
        idToText.forEach((id, text) -> scored.add(new Scored(id, cosine(q, model.embed(text)))));
        scored.sort(Comparator.comparingDouble(Scored::score).reversed());
        return scored;
    }

    /** The ids Qdrant must return for top-k with a strict threshold: best first. */
    public static List<String> expectedIds(EmbeddingModel model, String query, Map<String, String> idToText, int topK,
            double minScore) {
        List<Scored> ranked = rank(model, query, idToText).stream().filter(s -> s.score() > minScore).toList();
        requireNoNearTie(ranked.subList(0, Math.min(ranked.size(), topK + 1)), query);
        return ranked.stream().limit(topK).map(Scored::id).toList();
    }

    /**
     * Fails (deterministically) when the test data has two results so close that their order would depend
     * on float rounding or id tie-breaking; such data must be changed, not the assertion weakened.
     */
    public static void requireNoNearTie(List<Scored> ranked, String query) {
        for (int i = 1; i < ranked.size(); i++) {
            if (ranked.get(i - 1).score() - ranked.get(i).score() < TIE) {
                throw new IllegalStateException("Test data has a near-tie for query '" + query + "': " + ranked.get(i - 1)
                        + " and " + ranked.get(i) + "; choose texts that rank unambiguously");
            }
        }
    }

    /** Whether any two of the texts score within {@link #TIE} of each other against the query. */
    public static boolean hasNearTie(EmbeddingModel model, String query, List<String> texts) {
        float[] q = model.embed(query);
        List<Double> scores = texts.stream().map(t -> cosine(q, model.embed(t))).sorted().toList();
        for (int i = 1; i < scores.size(); i++) {
            if (scores.get(i) - scores.get(i - 1) < TIE) {
                return true;
            }
        }
        return false;
    }

    /** Cosine similarity of two vectors. */
    public static double cosine(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += (double) a[i] * b[i];
            na += (double) a[i] * a[i];
            nb += (double) b[i] * b[i];
        }
        return dot / Math.sqrt(na * nb);
    }
}
