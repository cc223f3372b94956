package io.github.qdrantscope.lc4jdemo;

import static dev.langchain4j.store.embedding.filter.MetadataFilterBuilder.metadataKey;

import java.util.List;
import java.util.stream.IntStream;

import dev.langchain4j.data.document.Document;
import dev.langchain4j.data.document.DocumentSplitter;
import dev.langchain4j.data.document.Metadata;
import dev.langchain4j.data.document.splitter.DocumentSplitters;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.store.embedding.EmbeddingStore;

/**
 * Ingests documents: splits each into segments with LangChain4j's recursive splitter (paragraphs, then
 * sentences, then words, packed up to {@link #MAX_SEGMENT_CHARS}), embeds them and stores them under
 * {@link SegmentIds}, with the document's fields as metadata.
 */
public final class Ingestion {

    /** A segment's size limit: one or two short paragraphs, small enough for a precise match. */
    public static final int MAX_SEGMENT_CHARS = 300;

    private final DocumentSplitter splitter = DocumentSplitters.recursive(MAX_SEGMENT_CHARS, 0);

    private final EmbeddingModel model;

    private final EmbeddingStore<TextSegment> store;

    Ingestion(EmbeddingModel model, EmbeddingStore<TextSegment> store) {
        this.model = model;
        this.store = store;
    }

    /** The segments {@code document} is split into, with their metadata, as {@link #ingest} stores them. */
    public List<TextSegment> split(SourceDocument document) {
        Metadata metadata = new Metadata()
            .put(SegmentFields.DOCUMENT_ID, document.id())
            .put(SegmentFields.TITLE, document.title())
            .put(SegmentFields.CATEGORY, document.category())
            .put(SegmentFields.YEAR, document.year());
        return this.splitter.split(Document.from(document.text(), metadata));
    }

    /** Splits, embeds and stores {@code document}; an earlier revision's segments at the same positions are overwritten. */
    public IngestReport ingest(SourceDocument document) {
        List<TextSegment> segments = split(document);
        List<Embedding> embeddings = this.model.embedAll(segments).content();
        List<String> ids = IntStream.range(0, segments.size()).mapToObj(i -> SegmentIds.of(document.id(), i)).toList();
        this.store.addAll(ids, embeddings, segments);
        return new IngestReport(document.id(), ids);
    }

    /** Ingests each document in turn. */
    public List<IngestReport> ingestAll(List<SourceDocument> documents) {
        return documents.stream().map(this::ingest).toList();
    }

    /**
     * Ingests a new revision of {@code document} under the same ids, then removes the segments the old revision had
     * beyond the new one's end. The document is searchable throughout: no window where it is gone.
     */
    public IngestReport reingest(SourceDocument document) {
        IngestReport report = ingest(document);
        List<String> kept = IntStream.range(0, report.segments()).mapToObj(String::valueOf).toList();
        this.store.removeAll(metadataKey(SegmentFields.DOCUMENT_ID).isEqualTo(document.id())
            .and(metadataKey(SegmentFields.INDEX).isNotIn(kept)));
        return report;
    }
}
