package io.github.qdrantscope.core.server;

/**
 * The Qdrant server stopped answering in the middle of the run and a health check confirmed it: every further call
 * of the fork's instrumented clients fails with this one cause, without contacting the server, instead of a bare
 * {@code UNAVAILABLE: io exception} per call. The message names the server, since when, the first failure (call,
 * collection, test) and what to do. See {@link ServerHealth}.
 */
public class QdrantServerGoneException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    /** @param message what is gone, since when, the first failure and what to do */
    public QdrantServerGoneException(String message) {
        super(message);
    }

    private QdrantServerGoneException(QdrantServerGoneException cause) {
        super(cause.getMessage(), cause);
    }

    /**
     * A new exception with this one's message and this one as its cause, for a test that fails because of it: the
     * one cause stays shared, while the test integrations (which add suppressed exceptions to what they throw) each
     * throw their own instance.
     */
    public QdrantServerGoneException again() {
        return new QdrantServerGoneException(this);
    }

    /** The exception that first said the server is gone ({@code this}, or the one {@link #again()} repeats). */
    public QdrantServerGoneException first() {
        return getCause() instanceof QdrantServerGoneException first ? first : this;
    }
}
