package io.github.qdrantscope.core.metrics;

import java.util.Locale;

/** How the collections of a dead lease holder were reclaimed; the lowercase name is the {@code kind} tag value. */
public enum LeaseReapKind {
    /** A JVM claiming a collection or namespace found its holder gone, cleared it and took it over. */
    TAKEOVER,
    /** The start-up reaper dropped a gone holder's collection or namespace. */
    REAPER;

    /** The tag value: the constant's name in lower case. */
    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}
