package io.github.qdrantscope.rawdemo;

import io.grpc.Status;

/** A Qdrant call of the knowledge base failed; {@link #status()} is Qdrant's answer. */
public class KnowledgeBaseException extends RuntimeException {

    private final Status status;

    KnowledgeBaseException(String message, Throwable cause) {
        super(message + ": " + cause.getMessage(), cause);
        this.status = Status.fromThrowable(cause);
    }

    /** The gRPC status Qdrant answered with ({@code UNKNOWN} when the call failed otherwise). */
    public Status status() {
        return this.status;
    }
}
