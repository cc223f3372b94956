package io.github.qdrantscope.core.fork;

import static io.github.qdrantscope.core.fork.ForkClients.error;
import static io.github.qdrantscope.core.fork.ForkClients.get;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.grpc.ManagedChannelBuilder;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import io.qdrant.client.QdrantClient;
import io.qdrant.client.grpc.SnapshotsGrpc;
import io.qdrant.client.grpc.SnapshotsService.CreateSnapshotRequest;
import io.qdrant.client.grpc.SnapshotsService.CreateSnapshotResponse;
import io.qdrant.client.grpc.SnapshotsService.DeleteSnapshotRequest;
import io.qdrant.client.grpc.SnapshotsService.DeleteSnapshotResponse;
import io.qdrant.client.grpc.SnapshotsService.ListSnapshotsRequest;
import io.qdrant.client.grpc.SnapshotsService.ListSnapshotsResponse;
import io.qdrant.client.grpc.SnapshotsService.SnapshotDescription;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code qdrant.Snapshots} against a stand-in that names
 * snapshots as Qdrant does ({@code <collection>-<peer>-<time>.snapshot}) and records what it was asked.
 */
class ForkSnapshotsTest {

    private static final String A = "qdrant_scope_local-a683f017_f1";

    private static final String B = "qdrant_scope_local-a683f017_f2";

    private static final String SUFFIX = "-7-2026-01-02-03-04-05.snapshot";

    private final FakeSnapshots snapshots = new FakeSnapshots();

    private Server server;

    private ForkClients clients;

    @BeforeEach
    void start() throws IOException {
        this.server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
            .addService(this.snapshots)
            .build()
            .start();
        this.clients = new ForkClients();
    }

    @AfterEach
    void stop() throws InterruptedException {
        this.clients.close();
        this.server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }

    private QdrantClient client(String namespace) {
        ManagedChannelBuilder<?> channel = ManagedChannelBuilder.forAddress("127.0.0.1", this.server.getPort())
            .usePlaintext();
        if (namespace != null) {
            channel.intercept(new ForkCollectionsInterceptor(namespace));
        }
        return this.clients.client(channel.build());
    }

    @Test
    void snapshotsAreTakenListedAndDeletedUnderTheApplicationsCollectionName() throws Exception {
        QdrantClient forkA = client(A);
        QdrantClient forkB = client(B);

        SnapshotDescription created = get(forkA.createSnapshotAsync("documents"));
        assertThat(created.getName()).isEqualTo("documents" + SUFFIX);
        assertThat(this.snapshots.byCollection).containsOnlyKeys(A + "__documents");

        assertThat(get(forkA.listSnapshotAsync("documents"))).extracting(SnapshotDescription::getName)
            .containsExactly("documents" + SUFFIX);
        assertThat(get(forkB.listSnapshotAsync("documents"))).isEmpty();
        assertThat(get(client(null).listSnapshotAsync(A + "__documents"))).extracting(SnapshotDescription::getName)
            .containsExactly(A + "__documents" + SUFFIX);

        get(forkA.deleteSnapshotAsync("documents", "documents" + SUFFIX));
        assertThat(this.snapshots.byCollection.get(A + "__documents")).isEmpty();

        StatusRuntimeException missing = error(forkA.deleteSnapshotAsync("documents", "documents" + SUFFIX));
        assertThat(missing.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
        assertThat(missing.getStatus().getDescription())
            .isEqualTo("Not found: Snapshot documents" + SUFFIX + " of collection `documents` not found");
    }

    @Test
    void snapshotsOfTheBoundCollectionKeepTheirNames() throws Exception {
        QdrantClient forkA = client(A);

        assertThat(get(forkA.createSnapshotAsync(A)).getName()).isEqualTo(A + SUFFIX);
        assertThat(get(forkA.listSnapshotAsync(A))).extracting(SnapshotDescription::getName)
            .containsExactly(A + SUFFIX);
        get(forkA.deleteSnapshotAsync(A, A + SUFFIX));
        assertThat(this.snapshots.byCollection.get(A)).isEmpty();
    }

    /** Snapshots by collection, named {@code <collection>-7-<fixed time>.snapshot}. */
    private static final class FakeSnapshots extends SnapshotsGrpc.SnapshotsImplBase {

        final Map<String, List<String>> byCollection = new ConcurrentHashMap<>();

        @Override
        public void create(CreateSnapshotRequest request, StreamObserver<CreateSnapshotResponse> observer) {
            String name = request.getCollectionName() + SUFFIX;
            this.byCollection.computeIfAbsent(request.getCollectionName(), c -> new ArrayList<>()).add(name);
            observer.onNext(CreateSnapshotResponse.newBuilder()
                .setSnapshotDescription(SnapshotDescription.newBuilder().setName(name).setSize(1))
                .build());
            observer.onCompleted();
        }

        @Override
        public void list(ListSnapshotsRequest request, StreamObserver<ListSnapshotsResponse> observer) {
            ListSnapshotsResponse.Builder response = ListSnapshotsResponse.newBuilder();
            this.byCollection.getOrDefault(request.getCollectionName(), List.of())
                .forEach(name -> response.addSnapshotDescriptions(SnapshotDescription.newBuilder().setName(name)));
            observer.onNext(response.build());
            observer.onCompleted();
        }

        @Override
        public void delete(DeleteSnapshotRequest request, StreamObserver<DeleteSnapshotResponse> observer) {
            List<String> names = this.byCollection.getOrDefault(request.getCollectionName(), new ArrayList<>());
            if (!names.remove(request.getSnapshotName())) {
                observer.onError(Status.NOT_FOUND.withDescription("Not found: Snapshot " + request.getSnapshotName()
                        + " of collection `" + request.getCollectionName() + "` not found").asRuntimeException());
                return;
            }
            observer.onNext(DeleteSnapshotResponse.getDefaultInstance());
            observer.onCompleted();
        }
    }
}
