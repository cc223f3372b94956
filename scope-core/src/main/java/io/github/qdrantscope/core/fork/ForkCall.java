package io.github.qdrantscope.core.fork;

import com.google.protobuf.Message;
import io.grpc.Attributes;
import io.grpc.ClientCall;
import io.grpc.Metadata;
import io.grpc.Status;

/**
 * A unary call whose request names are mapped before anything is sent and whose response and error text are
 * mapped back before the application sees them.
 *
 * <p>The real call is created up front (so it captures the caller's gRPC context and deadline) but only
 * started once the request is known: a request refused by the mapping fails with its own status and the
 * server never sees the call, not even its headers. (Every RPC of the services mapped is unary.)
 */
final class ForkCall<Q, R> extends ClientCall<Q, R> {

    private final ClientCall<Q, R> delegate;

    private final ForkCallMapping mapping;

    private Listener<R> listener;

    private Metadata headers;

    private int requested;

    private Boolean compression;

    private boolean started;

    private boolean closed;

    ForkCall(ClientCall<Q, R> delegate, ForkCallMapping mapping) {
        this.delegate = delegate;
        this.mapping = mapping;
    }

    @Override
    public void start(Listener<R> responseListener, Metadata headers) {
        this.listener = responseListener;
        this.headers = headers;
    }

    @Override
    public void request(int numMessages) {
        if (this.started) {
            this.delegate.request(numMessages);
        }
        else {
            this.requested += numMessages;
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public void sendMessage(Q message) {
        if (this.closed) {
            return;
        }
        Q mapped;
        try {
            mapped = (Q) this.mapping.request((Message) message);
        }
        catch (ForkCallMapping.Rejection ex) {
            close(ex.status());
            return;
        }
        catch (RuntimeException ex) {
            close(Status.INTERNAL.withDescription("qdrant-scope could not map the request's collection names: " + ex)
                .withCause(ex));
            return;
        }
        this.started = true;
        this.delegate.start(new MappingListener(), this.headers);
        if (this.compression != null) {
            this.delegate.setMessageCompression(this.compression);
        }
        if (this.requested > 0) {
            this.delegate.request(this.requested);
        }
        this.delegate.sendMessage(mapped);
    }

    @Override
    public void halfClose() {
        if (this.started) {
            this.delegate.halfClose();
        }
    }

    @Override
    public void cancel(String message, Throwable cause) {
        if (this.started) {
            this.delegate.cancel(message, cause);
        }
        else if (!this.closed && this.listener != null) {
            close(Status.CANCELLED.withDescription(message).withCause(cause));
        }
    }

    @Override
    public boolean isReady() {
        return !this.started || this.delegate.isReady();
    }

    @Override
    public void setMessageCompression(boolean enabled) {
        if (this.started) {
            this.delegate.setMessageCompression(enabled);
        }
        else {
            this.compression = enabled;
        }
    }

    @Override
    public Attributes getAttributes() {
        return this.started ? this.delegate.getAttributes() : Attributes.EMPTY;
    }

    private void close(Status status) {
        this.closed = true;
        this.listener.onClose(status, new Metadata());
    }

    private final class MappingListener extends Listener<R> {

        private Status failure;

        @Override
        public void onHeaders(Metadata headers) {
            ForkCall.this.listener.onHeaders(headers);
        }

        @Override
        @SuppressWarnings("unchecked")
        public void onMessage(R message) {
            R mapped;
            try {
                mapped = (R) ForkCall.this.mapping.response((Message) message);
            }
            catch (RuntimeException ex) {
                this.failure = Status.INTERNAL
                    .withDescription("qdrant-scope could not map the response's collection names: " + ex)
                    .withCause(ex);
                return;
            }
            ForkCall.this.listener.onMessage(mapped);
        }

        @Override
        public void onClose(Status status, Metadata trailers) {
            Status mapped = status.isOk() ? (this.failure != null ? this.failure : status)
                    : ForkCall.this.mapping.status(status);
            ForkCall.this.listener.onClose(mapped, trailers);
        }

        @Override
        public void onReady() {
            ForkCall.this.listener.onReady();
        }
    }
}
