package io.github.qdrantscope.rawdemo;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A document of the knowledge base: stored in the {@value KnowledgeBaseSchema#DOCUMENTS} collection with its
 * fields as payload ({@code title}, {@code category}, {@code tags}, {@code year}).
 *
 * @param id the document's id
 * @param title its title
 * @param category one category, indexed as a keyword ({@code null} when its payload was cleared)
 * @param tags its tags
 * @param year the year it was written ({@code 0} when its payload was cleared)
 * @param vector its embedding, {@value KnowledgeBaseSchema#DIMENSION} numbers
 */
public record Document(DocumentId id, String title, String category, List<String> tags, int year, float[] vector) {

    public Document {
        Objects.requireNonNull(id, "id");
        tags = List.copyOf(tags);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Document that && this.id.equals(that.id) && Objects.equals(this.title, that.title)
                && Objects.equals(this.category, that.category) && this.tags.equals(that.tags)
                && this.year == that.year && Arrays.equals(this.vector, that.vector);
    }

    @Override
    public int hashCode() {
        return Objects.hash(this.id, this.title, this.category, this.tags, this.year) * 31
                + Arrays.hashCode(this.vector);
    }

    @Override
    public String toString() {
        return "Document[" + this.id + ", " + this.title + ", " + this.category + ", " + this.tags + ", "
                + this.year + ", " + Arrays.toString(this.vector) + "]";
    }
}
