package io.github.qdrantscope.core.client;

import io.grpc.Status;

/**
 * A request qdrant-scope refuses before it reaches Qdrant: the call fails with this status and nothing is sent.
 * Thrown by a {@link RewritingCall.Handler}.
 */
public final class CallRejection extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Status status;

    /**
     * @param code the status code the call fails with
     * @param message the status description: what was wrong and what to do
     */
    public CallRejection(Status.Code code, String message) {
        this(Status.fromCode(code).withDescription(message));
    }

    /** @param status the status the call fails with */
    public CallRejection(Status status) {
        super(status.getDescription(), null, false, false);
        this.status = status;
    }

    /** The status the call fails with. */
    public Status status() {
        return this.status;
    }
}
