package io.github.qdrantscope.embedded.testing;

import java.net.SocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ClientInterceptors;
import io.grpc.ForwardingClientCall.SimpleForwardingClientCall;
import io.grpc.ForwardingClientCallListener.SimpleForwardingClientCallListener;
import io.grpc.Grpc;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.stub.ClientCalls;
import io.qdrant.client.QdrantClient;
import io.qdrant.client.grpc.QdrantGrpc;
import io.qdrant.client.grpc.QdrantOuterClass.HealthCheckRequest;

/**
 * Where calls really go, for the tests of every module that choose a transport: a client interceptor that
 * records, for each call, its method and the remote address its transport reports when it closes (an
 * {@code InProcessSocketAddress} for gRPC's in-process transport, an {@code InetSocketAddress} over TCP).
 * Shared through this module's test jar.
 */
public final class TransportProbe implements ClientInterceptor {

    private final List<SocketAddress> remotes = new CopyOnWriteArrayList<>();

    private final List<String> methods = new CopyOnWriteArrayList<>();

    /** The remote address of each call that closed, in order. */
    public List<SocketAddress> remotes() {
        return this.remotes;
    }

    /** The bare method name of each call that started, in order. */
    public List<String> methods() {
        return this.methods;
    }

    /** The remote address of a health check sent on {@code client}'s channel. */
    public static SocketAddress remoteOf(QdrantClient client) {
        TransportProbe probe = new TransportProbe();
        Channel channel = ClientInterceptors.intercept(client.grpcClient().channel(), probe);
        ClientCalls.blockingUnaryCall(channel, QdrantGrpc.getHealthCheckMethod(), CallOptions.DEFAULT,
                HealthCheckRequest.getDefaultInstance());
        return probe.remotes.get(0);
    }

    @Override
    public <Q, R> ClientCall<Q, R> interceptCall(MethodDescriptor<Q, R> method, CallOptions options, Channel next) {
        ClientCall<Q, R> call = next.newCall(method, options);
        this.methods.add(method.getBareMethodName());
        return new SimpleForwardingClientCall<>(call) {
            @Override
            public void start(Listener<R> listener, Metadata headers) {
                super.start(new SimpleForwardingClientCallListener<>(listener) {
                    @Override
                    public void onClose(Status status, Metadata trailers) {
                        TransportProbe.this.remotes.add(call.getAttributes().get(Grpc.TRANSPORT_ATTR_REMOTE_ADDR));
                        super.onClose(status, trailers);
                    }
                }, headers);
            }
        };
    }
}
