package io.github.qdrantscope.embedded.grpc;

import static io.github.qdrantscope.embedded.grpc.BatchOperations.selector;

import io.github.qdrantscope.embedded.inference.QueryInference;
import io.github.qdrantscope.embedded.inference.WriteInference;
import io.github.qdrantscope.embedded.search.PointsQueryEngine;
import io.github.qdrantscope.embedded.storage.CollectionCatalog;
import io.github.qdrantscope.embedded.storage.CollectionDefinition;
import io.github.qdrantscope.embedded.storage.FieldIndexes;
import io.github.qdrantscope.embedded.storage.PointWrites;
import io.github.qdrantscope.embedded.storage.QdrantErrors;
import io.github.qdrantscope.embedded.storage.StoredCollection;
import io.github.qdrantscope.embedded.storage.StoredCollection.MutableCollection;
import com.google.protobuf.Message;
import io.grpc.stub.StreamObserver;
import io.qdrant.client.grpc.Points.ShardKeySelector;
import io.qdrant.client.grpc.Points;
import io.qdrant.client.grpc.Points.ClearPayloadPoints;
import io.qdrant.client.grpc.Points.CreateFieldIndexCollection;
import io.qdrant.client.grpc.Points.DeleteFieldIndexCollection;
import io.qdrant.client.grpc.Points.DeletePayloadPoints;
import io.qdrant.client.grpc.Points.DeletePointVectors;
import io.qdrant.client.grpc.Points.DeletePoints;
import io.qdrant.client.grpc.Points.GetPoints;
import io.qdrant.client.grpc.Points.GetResponse;
import io.qdrant.client.grpc.Points.PointsOperationResponse;
import io.qdrant.client.grpc.Points.PointsUpdateOperation;
import io.qdrant.client.grpc.Points.SetPayloadPoints;
import io.qdrant.client.grpc.Points.UpdateBatchPoints;
import io.qdrant.client.grpc.Points.UpdateBatchResponse;
import io.qdrant.client.grpc.Points.UpdatePointVectors;
import io.qdrant.client.grpc.Points.UpdateResult;
import io.qdrant.client.grpc.Points.UpdateStatus;
import io.qdrant.client.grpc.Points.UpsertPoints;
import io.qdrant.client.grpc.PointsGrpc;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * {@code qdrant.Points}: writes and Get are done here under the collection's write/read lock; every
 * other read-only RPC is handed to {@link PointsQueryEngine} under the read lock.
 */
public final class PointsService extends PointsGrpc.PointsImplBase {

    private final CollectionCatalog catalog;
    private final PointsQueryEngine engine;
    private final BatchReads batchReads;
    private final SingleReads reads;

    public PointsService(CollectionCatalog catalog, PointsQueryEngine engine) {
        this.catalog = catalog;
        this.engine = engine;
        this.batchReads = new BatchReads(catalog, engine);
        this.reads = new SingleReads(catalog);
    }

    // ---- writes ----

    @Override
    public void upsert(UpsertPoints request, StreamObserver<PointsOperationResponse> observer) {
        write(observer, request, request.getCollectionName(), request.hasWait() && request.getWait(),
                () -> WriteInference.upsert(request),
                (writes, inferred) -> writes.upsert(inferred.getPointsList(),
                        request.hasUpdateFilter() ? request.getUpdateFilter() : null, request.getUpdateMode()));
    }

    @Override
    public void delete(DeletePoints request, StreamObserver<PointsOperationResponse> observer) {
        write(observer, request, request.getCollectionName(), request.hasWait() && request.getWait(),
                writes -> writes.deletePoints(selector(request.hasPoints(), request.getPoints())));
    }

    @Override
    public void updateVectors(UpdatePointVectors request, StreamObserver<PointsOperationResponse> observer) {
        write(observer, request, request.getCollectionName(), request.hasWait() && request.getWait(),
                () -> WriteInference.updateVectors(request),
                (writes, inferred) -> writes.updateVectors(inferred.getPointsList(),
                        request.hasUpdateFilter() ? request.getUpdateFilter() : null));
    }

    @Override
    public void deleteVectors(DeletePointVectors request, StreamObserver<PointsOperationResponse> observer) {
        write(observer, request, request.getCollectionName(), request.hasWait() && request.getWait(),
                writes -> writes.deleteVectors(selector(request.hasPointsSelector(), request.getPointsSelector()),
                        request.getVectors().getNamesList()));
    }

    @Override
    public void setPayload(SetPayloadPoints request, StreamObserver<PointsOperationResponse> observer) {
        write(observer, request, request.getCollectionName(), request.hasWait() && request.getWait(),
                writes -> writes.setPayload(selector(request.hasPointsSelector(), request.getPointsSelector()),
                        request.getPayloadMap(), request.hasKey() ? request.getKey() : null));
    }

