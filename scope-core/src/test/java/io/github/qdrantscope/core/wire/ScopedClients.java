package io.github.qdrantscope.core.wire;

import io.github.qdrantscope.core.metrics.ContentionRecorder;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import io.github.qdrantscope.core.ProjectNames;
import io.github.qdrantscope.core.ProjectScope;
import io.github.qdrantscope.core.ScopedProject;
import io.github.qdrantscope.core.UnscopedPolicy;
import io.github.qdrantscope.core.metrics.ScopeMetrics;
import io.github.qdrantscope.embedded.EmbeddedQdrant;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.qdrant.client.QdrantClient;
import io.qdrant.client.QdrantGrpcClient;
import io.qdrant.client.grpc.Collections.Distance;
import io.qdrant.client.grpc.Collections.VectorParams;

/** An embedded server and official clients whose channels carry a {@link ProjectScopeInterceptor}. */
final class ScopedClients implements AutoCloseable {

    final EmbeddedQdrant server = EmbeddedQdrant.builder().port(0).start();

    final ScopedProjects projects = new ScopedProjects();

    final List<String> contention = new ArrayList<>();

    private final List<QdrantClient> clients = new ArrayList<>();

    /** A client scoped by the interceptor, unscoped calls guarded on every collection under {@code policy}. */
    QdrantClient scoped(UnscopedPolicy policy) {
        return scoped(policy, collection -> true);
    }

    QdrantClient scoped(UnscopedPolicy policy, Predicate<String> guarded) {
        return scoped(policy, guarded, this.projects);
    }

    /** A scoped client with a registry of its own, as another JVM's: it knows nothing of the others' writes. */
    QdrantClient scopedElsewhere() {
        return scoped(UnscopedPolicy.ALLOW, collection -> true, new ScopedProjects());
    }

    private QdrantClient scoped(UnscopedPolicy policy, Predicate<String> guarded, ScopedProjects registry) {
        ScopeMetrics metrics = new ContentionRecorder((kind, project, collection) -> {
            synchronized (this.contention) {
                this.contention.add(kind.tag() + " " + collection);
            }
        });
        ProjectScopeInterceptor interceptor = new ProjectScopeInterceptor(registry,
                new UnscopedAccessGuard(policy, () -> metrics), guarded);
        ManagedChannel channel = ManagedChannelBuilder.forAddress(this.server.host(), this.server.grpcPort())
            .usePlaintext()
            .intercept(interceptor)
            .build();
        return track(new QdrantClient(QdrantGrpcClient.newBuilder(channel, true, false).build()));
    }

    /** A client without the interceptor: what is really stored. */
    QdrantClient raw() {
        return track(new QdrantClient(QdrantGrpcClient.newBuilder(this.server.host(), this.server.grpcPort(), false,
                false).build()));
    }

    private QdrantClient track(QdrantClient client) {
        this.clients.add(client);
        return client;
    }

    static ProjectScope project(String prefix) {
        return new ProjectScope(ProjectNames.newName(prefix), ScopedProject.DEFAULT_KEY);
    }

    static void createCollection(QdrantClient client, String name, int size, Distance distance) throws Exception {
        get(client.createCollectionAsync(name, VectorParams.newBuilder().setSize(size).setDistance(distance).build()));
    }

    static <T> T get(com.google.common.util.concurrent.ListenableFuture<T> future) throws Exception {
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

    @Override
    public void close() {
        this.clients.forEach(QdrantClient::close);
        this.server.close();
    }
}
