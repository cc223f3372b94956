package io.github.qdrantscope.core.client;

import com.google.protobuf.Message;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.MethodDescriptor;
import io.qdrant.client.grpc.PointsGrpc;

/**
 * The bottom interceptor of every watched channel: reports {@code qdrant.Points} calls that did not pass a
 * {@link ScopedChannel} to the current {@link UncoveredClients.Observer}. Everything else passes untouched.
 */
final class UncoveredCallInterceptor implements ClientInterceptor {

    private final String site;

    UncoveredCallInterceptor(String site) {
        this.site = site;
    }

    @Override
    public <Q, R> ClientCall<Q, R> interceptCall(MethodDescriptor<Q, R> method, CallOptions callOptions,
            Channel next) {
        if (callOptions.getOption(UncoveredClients.COVERED) || !PointsGrpc.SERVICE_NAME.equals(method.getServiceName())) {
            return next.newCall(method, callOptions);
        }
        UncoveredClients.Observer observer = UncoveredClients.observer();
        if (observer == null) {
            return next.newCall(method, callOptions);
        }
        return new RewritingCall<>(method, next, callOptions, new Observed(observer, method.getBareMethodName()));
    }

    private final class Observed implements RewritingCall.Handler {

        private final UncoveredClients.Observer observer;

        private final String rpc;

        Observed(UncoveredClients.Observer observer, String rpc) {
            this.observer = observer;
            this.rpc = rpc;
        }

        @Override
        public RewritingCall.Rewrite rewrite(MethodDescriptor<?, ?> method, Message request) {
            this.observer.call(UncoveredCallInterceptor.this.site, this.rpc, request);
            return new RewritingCall.Rewrite(method, request);
        }
    }
}
