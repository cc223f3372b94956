package io.github.qdrantscope.embedded.storage;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;

/**
 * Builds the gRPC errors Qdrant 1.17 returns, with Qdrant's own message texts, so that client code
 * (and tests asserting on messages) cannot tell the embedded server from the real one.
 *
 * <p>Message prefixes follow {@code lib/storage/src/content_manager/conversions.rs}: "Not found: ",
 * "Wrong input: ", "Validation error in body: [...]".
 */
public final class QdrantErrors {

    private QdrantErrors() {
    }

    /** {@code NOT_FOUND} with the message as given (callers include Qdrant's "Not found: " prefix). */
    public static StatusRuntimeException notFound(String message) {
        return Status.NOT_FOUND.withDescription(message).asRuntimeException();
    }

    /** {@code INVALID_ARGUMENT} with the message as given. */
    public static StatusRuntimeException invalidArgument(String message) {
        return Status.INVALID_ARGUMENT.withDescription(message).asRuntimeException();
    }

    /** {@code INVALID_ARGUMENT} {@code "Wrong input: <detail>"}. */
    public static StatusRuntimeException wrongInput(String detail) {
        return invalidArgument("Wrong input: " + detail);
    }

    /** {@code INVALID_ARGUMENT} {@code "Bad request: <detail>"} (Qdrant's {@code StorageError::BadRequest}). */
    public static StatusRuntimeException badRequest(String detail) {
        return invalidArgument("Bad request: " + detail);
    }

    /** {@code INVALID_ARGUMENT} {@code "Validation error in body: [<detail>]"}. */
    public static StatusRuntimeException validation(String detail) {
        return invalidArgument("Validation error in body: [" + detail + "]");
    }

    /** {@code NOT_FOUND} {@code "Not found: Collection `<name>` doesn't exist!"}. */
    public static StatusRuntimeException collectionNotFound(String name) {
        return notFound("Not found: Collection `" + name + "` doesn't exist!");
    }

    /** {@code NOT_FOUND} {@code "Not found: No point with id <id> found"}. */
    public static StatusRuntimeException pointNotFound(PointKey id) {
        return notFound("Not found: No point with id " + id + " found");
    }

    /** {@code UNIMPLEMENTED} naming the RPC the embedded server does not support. */
    public static StatusRuntimeException unimplemented(String rpc) {
        return Status.UNIMPLEMENTED
                .withDescription("Embedded Qdrant does not implement " + rpc
                        + " (see docs/embedded-qdrant.md for what is supported)")
                .asRuntimeException();
    }

    /** {@code UNIMPLEMENTED} naming a request feature the embedded server does not support. */
    public static StatusRuntimeException unimplementedFeature(String what) {
        return Status.UNIMPLEMENTED
                .withDescription("Embedded Qdrant does not implement " + what + " (see docs/embedded-qdrant.md)")
                .asRuntimeException();
    }
}
