package io.github.qdrantscope.autoconfigure.server;

import io.github.qdrantscope.core.server.QdrantEndpoint;
import io.github.qdrantscope.core.server.QdrantUnreachableException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a {@link QdrantUnreachableException}: which server was tried, what configured it, and which
 * properties to change.
 */
public class QdrantUnreachableFailureAnalyzer extends AbstractFailureAnalyzer<QdrantUnreachableException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, QdrantUnreachableException cause) {
        QdrantEndpoint endpoint = cause.endpoint();
        String description = "qdrant-scope could not reach the " + endpoint.mode() + " Qdrant server at "
                + endpoint.host() + ":" + endpoint.port() + " (gRPC" + (endpoint.useTls() ? ", TLS" : "")
                + ") within " + cause.timeout() + ". It was configured by: " + endpoint.source() + ".\n"
                + cause.getMessage();
        String action = switch (endpoint.mode()) {
            case EXTERNAL -> "Start the Qdrant server at " + endpoint.host() + ":" + endpoint.port()
                    + " or correct " + properties(endpoint.source().contains(QdrantServerSelector.SERVER_HOST)
                            || endpoint.source().contains(QdrantServerSelector.SERVER_PORT)
                            || endpoint.source().contains(QdrantServerSelector.SERVER_API_KEY))
                    + " (or your QdrantConnectionDetails bean). "
                    + "Remove them all to use qdrant-scope's embedded server instead. "
                    + "Raise qdrant-scope.connect-timeout if the server is just slow to start.";
            case EMBEDDED -> "The embedded Qdrant started by qdrant-scope did not answer; check the log for its "
                    + "start-up error, or raise qdrant-scope.connect-timeout on a heavily loaded machine.";
        };
        return new FailureAnalysis(description, action, cause);
    }

    /** The properties to correct, in the spelling the user chose first. */
    private static String properties(boolean qdrantScopes) {
        String ours = QdrantServerSelector.SERVER_HOST + " / " + QdrantServerSelector.SERVER_PORT
                + " (the gRPC port, usually 6334, not the REST port 6333), " + QdrantServerSelector.SERVER_USE_TLS
                + " and " + QdrantServerSelector.SERVER_API_KEY;
        String springAi = QdrantServerSelector.HOST + " / " + QdrantServerSelector.PORT
                + " (the gRPC port, usually 6334, not the REST port 6333), " + QdrantServerSelector.USE_TLS + " and "
                + QdrantServerSelector.API_KEY;
        return qdrantScopes ? ours : springAi + " (or " + QdrantServerSelector.SERVER_HOST + " / "
                + QdrantServerSelector.SERVER_PORT + ")";
    }
}
