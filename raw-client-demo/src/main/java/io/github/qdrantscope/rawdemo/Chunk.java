package io.github.qdrantscope.rawdemo;

import java.util.Arrays;
import java.util.Objects;

/**
 * A passage of a document, stored in the {@value KnowledgeBaseSchema#CHUNKS} collection with the document's id
 * as payload ({@code document_id}), so a document's chunks can be found and deleted by filter.
 *
 * @param id the chunk's own id
 * @param document the document it belongs to
 * @param category the document's category
 * @param position its position in the document
 * @param text its text
 * @param vector its embedding
 */
public record Chunk(DocumentId id, DocumentId document, String category, int position, String text, float[] vector) {

    @Override
    public boolean equals(Object other) {
        return other instanceof Chunk that && this.id.equals(that.id) && this.document.equals(that.document)
                && Objects.equals(this.category, that.category)
                && this.position == that.position && Objects.equals(this.text, that.text)
                && Arrays.equals(this.vector, that.vector);
    }

    @Override
    public int hashCode() {
        return Objects.hash(this.id, this.document, this.category, this.position, this.text) * 31 + Arrays.hashCode(this.vector);
    }

    @Override
    public String toString() {
        return "Chunk[" + this.id + " of " + this.document + " (" + this.category + ") #" + this.position + ", " + this.text + "]";
    }
}
