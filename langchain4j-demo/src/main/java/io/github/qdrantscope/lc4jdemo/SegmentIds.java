package io.github.qdrantscope.lc4jdemo;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The point id of a segment: a name-based UUID of the document id and the segment's position. Ingesting a
 * document again (a new revision, or after a failure half-way) writes the same ids, so it overwrites instead of
 * duplicating, and a segment can be addressed without looking it up.
 */
public final class SegmentIds {

    private SegmentIds() {
    }

    /** The id of segment {@code index} (0-based) of document {@code documentId}. */
    public static String of(String documentId, int index) {
        if (index < 0) {
            throw new IllegalArgumentException("Segment index must be >= 0, was " + index);
        }
        return UUID.nameUUIDFromBytes((documentId + '#' + index).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
