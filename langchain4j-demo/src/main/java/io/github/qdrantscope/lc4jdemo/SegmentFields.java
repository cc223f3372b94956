package io.github.qdrantscope.lc4jdemo;

/**
 * The metadata keys of a segment: LangChain4j stores a segment's metadata as payload fields next to its text
 * ({@code text_segment}), and converts metadata filters into filters on these fields.
 */
public final class SegmentFields {

    public static final String DOCUMENT_ID = "document_id";

    public static final String TITLE = "title";

    public static final String CATEGORY = "category";

    public static final String YEAR = "year";

    /** Set by LangChain4j's splitters: the segment's position in its document, as a string. */
    public static final String INDEX = "index";

    /** The payload key of the segment's text (the store's default). */
    public static final String TEXT = "text_segment";

    private SegmentFields() {
    }
}
