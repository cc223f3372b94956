package io.github.qdrantscope.autoconfigure.metrics;

import java.util.Locale;

/** What kind of contention was seen; the lowercase name is the {@code kind} tag value. */
public enum ContentionKind {
    /** A collection this fork binds to was already claimed by another live JVM. */
    COLLECTION_CLAIM,
    /** A search or delete would have touched a point of another project (audit mode). */
    FOREIGN_POINT,
    /** A read (search, scroll, count, get) outside any project scope or without the project filter. */
    UNSCOPED_READ,
    /** A write (add, upsert) outside any project scope. */
    UNSCOPED_WRITE,
    /** A delete outside any project scope or without the project filter. */
    UNSCOPED_DELETE;

    /** The tag value: the constant's name in lower case. */
    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}
