package io.github.qdrantscope.core.server;

import java.time.Duration;

/**
 * The Qdrant server did not answer a health check ({@link QdrantHealthCheck}) within
 * {@code qdrant-scope.connect-timeout}; the message names the server, what configured it and the setting. Under
 * Spring, Boot's failure analysis explains it further at start-up.
 */
public class QdrantUnreachableException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private final transient QdrantEndpoint endpoint;
    private final Duration timeout;

    /** Creates the exception for {@code endpoint}, which failed within {@code timeout}. */
    public QdrantUnreachableException(QdrantEndpoint endpoint, Duration timeout, Throwable cause) {
        this(endpoint, timeout, "qdrant-scope.connect-timeout", cause);
    }

    /**
     * Creates the exception for {@code endpoint}, which failed within {@code timeout}, set by
     * {@code timeoutSetting}.
     */
    public QdrantUnreachableException(QdrantEndpoint endpoint, Duration timeout, String timeoutSetting,
            Throwable cause) {
        super("qdrant-scope could not reach the " + endpoint + " within " + timeout
                + " (" + timeoutSetting + "): " + rootMessage(cause), cause);
        this.endpoint = endpoint;
        this.timeout = timeout;
    }

    /** The server that did not answer. */
    public QdrantEndpoint endpoint() {
        return endpoint;
    }

    /** How long the health check waited. */
    public Duration timeout() {
        return timeout;
    }

    private static String rootMessage(Throwable cause) {
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }
}