    @Override
    public void overwritePayload(SetPayloadPoints request, StreamObserver<PointsOperationResponse> observer) {
        write(observer, request, request.getCollectionName(), request.hasWait() && request.getWait(),
                writes -> writes.overwritePayload(selector(request.hasPointsSelector(), request.getPointsSelector()),
                        request.getPayloadMap(), request.hasKey() ? request.getKey() : null));
    }

    @Override
    public void deletePayload(DeletePayloadPoints request, StreamObserver<PointsOperationResponse> observer) {
        write(observer, request, request.getCollectionName(), request.hasWait() && request.getWait(),
                writes -> writes.deletePayload(selector(request.hasPointsSelector(), request.getPointsSelector()),
                        request.getKeysList()));
    }

    @Override
    public void clearPayload(ClearPayloadPoints request, StreamObserver<PointsOperationResponse> observer) {
        write(observer, request, request.getCollectionName(), request.hasWait() && request.getWait(),
                writes -> writes.clearPayload(selector(request.hasPoints(), request.getPoints())));
    }

    @Override
    public void updateBatch(UpdateBatchPoints request, StreamObserver<UpdateBatchResponse> observer) {
        Rpc.respond(observer, clock -> {
            StoredCollection collection = lookup(request.getCollectionName());
            UpdateStatus status = status(request.hasWait() && request.getWait());
            // In order; like Qdrant, operations before a failing one stay applied. Each goes to the shards its
            // own shard_key_selector names.
            List<UpdateResult> results = new ArrayList<>();
            for (PointsUpdateOperation requested : request.getOperationsList()) {
                // inferred one operation at a time, as Qdrant converts each when it comes to it
                PointsUpdateOperation operation = WriteInference.batchOperation(requested);
                long operationId = ShardRouting.write(collection, BatchOperations.selectorOf(operation), mutable -> {
                    BatchOperations.apply(new PointWrites(mutable), operation);
                    return mutable.nextOperationId();
                });
                results.add(UpdateResult.newBuilder().setOperationId(operationId).setStatus(status).build());
            }
            return UpdateBatchResponse.newBuilder().addAllResult(results).setTime(clock.seconds()).build();
        });
    }

    @Override
    public void createFieldIndex(CreateFieldIndexCollection request, StreamObserver<PointsOperationResponse> observer) {
        mutate(observer, request.getCollectionName(), request.hasWait() && request.getWait(), mutable -> {
            if (request.getFieldName().isEmpty()) {
                throw QdrantErrors.validation("field_name: value \"\" invalid, must be at least 1 characters");
            }
            mutable.putIndex(request.getFieldName(), FieldIndexes.schemaInfo(request));
        });
    }

    @Override
    public void deleteFieldIndex(DeleteFieldIndexCollection request, StreamObserver<PointsOperationResponse> observer) {
        mutate(observer, request.getCollectionName(), request.hasWait() && request.getWait(), mutable -> {
            if (request.getFieldName().isEmpty()) {
                throw QdrantErrors.validation("field_name: value \"\" invalid, must be at least 1 characters");
            }
            mutable.removeIndex(request.getFieldName());
        });
    }

    // ---- reads ----

    @Override
    public void get(GetPoints request, StreamObserver<GetResponse> observer) {
        reads.read(observer, request.getCollectionName(), request, engine::get);
    }

    @Override
    public void search(Points.SearchPoints request, StreamObserver<Points.SearchResponse> observer) {
        reads.read(observer, request.getCollectionName(), request, engine::search);
    }

    @Override
    public void searchBatch(Points.SearchBatchPoints request, StreamObserver<Points.SearchBatchResponse> observer) {
        batchReads.respond(observer, request.getCollectionName(), request,
                (results, time) -> Points.SearchBatchResponse.newBuilder().addAllResult(results).setTime(time).build());
    }

    @Override
    public void searchGroups(Points.SearchPointGroups request, StreamObserver<Points.SearchGroupsResponse> observer) {
        reads.readGroups(observer, request.getCollectionName(), request, engine::searchGroups,
                request.hasWithLookup() ? request.getWithLookup() : null);
    }

    @Override
    public void scroll(Points.ScrollPoints request, StreamObserver<Points.ScrollResponse> observer) {
        reads.read(observer, request.getCollectionName(), request, engine::scroll);
    }

    @Override
    public void count(Points.CountPoints request, StreamObserver<Points.CountResponse> observer) {
        Rpc.respond(observer, clock -> ShardRouting.count(lookup(request.getCollectionName()), request, engine)
                .toBuilder().setTime(clock.seconds()).build());
    }

    @Override
    public void recommend(Points.RecommendPoints request, StreamObserver<Points.RecommendResponse> observer) {
        reads.read(observer, request.getCollectionName(), request, engine::recommend);
    }

