package io.github.qdrantscope.embedded.inference;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;

/**
 * An inference failure as Qdrant 1.17 classifies it ({@code StorageError} in
 * {@code lib/storage/src/content_manager/errors.rs}): the kind decides the display prefix and, on the update
 * path, the gRPC code ({@code error_to_status}). The query path wraps every one of them alike
 * ({@code convert_query_points_from_grpc} in {@code src/common/inference/query_requests_grpc.rs}:
 * {@code Status::internal(format!("Inference error: {e}"))}).
 */
public final class InferenceError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The {@code StorageError} variants inference produces. */
    public enum Kind {
        /** {@code BadInput}: "Wrong input: ", {@code INVALID_ARGUMENT}. */
        BAD_INPUT("Wrong input: ", Status.INVALID_ARGUMENT),
        /** {@code ServiceError}: "Service internal error: ", {@code INTERNAL}. */
        SERVICE("Service internal error: ", Status.INTERNAL),
        /** {@code BadRequest}: "Bad request: ", {@code INVALID_ARGUMENT}. */
        BAD_REQUEST("Bad request: ", Status.INVALID_ARGUMENT),
        /** {@code InferenceError}: the description alone, {@code INVALID_ARGUMENT}. */
        INFERENCE("", Status.INVALID_ARGUMENT);

        private final String prefix;
        private final Status status;

        Kind(String prefix, Status status) {
            this.prefix = prefix;
            this.status = status;
        }
    }

    private final Kind kind;

    public InferenceError(Kind kind, String description) {
        super(kind.prefix + description, null, false, false);
        this.kind = kind;
    }

    /** The status a write RPC answers with (Qdrant's {@code error_to_status}). */
    public StatusRuntimeException onUpdate() {
        return kind.status.withDescription(getMessage()).asRuntimeException();
    }

    /** The status a Query RPC answers with: {@code INTERNAL "Inference error: <display>"}. */
    public StatusRuntimeException onQuery() {
        return Status.INTERNAL.withDescription("Inference error: " + getMessage()).asRuntimeException();
    }
}
