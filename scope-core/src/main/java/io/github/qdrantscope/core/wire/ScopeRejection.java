package io.github.qdrantscope.core.wire;

import io.grpc.Status;

/**
 * A request the project scope refuses before it reaches Qdrant; the call fails with this status and message
 * and nothing is sent.
 */
final class ScopeRejection extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final Status.Code code;

    ScopeRejection(Status.Code code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    Status status() {
        return Status.fromCode(this.code).withDescription(getMessage());
    }
}
