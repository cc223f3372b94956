package io.github.qdrantscope.core.server;

import java.net.SocketAddress;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ClientInterceptors;
import io.grpc.Grpc;
import io.grpc.ForwardingClientCall.SimpleForwardingClientCall;
import io.grpc.ForwardingClientCallListener.SimpleForwardingClientCallListener;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.stub.ClientCalls;
import io.qdrant.client.QdrantClient;
import io.qdrant.client.grpc.QdrantGrpc;
import io.qdrant.client.grpc.QdrantOuterClass.HealthCheckRequest;

/** Where a client's calls really go: the remote address its transport reports for a health check. */
final class TransportProbe {

    private TransportProbe() {
    }

    /** The remote address of a health check sent on {@code client}'s channel. */
    static SocketAddress remoteOf(QdrantClient client) {
        SocketAddress[] remote = new SocketAddress[1];
        Channel channel = ClientInterceptors.intercept(client.grpcClient().channel(), new ClientInterceptor() {
            @Override
            public <Q, R> ClientCall<Q, R> interceptCall(MethodDescriptor<Q, R> method, CallOptions options,
                    Channel next) {
                ClientCall<Q, R> call = next.newCall(method, options);
                return new SimpleForwardingClientCall<>(call) {
                    @Override
                    public void start(Listener<R> listener, Metadata headers) {
                        super.start(new SimpleForwardingClientCallListener<>(listener) {
                            @Override
                            public void onClose(Status status, Metadata trailers) {
                                remote[0] = call.getAttributes().get(Grpc.TRANSPORT_ATTR_REMOTE_ADDR);
                                super.onClose(status, trailers);
                            }
                        }, headers);
                    }
                };
            }
        });
        ClientCalls.blockingUnaryCall(channel, QdrantGrpc.getHealthCheckMethod(), CallOptions.DEFAULT,
                HealthCheckRequest.getDefaultInstance());
        return remote[0];
    }
}
