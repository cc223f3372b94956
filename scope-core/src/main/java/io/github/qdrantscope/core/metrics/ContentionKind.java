package io.github.qdrantscope.core.metrics;

import java.util.Locale;

/** What kind of contention was seen; the lowercase name is the {@code kind} tag value. */
public enum ContentionKind {
    /** A collection this fork binds to was already claimed by another live JVM. */
    COLLECTION_CLAIM,
    /** A search or delete would have touched a point of another project (audit mode). */
    FOREIGN_POINT,
    /** A read (search, scroll, count, get) outside any project scope or without the project filter. */
    UNSCOPED_READ,
    /**
     * A write outside any project scope ({@code add}), or a raw-client write outside the project: an upsert
     * of a point without the project key (inside a scope: with another project's value), a payload or
     * vector update of points not selected by the project filter.
     */
    UNSCOPED_WRITE,
    /**
     * A delete outside any project scope, or a raw-client point, payload or vector delete not selected by
     * the project filter.
     */
    UNSCOPED_DELETE;

    /** The tag value: the constant's name in lower case. */
    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}
