package io.github.qdrantscope.core;

import java.util.Locale;

/** What happens to a Qdrant operation on a scoped collection made outside any project scope. */
public enum UnscopedPolicy {
    /** Counted only. */
    ALLOW,
    /** Counted and logged as a warning (once per collection and kind). */
    WARN,
    /** Counted and rejected with an error. */
    FAIL;

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
