package io.github.qdrantscope.core.server;

import java.util.Locale;

/**
 * The Qdrant server the tests talk to, as chosen by the Spring starter ({@code QdrantServerSelector}, which
 * registers it as the bean {@code qdrantScopeEndpoint}) or the JUnit extension.
 *
 * @param mode embedded or external
 * @param host the gRPC host
 * @param port the gRPC port
 * @param apiKey the API key, or {@code null}
 * @param useTls whether the connection uses TLS
 * @param source what configured it (for logs and failure messages), e.g. the properties that were set
 */
public record QdrantEndpoint(Mode mode, String host, int port, String apiKey, boolean useTls, String source) {

    /** Where the server comes from. */
    public enum Mode {
        /** The JVM's embedded server, started by qdrant-scope. */
        EMBEDDED,
        /** A server the user configured (properties or a {@code QdrantConnectionDetails} bean). */
        EXTERNAL;

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    @Override
    public String toString() {
        // never print the API key
        return mode + " Qdrant at " + host + ":" + port + (useTls ? " (TLS)" : "") + " from " + source;
    }
}
