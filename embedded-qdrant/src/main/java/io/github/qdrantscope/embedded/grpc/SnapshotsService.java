package io.github.qdrantscope.embedded.grpc;

import io.github.qdrantscope.embedded.snapshot.SnapshotStore;
import io.github.qdrantscope.embedded.storage.CollectionCatalog;
import io.github.qdrantscope.embedded.storage.CollectionDefinition;
import io.github.qdrantscope.embedded.storage.StoredCollection;
import io.grpc.stub.StreamObserver;
import io.qdrant.client.grpc.SnapshotsGrpc;
import io.qdrant.client.grpc.SnapshotsService.CreateFullSnapshotRequest;
import io.qdrant.client.grpc.SnapshotsService.CreateSnapshotRequest;
import io.qdrant.client.grpc.SnapshotsService.CreateSnapshotResponse;
import io.qdrant.client.grpc.SnapshotsService.DeleteFullSnapshotRequest;
import io.qdrant.client.grpc.SnapshotsService.DeleteSnapshotRequest;
import io.qdrant.client.grpc.SnapshotsService.DeleteSnapshotResponse;
import io.qdrant.client.grpc.SnapshotsService.ListFullSnapshotsRequest;
import io.qdrant.client.grpc.SnapshotsService.ListSnapshotsRequest;
import io.qdrant.client.grpc.SnapshotsService.ListSnapshotsResponse;

/**
 * {@code qdrant.Snapshots} over a {@link SnapshotStore}, mapped as Qdrant's
 * {@code src/tonic/api/snapshots_api.rs} maps it: the collection is looked up first (aliases resolve;
 * a missing one is "Collection `x` doesn't exist!"), then the snapshot.
 */
public final class SnapshotsService extends SnapshotsGrpc.SnapshotsImplBase {

    private final CollectionCatalog catalog;
    private final SnapshotStore store;

    public SnapshotsService(CollectionCatalog catalog, SnapshotStore store) {
        this.catalog = catalog;
        this.store = store;
    }

    @Override
    public void create(CreateSnapshotRequest request, StreamObserver<CreateSnapshotResponse> observer) {
        Rpc.respond(observer, clock -> CreateSnapshotResponse.newBuilder()
                .setSnapshotDescription(store.createCollectionSnapshot(lookup(request.getCollectionName())))
                .setTime(clock.seconds()).build());
    }

    @Override
    public void list(ListSnapshotsRequest request, StreamObserver<ListSnapshotsResponse> observer) {
        Rpc.respond(observer, clock -> ListSnapshotsResponse.newBuilder()
                .addAllSnapshotDescriptions(store.list(lookup(request.getCollectionName())))
                .setTime(clock.seconds()).build());
    }

    @Override
    public void delete(DeleteSnapshotRequest request, StreamObserver<DeleteSnapshotResponse> observer) {
        Rpc.respond(observer, clock -> {
            store.delete(lookup(request.getCollectionName()), request.getSnapshotName());
            return DeleteSnapshotResponse.newBuilder().setTime(clock.seconds()).build();
        });
    }

    @Override
    public void createFull(CreateFullSnapshotRequest request, StreamObserver<CreateSnapshotResponse> observer) {
        Rpc.respond(observer, clock -> CreateSnapshotResponse.newBuilder()
                .setSnapshotDescription(store.createFull(catalog)).setTime(clock.seconds()).build());
    }

    @Override
    public void listFull(ListFullSnapshotsRequest request, StreamObserver<ListSnapshotsResponse> observer) {
        Rpc.respond(observer, clock -> ListSnapshotsResponse.newBuilder()
                .addAllSnapshotDescriptions(store.listFull()).setTime(clock.seconds()).build());
    }

    @Override
    public void deleteFull(DeleteFullSnapshotRequest request, StreamObserver<DeleteSnapshotResponse> observer) {
        Rpc.respond(observer, clock -> {
            store.deleteFull(request.getSnapshotName());
            return DeleteSnapshotResponse.newBuilder().setTime(clock.seconds()).build();
        });
    }

    private StoredCollection lookup(String name) {
        CollectionDefinition.checkNameLength(name);
        return catalog.get(name);
    }
}
