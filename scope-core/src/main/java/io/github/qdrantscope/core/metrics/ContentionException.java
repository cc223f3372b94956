package io.github.qdrantscope.core.metrics;

import io.github.qdrantscope.core.ScopedProject;

/**
 * Thrown at the point of contention when {@code qdrant-scope.fail-on-contention=true}, so the offending
 * test fails with a message naming the project, the collection and the kind of contention.
 */
public class ContentionException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private final ContentionKind kind;
    private final String project;
    private final String collection;

    /** Creates the exception; the message is built from the arguments. */
    public ContentionException(ContentionKind kind, String project, String collection, String detail) {
        super("qdrant-scope contention " + kind.tag() + " in collection '" + collection + "' (project "
                + (project == null ? "none: outside any @ScopedProject scope" : "'" + project + "'") + "): "
                + detail + " [failing because qdrant-scope.fail-on-contention=true]");
        this.kind = kind;
        this.project = project;
        this.collection = collection;
    }

    /** What kind of contention. */
    public ContentionKind kind() {
        return kind;
    }

    /** The project scope open at the time, or {@code null}. */
    public String project() {
        return project;
    }

    /** The collection involved. */
    public String collection() {
        return collection;
    }
}
