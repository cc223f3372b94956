package io.github.qdrantscope.lc4jdemo;

/**
 * A segment as the library returns it: where it comes from, its text and, for a search, its relevance score
 * (LangChain4j's, {@code (cosine + 1) / 2}, in [0, 1]; {@code NaN} for a passage that was not searched for).
 */
public record Passage(String segmentId, String documentId, String title, String category, int year, int index,
        String text, double score) {

    /** The same passage without a score, to compare passages of different searches. */
    public Passage unscored() {
        return new Passage(this.segmentId, this.documentId, this.title, this.category, this.year, this.index,
                this.text, Double.NaN);
    }
}
