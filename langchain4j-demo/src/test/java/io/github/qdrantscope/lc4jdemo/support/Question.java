package io.github.qdrantscope.lc4jdemo.support;

import java.util.List;

import io.github.qdrantscope.lc4jdemo.SegmentIds;

/**
 * A question the suite asks, with the segment a reader would pick as its answer: the model ranks that segment
 * first among the whole corpus (checked by {@code CorpusTest}, independently of Qdrant).
 */
public record Question(String text, String answerDocument, int answerIndex) {

    /** One question per segment of the corpus, each answered by its own segment. */
    public static final List<Question> ALL = List.of(
            new Question("How often should I feed my sourdough starter?", "sourdough", 0),
            new Question("proofing dough in the fridge", "sourdough", 1),
            new Question("How do I get a crispy bread crust?", "sourdough", 2),
            new Question("when to plant tomato seedlings outside", "tomatoes", 0),
            new Question("When should I water tomato plants?", "tomatoes", 1),
            new Question("When are tomatoes ripe enough to pick?", "tomatoes", 2),
            new Question("Is aperture or magnification more important in a telescope?", "telescope", 0),
            new Question("planets and moons to look at", "telescope", 1),
            new Question("light pollution and dark skies", "telescope", 2),
            new Question("How do I house train a puppy?", "puppy", 0),
            new Question("My dog keeps pulling on the leash", "puppy", 1),
            new Question("my puppy is afraid of other dogs", "puppy", 2),
            new Question("where does my money go each month", "budget", 0),
            new Question("Saving money for unexpected bills", "budget", 1),
            new Question("paying off credit card debt", "budget", 2),
            new Question("What can I put in a compost bin?", "compost", 0),
            new Question("How often should I turn my compost pile?", "compost", 1));

    /** The id of the answering segment. */
    public String answerId() {
        return SegmentIds.of(this.answerDocument, this.answerIndex);
    }

    /** The question asked about {@code documentId}'s segments, by index in {@link #ALL}. */
    public static Question about(String documentId, int index) {
        return ALL.stream()
            .filter(question -> question.answerDocument.equals(documentId) && question.answerIndex == index)
            .findFirst()
            .orElseThrow();
    }

    @Override
    public String toString() {
        return this.text;
    }
}
