package io.github.qdrantscope.lc4jdemo;

import java.util.List;

/** What ingesting one document wrote: its segments' ids, in document order. */
public record IngestReport(String documentId, List<String> segmentIds) {

    public IngestReport {
        segmentIds = List.copyOf(segmentIds);
    }

    /** How many segments the document was split into. */
    public int segments() {
        return this.segmentIds.size();
    }
}
