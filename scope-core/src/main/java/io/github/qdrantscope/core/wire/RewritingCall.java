package io.github.qdrantscope.core.wire;

import com.google.protobuf.Message;
import io.github.qdrantscope.core.wire.ScopedProjects.Write;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;

/**
 * A unary call whose request is rewritten before anything is sent and whose response is mapped before the
 * application sees it. The real call is only started once the request is known, because the rewrite may send
 * it as another RPC or refuse it: a refused request fails the call with the refusal's status and never
 * reaches the server. (All {@code qdrant.Points} RPCs are unary.)
 */
final class RewritingCall<Q, R> extends ClientCall<Q, R> {

    /** Rewrites one request and maps its response. */
    interface Handler {

        /** The request to send instead; throws {@link ScopeRejection} to refuse it. */
        ScopedRequests.Rewrite rewrite(Message request);

        /** The response the application gets; may throw {@link ScopeRejection}. */
        Message response(Message response, ScopedRequests.Rewrite rewrite);

        /** The write record to complete when the call ends, or {@code null}. */
        Write begin(Message request, ScopedRequests.Rewrite rewrite);

        /** The status the application gets for a call the server failed with {@code status}. */
        default Status failure(Status status) {
            return status;
        }
    }

    private final Channel next;

    private final CallOptions options;

    private final Handler handler;

    private Listener<R> listener;

    private Metadata headers;

    private int requested;

    private Boolean compression;

    private ClientCall<Message, Message> delegate;

    private boolean closed;

    RewritingCall(Channel next, CallOptions options, Handler handler) {
        this.next = next;
        this.options = options;
        this.handler = handler;
    }

    @Override
    public void start(Listener<R> responseListener, Metadata headers) {
        this.listener = responseListener;
        this.headers = headers;
    }

    @Override
    public void request(int numMessages) {
        if (this.delegate != null) {
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
        ScopedRequests.Rewrite rewrite;
        try {
            rewrite = this.handler.rewrite((Message) message);
        }
        catch (ScopeRejection ex) {
            close(ex.status());
            return;
        }
        // anything else (a ContentionException under fail-on-contention) reaches the caller: gRPC cancels the
        // call, which closes it here, and rethrows
        Write write = this.handler.begin((Message) message, rewrite);
        this.delegate = this.next.newCall((MethodDescriptor<Message, Message>) rewrite.method(), this.options);
        this.delegate.start(new MappingListener(rewrite, write), this.headers);
        if (this.compression != null) {
            this.delegate.setMessageCompression(this.compression);
        }
        if (this.requested > 0) {
            this.delegate.request(this.requested);
        }
        this.delegate.sendMessage(rewrite.request());
    }

    @Override
    public void halfClose() {
        if (this.delegate != null) {
            this.delegate.halfClose();
        }
    }

    @Override
    public void cancel(String message, Throwable cause) {
        if (this.delegate != null) {
            this.delegate.cancel(message, cause);
        }
        else if (!this.closed && this.listener != null) {
            close(Status.CANCELLED.withDescription(message).withCause(cause));
        }
    }

    @Override
    public boolean isReady() {
        return this.delegate == null || this.delegate.isReady();
    }

    @Override
    public void setMessageCompression(boolean enabled) {
        if (this.delegate != null) {
            this.delegate.setMessageCompression(enabled);
        }
        else {
            this.compression = enabled;
        }
    }

    private void close(Status status) {
        this.closed = true;
        this.listener.onClose(status, new Metadata());
    }

    private final class MappingListener extends Listener<Message> {

        private final ScopedRequests.Rewrite rewrite;

        private final Write write;

        private Status failure;

        MappingListener(ScopedRequests.Rewrite rewrite, Write write) {
            this.rewrite = rewrite;
            this.write = write;
        }

        @Override
        public void onHeaders(Metadata headers) {
            RewritingCall.this.listener.onHeaders(headers);
        }

        @Override
        @SuppressWarnings("unchecked")
        public void onMessage(Message message) {
            Message mapped;
            try {
                mapped = RewritingCall.this.handler.response(message, this.rewrite);
            }
            catch (ScopeRejection ex) {
                this.failure = ex.status();
                return;
            }
            catch (RuntimeException ex) {
                this.failure = Status.INTERNAL.withDescription("qdrant-scope could not map the response: " + ex)
                    .withCause(ex);
                return;
            }
            RewritingCall.this.listener.onMessage((R) mapped);
        }

        @Override
        public void onClose(Status status, Metadata trailers) {
            if (this.write != null) {
                if (status.isOk()) {
                    this.write.succeeded(this.rewrite.changes());
                }
                else {
                    this.write.failed();
                }
            }
            Status mapped = status.isOk() ? (this.failure != null ? this.failure : status)
                    : RewritingCall.this.handler.failure(status);
            RewritingCall.this.listener.onClose(mapped, trailers);
        }

        @Override
        public void onReady() {
            RewritingCall.this.listener.onReady();
        }
    }
}
