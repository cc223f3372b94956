package io.github.qdrantscope.core.fork;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import com.google.common.util.concurrent.ListenableFuture;
import com.google.protobuf.Message;
import io.github.qdrantscope.embedded.EmbeddedQdrant;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ForwardingClientCall;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.MethodDescriptor;
import io.grpc.StatusRuntimeException;
import io.qdrant.client.QdrantClient;
import io.qdrant.client.QdrantGrpcClient;
import io.qdrant.client.grpc.Collections.Distance;
import io.qdrant.client.grpc.Collections.VectorParams;

/**
 * An embedded server shared by "forks" (clients whose channel carries a {@link ForkCollectionsInterceptor}) and
 * a plain client that sees the server's real names; plus a second, untouched server that says what a Qdrant of
 * the application's own would answer.
 */
final class ForkClients implements AutoCloseable {

    final EmbeddedQdrant server = EmbeddedQdrant.builder().port(0).start();

    private EmbeddedQdrant fresh;

    private final List<QdrantClient> clients = new ArrayList<>();

    /** A client of fork {@code namespace}. */
    QdrantClient fork(String namespace) {
        return fork(namespace, null);
    }

    /** A client of fork {@code namespace} whose mapped requests (what goes on the wire) are added to {@code wire}. */
    QdrantClient fork(String namespace, List<Message> wire) {
        ManagedChannelBuilder<?> channel = ManagedChannelBuilder
            .forAddress(this.server.host(), this.server.grpcPort())
            .usePlaintext();
        // the interceptor added last runs first: the recorder below the fork interceptor sees what is sent
        if (wire != null) {
            channel.intercept(recorder(wire));
        }
        channel.intercept(new ForkCollectionsInterceptor(namespace));
        return client(channel.build());
    }

    /** A client without the interceptor: the server's real names. */
    QdrantClient plain() {
        return track(new QdrantClient(QdrantGrpcClient.newBuilder(this.server.host(), this.server.grpcPort(), false,
                false).build()));
    }

    /** A client of a server no fork ever used: what Qdrant answers an application that has it to itself. */
    synchronized QdrantClient fresh() {
        if (this.fresh == null) {
            this.fresh = EmbeddedQdrant.builder().port(0).start();
        }
        return track(new QdrantClient(QdrantGrpcClient.newBuilder(this.fresh.host(), this.fresh.grpcPort(), false,
                false).build()));
    }

    QdrantClient client(ManagedChannel channel) {
        return track(new QdrantClient(QdrantGrpcClient.newBuilder(channel, true, false).build()));
    }

    private QdrantClient track(QdrantClient client) {
        synchronized (this.clients) {
            this.clients.add(client);
        }
        return client;
    }

    /** An interceptor that records every request message sent through it. */
    static ClientInterceptor recorder(List<Message> sent) {
        return new ClientInterceptor() {
            @Override
            public <Q, R> ClientCall<Q, R> interceptCall(MethodDescriptor<Q, R> method, CallOptions options,
                    Channel next) {
                return new ForwardingClientCall.SimpleForwardingClientCall<>(next.newCall(method, options)) {
                    @Override
                    public void sendMessage(Q message) {
                        sent.add((Message) message);
                        super.sendMessage(message);
                    }
                };
            }
        };
    }

    static List<Message> wire() {
        return new CopyOnWriteArrayList<>();
    }

    static void createCollection(QdrantClient client, String name, int size) throws Exception {
        get(client.createCollectionAsync(name,
                VectorParams.newBuilder().setSize(size).setDistance(Distance.Dot).build()));
    }

    static <T> T get(ListenableFuture<T> future) throws Exception {
        try {
            return future.get(30, TimeUnit.SECONDS);
        }
        catch (ExecutionException ex) {
            if (ex.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw ex;
        }
    }

    /** The gRPC error {@code future} fails with (fails the test when it succeeds). */
    static StatusRuntimeException error(ListenableFuture<?> future) throws Exception {
        try {
            Object result = get(future);
            throw new AssertionError("expected an error, got " + result);
        }
        catch (StatusRuntimeException ex) {
            return ex;
        }
    }

    @Override
    public void close() {
        synchronized (this.clients) {
            this.clients.forEach(QdrantClient::close);
        }
        this.server.close();
        if (this.fresh != null) {
            this.fresh.close();
        }
    }
}
