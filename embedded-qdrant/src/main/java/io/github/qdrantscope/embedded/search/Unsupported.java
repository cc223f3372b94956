package io.github.qdrantscope.embedded.search;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;

/** {@code UNIMPLEMENTED} errors for request features the embedded server does not support. */
final class Unsupported {

    private Unsupported() {
    }

    static StatusRuntimeException feature(String what) {
        return Status.UNIMPLEMENTED
                .withDescription("Embedded Qdrant does not implement " + what + " (see docs/embedded-qdrant.md)")
                .asRuntimeException();
    }
}
