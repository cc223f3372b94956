package io.github.qdrantscope.core.client;

import com.google.protobuf.Message;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;

/**
 * A unary call whose request is rewritten before anything is sent and whose response and final status are mapped
 * before the application sees them: the one mechanism under qdrant-scope's interceptors (project scope, fork
 * collection names).
 *
 * <p>The real call is only started once the request is known, because the rewrite may send it as another RPC or
 * refuse it: a refused request ({@link CallRejection}) fails the call with the refusal's status and the server
 * never sees it, not even its headers. Any other exception a handler throws reaches the caller (gRPC cancels the
 * call, which closes it here, and rethrows): under {@code fail-on-contention} that is the
 * {@code ContentionException}. (Every RPC of Qdrant 1.17's services is unary.)
 */
public final class RewritingCall<Q, R> extends ClientCall<Q, R> {

    /** Rewrites one call; a new handler per call, so it may keep what it needs between its methods. */
    public interface Handler {

        /** The method to send and the request to send with it; throws {@link CallRejection} to refuse it. */
        Rewrite rewrite(MethodDescriptor<?, ?> method, Message request);

        /** The response the application gets; may throw {@link CallRejection}. The response as it came by default. */
        default Message response(Message response) {
            return response;
        }

        /** The status the application gets when the sent call closes with {@code status}; that one by default. */
        default Status closed(Status status) {
            return status;
        }
    }

    /**
     * What to send instead.
     *
     * @param method the RPC (the original one, or another with the same response type)
     * @param request the request
     */
    public record Rewrite(MethodDescriptor<?, ?> method, Message request) {
    }

    private final MethodDescriptor<Q, R> method;

    private final Channel next;

    private final CallOptions options;

    private final Handler handler;

    private Listener<R> listener;

    private Metadata headers;

    private int requested;

    private Boolean compression;

    private ClientCall<Message, Message> delegate;

    private boolean closed;

    /**
     * @param method the RPC the application called
     * @param next where the rewritten call goes
     * @param options the call's options
     * @param handler this call's handler
     */
    public RewritingCall(MethodDescriptor<Q, R> method, Channel next, CallOptions options, Handler handler) {
        this.method = method;
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
        Rewrite rewrite;
        try {
            rewrite = this.handler.rewrite(this.method, (Message) message);
        }
        catch (CallRejection ex) {
            close(ex.status());
            return;
        }
        this.delegate = this.next.newCall((MethodDescriptor<Message, Message>) rewrite.method(), this.options);
        this.delegate.start(new MappingListener(), this.headers);
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

        private Status failure;

        @Override
        public void onHeaders(Metadata headers) {
            RewritingCall.this.listener.onHeaders(headers);
        }

        @Override
        @SuppressWarnings("unchecked")
        public void onMessage(Message message) {
            Message mapped;
            try {
                mapped = RewritingCall.this.handler.response(message);
            }
            catch (CallRejection ex) {
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
            Status closedWith = RewritingCall.this.handler.closed(status);
            RewritingCall.this.listener.onClose(closedWith.isOk() && this.failure != null ? this.failure : closedWith,
                    trailers);
        }

        @Override
        public void onReady() {
            RewritingCall.this.listener.onReady();
        }
    }
}
