package io.github.qdrantscope.core.client;

import io.grpc.ClientCall;
import io.grpc.Metadata;
import io.grpc.Status;

/**
 * A call that fails with a status as soon as it starts, without sending anything: what an interceptor returns
 * for a call it refuses before the server could see it (a namespace whose lease was lost, a server known to be
 * gone).
 */
public final class RefusedCall<Q, R> extends ClientCall<Q, R> {

    private final Status status;

    /** @param status the status the call closes with */
    public RefusedCall(Status status) {
        this.status = status;
    }

    @Override
    public void start(Listener<R> listener, Metadata headers) {
        listener.onClose(this.status, new Metadata());
    }

    @Override
    public void request(int numMessages) {
    }

    @Override
    public void cancel(String message, Throwable cause) {
    }

    @Override
    public void halfClose() {
    }

    @Override
    public void sendMessage(Q message) {
    }
}
