package io.github.qdrantscope.embedded.search;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Asserts the gRPC status code and exact Qdrant message of a failing engine call. */
final class StatusAssert {

    private StatusAssert() {
    }

    static void assertStatus(ThrowingCallable call, Status.Code code, String message) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
                    org.assertj.core.api.Assertions.assertThat(e.getStatus().getCode()).isEqualTo(code);
                    org.assertj.core.api.Assertions.assertThat(e.getStatus().getDescription()).isEqualTo(message);
                });
    }
}
