package io.github.qdrantscope.benchmarks.wire;

import com.google.protobuf.Message;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * A {@link Channel} with no server behind it: each unary call answers, on the calling thread and as soon as
 * the request is half-closed, with what the answer function of its RPC returns for the request it received
 * (prepared messages, so answering costs next to nothing). It remembers the last request it received, which
 * for a call through the interceptor is the rewritten one.
 *
 * <p>With it the interceptor's own work per call (request rewrite, response mapping, the call wrapper) can
 * be measured through its public API, {@code ClientInterceptors.intercept(channel, interceptor)}, exactly as
 * a client's channel runs it.
 */
final class CannedChannel extends Channel {

    private final Map<String, Function<Message, Message>> answers = new HashMap<>();

    private Message lastRequest;

    /** Answers calls of {@code method} with {@code answer(request)}. */
    <Q extends Message, R extends Message> CannedChannel answer(MethodDescriptor<Q, R> method,
            Function<Q, R> answer) {
        @SuppressWarnings("unchecked")
        Function<Message, Message> untyped = request -> answer.apply((Q) request);
        answers.put(method.getFullMethodName(), untyped);
        return this;
    }

    /** The last request a call received, as it would have been sent to the server. */
    Message lastRequest() {
        return lastRequest;
    }

    @Override
    public <Q, R> ClientCall<Q, R> newCall(MethodDescriptor<Q, R> method, CallOptions callOptions) {
        Function<Message, Message> answer = answers.get(method.getFullMethodName());
        if (answer == null) {
            throw new IllegalArgumentException("no canned answer for " + method.getFullMethodName());
        }
        return new ClientCall<>() {

            private Listener<R> listener;

            private Q request;

            @Override
            public void start(Listener<R> responseListener, Metadata headers) {
                listener = responseListener;
            }

            @Override
            public void request(int numMessages) {
            }

            @Override
            public void cancel(String message, Throwable cause) {
            }

            @Override
            public void sendMessage(Q message) {
                request = message;
            }

            @Override
            @SuppressWarnings("unchecked")
            public void halfClose() {
                lastRequest = (Message) request;
                listener.onMessage((R) answer.apply((Message) request));
                listener.onClose(Status.OK, new Metadata());
            }
        };
    }

    @Override
    public String authority() {
        return "canned";
    }

    /**
     * Runs one unary call on {@code channel} the way the client's stubs do (start, request, send,
     * half-close), synchronously since the canned call answers at once; returns the response.
     *
     * @throws io.grpc.StatusRuntimeException when the call closed with an error (e.g. a request the
     *     interceptor refused)
     */
    static <Q, R> R call(Channel channel, MethodDescriptor<Q, R> method, Q request) {
        ClientCall<Q, R> call = channel.newCall(method, CallOptions.DEFAULT);
        Collector<R> collector = new Collector<>();
        call.start(collector, new Metadata());
        call.request(2);
        call.sendMessage(request);
        call.halfClose();
        if (collector.status == null || !collector.status.isOk() || collector.message == null) {
            Status status = collector.status == null ? Status.INTERNAL.withDescription("call did not close")
                    : collector.status;
            throw status.asRuntimeException();
        }
        return collector.message;
    }

    private static final class Collector<R> extends ClientCall.Listener<R> {

        R message;

        Status status;

        @Override
        public void onMessage(R value) {
            message = value;
        }

        @Override
        public void onClose(Status value, Metadata trailers) {
            status = value;
        }
    }
}
