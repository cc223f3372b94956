package io.github.qdrantscope.lc4jdemo;

import java.util.Collection;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.store.embedding.EmbeddingStore;

/** Removes content from the library, through LangChain4j's store only. */
public final class Curation {

    private final EmbeddingStore<TextSegment> store;

    Curation(EmbeddingStore<TextSegment> store) {
        this.store = store;
    }

    /** Removes one segment (e.g. a passage flagged as wrong); unknown ids are ignored, as Qdrant does. */
    public void removeSegment(String segmentId) {
        this.store.remove(segmentId);
    }

    /** Removes the given segments. */
    public void removeSegments(Collection<String> segmentIds) {
        this.store.removeAll(segmentIds);
    }

    /** Removes every segment of a document. */
    public void removeDocument(String documentId) {
        this.store.removeAll(PassageFilter.document(documentId).toFilter());
    }

    /** Removes every segment {@code filter} lets through, e.g. a category or everything published before a year. */
    public void removeMatching(PassageFilter filter) {
        if (filter.toFilter() == null) {
            throw new IllegalArgumentException("Use clear() to remove everything; removeMatching needs a filter");
        }
        this.store.removeAll(filter.toFilter());
    }

    /** Empties the library: LangChain4j's {@code removeAll()}, a delete with an empty filter on the collection. */
    public void clear() {
        this.store.removeAll();
    }
}
