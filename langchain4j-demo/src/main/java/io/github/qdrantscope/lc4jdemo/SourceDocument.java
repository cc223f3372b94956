package io.github.qdrantscope.lc4jdemo;

import java.util.Objects;

/**
 * A document the library ingests: an id of the application's choosing (a slug such as {@code "sourdough"}), a
 * title, a category, a publication year and the text, paragraphs separated by blank lines.
 */
public record SourceDocument(String id, String title, String category, int year, String text) {

    public SourceDocument {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(text, "text");
        if (id.isBlank()) {
            throw new IllegalArgumentException("A document needs a non-blank id");
        }
        if (text.isBlank()) {
            throw new IllegalArgumentException("Document '" + id + "' has no text");
        }
    }

    /** The same document with another text: a new revision, ingested under the same id. */
    public SourceDocument revised(String newText) {
        return new SourceDocument(this.id, this.title, this.category, this.year, newText);
    }
}
