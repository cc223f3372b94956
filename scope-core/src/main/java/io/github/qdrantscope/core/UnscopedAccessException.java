package io.github.qdrantscope.core;

/**
 * A scoped {@code VectorStore} was used outside any project scope while {@code qdrant-scope.unscoped=fail}.
 * The message names the operation, the collection and how to fix it.
 */
public class UnscopedAccessException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception with its full message. */
    public UnscopedAccessException(String message) {
        super(message);
    }
}
