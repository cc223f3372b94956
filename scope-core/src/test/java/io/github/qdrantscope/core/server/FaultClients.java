package io.github.qdrantscope.core.server;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.qdrantscope.core.UnscopedPolicy;
import io.github.qdrantscope.core.metrics.NoOpScopeMetrics;
import io.github.qdrantscope.core.wire.ProjectScopeInterceptor;
import io.github.qdrantscope.core.wire.ScopedProjects;
import io.github.qdrantscope.core.wire.UnscopedAccessGuard;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.qdrant.client.QdrantClient;
import io.qdrant.client.QdrantGrpcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Official clients whose channels carry a {@link ProjectScopeInterceptor} with a given {@link ServerWatch}, and
 * under it an interceptor counting the calls that get past the watch towards the server.
 */
final class FaultClients implements AutoCloseable {

    /** Calls that got past the watch. */
    final AtomicInteger sent = new AtomicInteger();

    private final List<QdrantClient> clients = new ArrayList<>();

    /** A client of {@code host:port} instrumented as the starter instruments one. */
    QdrantClient instrumented(String host, int port, ServerWatch watch) {
        ProjectScopeInterceptor scope = new ProjectScopeInterceptor(new ScopedProjects(),
                new UnscopedAccessGuard(UnscopedPolicy.ALLOW, () -> NoOpScopeMetrics.INSTANCE), collection -> true,
                () -> NoOpScopeMetrics.INSTANCE, watch);
        ClientInterceptor counting = new ClientInterceptor() {
            @Override
            public <Q, R> ClientCall<Q, R> interceptCall(MethodDescriptor<Q, R> method, CallOptions options,
                    Channel next) {
                FaultClients.this.sent.incrementAndGet();
                return next.newCall(method, options);
            }
        };
        // the last added runs first: the scope interceptor (and its watch), then the counter
        ManagedChannel channel = ManagedChannelBuilder.forAddress(host, port).usePlaintext()
            .intercept(counting, scope).build();
        return track(new QdrantClient(QdrantGrpcClient.newBuilder(channel, true, false).build()));
    }

    /** A plain client, as a new context would build one. */
    QdrantClient plain(String host, int port) {
        return track(new QdrantClient(QdrantGrpcClient.newBuilder(host, port, false, false).build()));
    }

    private QdrantClient track(QdrantClient client) {
        this.clients.add(client);
        return client;
    }

    /** The status a call failed with (it must fail). */
    static StatusRuntimeException failure(Future<?> call) {
        ExecutionException failed = assertThrows(ExecutionException.class, () -> call.get(30, TimeUnit.SECONDS));
        assertThat(failed.getCause()).isInstanceOf(StatusRuntimeException.class);
        return (StatusRuntimeException) failed.getCause();
    }

    /** The gone-cause of a call that was refused because its server is gone. */
    static QdrantServerGoneException refused(Future<?> call) {
        StatusRuntimeException status = failure(call);
        assertThat(status.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE);
        assertThat(status.getCause()).isInstanceOf(QdrantServerGoneException.class);
        return (QdrantServerGoneException) status.getCause();
    }

    @Override
    public void close() {
        this.clients.forEach(QdrantClient::close);
    }
}