    @Override
    public void recommendBatch(Points.RecommendBatchPoints request,
            StreamObserver<Points.RecommendBatchResponse> observer) {
        batchReads.respond(observer, request.getCollectionName(), request,
                (results, time) -> Points.RecommendBatchResponse.newBuilder().addAllResult(results).setTime(time).build());
    }

    @Override
    public void recommendGroups(Points.RecommendPointGroups request,
            StreamObserver<Points.RecommendGroupsResponse> observer) {
        reads.readGroups(observer, request.getCollectionName(), request, engine::recommendGroups,
                request.hasWithLookup() ? request.getWithLookup() : null);
    }

    @Override
    public void discover(Points.DiscoverPoints request, StreamObserver<Points.DiscoverResponse> observer) {
        reads.read(observer, request.getCollectionName(), request, engine::discover);
    }

    @Override
    public void discoverBatch(Points.DiscoverBatchPoints request, StreamObserver<Points.DiscoverBatchResponse> observer) {
        batchReads.respond(observer, request.getCollectionName(), request,
                (results, time) -> Points.DiscoverBatchResponse.newBuilder().addAllResult(results).setTime(time).build());
    }

    @Override
    public void query(Points.QueryPoints request, StreamObserver<Points.QueryResponse> observer) {
        reads.readResolved(observer, request.getCollectionName(), () -> QueryInference.query(request), engine::query);
    }

    @Override
    public void queryBatch(Points.QueryBatchPoints request, StreamObserver<Points.QueryBatchResponse> observer) {
        batchReads.respond(observer, request.getCollectionName(), () -> QueryInference.queryBatch(request),
                (results, time) -> Points.QueryBatchResponse.newBuilder().addAllResult(results).setTime(time).build());
    }

    @Override
    public void queryGroups(Points.QueryPointGroups request, StreamObserver<Points.QueryGroupsResponse> observer) {
        reads.readGroupsResolved(observer, request.getCollectionName(), () -> QueryInference.queryGroups(request),
                engine::queryGroups,
                request.hasWithLookup() ? request.getWithLookup() : null);
    }

    @Override
    public void facet(Points.FacetCounts request, StreamObserver<Points.FacetResponse> observer) {
        reads.read(observer, request.getCollectionName(), request, engine::facet);
    }

    @Override
    public void searchMatrixPairs(Points.SearchMatrixPoints request,
            StreamObserver<Points.SearchMatrixPairsResponse> observer) {
        reads.read(observer, request.getCollectionName(), request, engine::searchMatrixPairs);
    }

    @Override
    public void searchMatrixOffsets(Points.SearchMatrixPoints request,
            StreamObserver<Points.SearchMatrixOffsetsResponse> observer) {
        reads.read(observer, request.getCollectionName(), request, engine::searchMatrixOffsets);
    }

    // ---- plumbing ----

    private void write(StreamObserver<PointsOperationResponse> observer, Message request, String collectionName,
            boolean wait, Consumer<PointWrites> operation) {
        write(observer, request, collectionName, wait, () -> request, (writes, same) -> operation.accept(writes));
    }

    // a write whose request has inference inputs: they are inferred before the collection is looked up
    private <Q extends Message> void write(StreamObserver<PointsOperationResponse> observer, Message request,
            String collectionName, boolean wait, Supplier<Q> resolve, BiConsumer<PointWrites, Q> operation) {
        ShardKeySelector selector = ShardRouting.selectorOf(request);
        Rpc.respond(observer, clock -> {
            Q resolved = resolve.get();
            long operationId = ShardRouting.write(lookup(collectionName), selector, mutable -> {
                operation.accept(new PointWrites(mutable), resolved);
                return mutable.nextOperationId();
            });
            return PointsOperationResponse.newBuilder()
                    .setResult(UpdateResult.newBuilder().setOperationId(operationId).setStatus(status(wait)))
                    .setTime(clock.seconds())
                    .build();
        });
    }

    // One write operation under the collection's write lock; it gets the next operation id on success.
    private void mutate(StreamObserver<PointsOperationResponse> observer, String collectionName, boolean wait,
            Consumer<MutableCollection> operation) {
        Rpc.respond(observer, clock -> {
            StoredCollection collection = lookup(collectionName);
            long operationId = collection.write(mutable -> {
                operation.accept(mutable);
                return mutable.nextOperationId();
            });
            return PointsOperationResponse.newBuilder()
                    .setResult(UpdateResult.newBuilder().setOperationId(operationId).setStatus(status(wait)))
                    .setTime(clock.seconds())
                    .build();
        });
    }

    private static UpdateStatus status(boolean wait) {
        return wait ? UpdateStatus.Completed : UpdateStatus.Acknowledged;
    }

    private StoredCollection lookup(String name) {
        CollectionDefinition.checkNameLength(name);
        return catalog.get(name);
    }
}
