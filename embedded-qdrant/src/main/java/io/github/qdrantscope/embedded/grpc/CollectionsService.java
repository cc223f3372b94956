package io.github.qdrantscope.embedded.grpc;

import io.github.qdrantscope.embedded.filter.PayloadPaths;
import io.github.qdrantscope.embedded.storage.CollectionCatalog;
import io.github.qdrantscope.embedded.storage.CollectionCatalog.AliasChange;
import io.github.qdrantscope.embedded.storage.CollectionDefinition;
import io.github.qdrantscope.embedded.storage.CollectionView;
import io.github.qdrantscope.embedded.storage.QdrantErrors;
import io.github.qdrantscope.embedded.storage.StoredCollection;
import io.github.qdrantscope.embedded.storage.StoredPoint;
import io.grpc.stub.StreamObserver;
import io.qdrant.client.grpc.Collections.AliasDescription;
import io.qdrant.client.grpc.Collections.AliasOperations;
import io.qdrant.client.grpc.Collections.ChangeAliases;
import io.qdrant.client.grpc.Collections.CollectionClusterInfoRequest;
import io.qdrant.client.grpc.Collections.CollectionClusterInfoResponse;
import io.qdrant.client.grpc.Collections.CollectionConfig;
import io.qdrant.client.grpc.Collections.CollectionDescription;
import io.qdrant.client.grpc.Collections.CollectionExists;
import io.qdrant.client.grpc.Collections.CollectionExistsRequest;
import io.qdrant.client.grpc.Collections.CollectionExistsResponse;
import io.qdrant.client.grpc.Collections.CollectionInfo;
import io.qdrant.client.grpc.Collections.CollectionOperationResponse;
import io.qdrant.client.grpc.Collections.CollectionStatus;
import io.qdrant.client.grpc.Collections.CreateCollection;
import io.qdrant.client.grpc.Collections.CreateShardKeyRequest;
import io.qdrant.client.grpc.Collections.CreateShardKeyResponse;
import io.qdrant.client.grpc.Collections.DeleteCollection;
import io.qdrant.client.grpc.Collections.DeleteShardKeyRequest;
import io.qdrant.client.grpc.Collections.DeleteShardKeyResponse;
import io.qdrant.client.grpc.Collections.GetCollectionInfoRequest;
import io.qdrant.client.grpc.Collections.GetCollectionInfoResponse;
import io.qdrant.client.grpc.Collections.ListAliasesRequest;
import io.qdrant.client.grpc.Collections.ListAliasesResponse;
import io.qdrant.client.grpc.Collections.ListCollectionAliasesRequest;
import io.qdrant.client.grpc.Collections.ListCollectionsRequest;
import io.qdrant.client.grpc.Collections.ListCollectionsResponse;
import io.qdrant.client.grpc.Collections.ListShardKeysRequest;
import io.qdrant.client.grpc.Collections.ListShardKeysResponse;
import io.qdrant.client.grpc.Collections.OptimizerStatus;
import io.qdrant.client.grpc.Collections.PayloadSchemaInfo;
import io.qdrant.client.grpc.Collections.UpdateCollection;
import io.qdrant.client.grpc.Collections.UpdateCollectionClusterSetupRequest;
import io.qdrant.client.grpc.Collections.UpdateCollectionClusterSetupResponse;
import io.qdrant.client.grpc.CollectionsGrpc;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code qdrant.Collections}: collection and alias management over a {@link CollectionCatalog}. */
public final class CollectionsService extends CollectionsGrpc.CollectionsImplBase {

    private final CollectionCatalog catalog;
    private final ClusterRpcs cluster = new ClusterRpcs();

    public CollectionsService(CollectionCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public void create(CreateCollection request, StreamObserver<CollectionOperationResponse> observer) {
        Rpc.respond(observer, clock -> {
            catalog.create(request.getCollectionName(), () -> CollectionDefinition.build(request));
            return operationResponse(true, clock);
        });
    }

    @Override
    public void get(GetCollectionInfoRequest request, StreamObserver<GetCollectionInfoResponse> observer) {
        Rpc.respond(observer, clock -> {
            StoredCollection collection = lookup(request.getCollectionName());
            CollectionInfo info = collection.read(view -> info(view, collection.config()));
            return GetCollectionInfoResponse.newBuilder().setResult(info).setTime(clock.seconds()).build();
        });
    }

    @Override
    public void list(ListCollectionsRequest request, StreamObserver<ListCollectionsResponse> observer) {
        Rpc.respond(observer, clock -> {
            ListCollectionsResponse.Builder response = ListCollectionsResponse.newBuilder();
            for (String name : catalog.names()) {
                response.addCollections(CollectionDescription.newBuilder().setName(name));
            }
            return response.setTime(clock.seconds()).build();
        });
    }

    @Override
    public void delete(DeleteCollection request, StreamObserver<CollectionOperationResponse> observer) {
        Rpc.respond(observer, clock -> {
            CollectionDefinition.checkNameLength(request.getCollectionName());
            return operationResponse(catalog.delete(request.getCollectionName()), clock);
        });
    }

    @Override
    public void update(UpdateCollection request, StreamObserver<CollectionOperationResponse> observer) {
        Rpc.respond(observer, clock -> {
            StoredCollection collection = lookup(request.getCollectionName());
            // Nothing here is tuned by these settings (no HNSW, no optimizers); keep them for Get.
            collection.updateConfig(config -> updated(config, request));
            return operationResponse(true, clock);
        });
    }

    @Override
    public void collectionExists(CollectionExistsRequest request, StreamObserver<CollectionExistsResponse> observer) {
        Rpc.respond(observer, clock -> {
            CollectionDefinition.checkNameLength(request.getCollectionName());
            boolean exists = catalog.find(request.getCollectionName()).isPresent();
            return CollectionExistsResponse.newBuilder()
                    .setResult(CollectionExists.newBuilder().setExists(exists))
                    .setTime(clock.seconds()).build();
        });
    }

    @Override
    public void updateAliases(ChangeAliases request, StreamObserver<CollectionOperationResponse> observer) {
        Rpc.respond(observer, clock -> {
            List<AliasChange> changes = new ArrayList<>();
            for (AliasOperations action : request.getActionsList()) {
                changes.add(switch (action.getActionCase()) {
                    case CREATE_ALIAS -> new CollectionCatalog.CreateAlias(
                            action.getCreateAlias().getCollectionName(), action.getCreateAlias().getAliasName());
                    case RENAME_ALIAS -> new CollectionCatalog.RenameAlias(
                            action.getRenameAlias().getOldAliasName(), action.getRenameAlias().getNewAliasName());
                    case DELETE_ALIAS -> new CollectionCatalog.DeleteAlias(action.getDeleteAlias().getAliasName());
                    default -> throw QdrantErrors.invalidArgument("Malformed alias operation: no action set");
                });
            }
            catalog.changeAliases(changes);
            return operationResponse(true, clock);
        });
    }

    @Override
    public void listCollectionAliases(ListCollectionAliasesRequest request,
            StreamObserver<ListAliasesResponse> observer) {
        Rpc.respond(observer, clock -> {
            CollectionDefinition.checkNameLength(request.getCollectionName());
            ListAliasesResponse.Builder response = ListAliasesResponse.newBuilder();
            for (String alias : catalog.aliasesOf(request.getCollectionName())) {
                response.addAliases(AliasDescription.newBuilder()
                        .setAliasName(alias).setCollectionName(request.getCollectionName()));
            }
            return response.setTime(clock.seconds()).build();
        });
    }

    @Override
    public void listAliases(ListAliasesRequest request, StreamObserver<ListAliasesResponse> observer) {
        Rpc.respond(observer, clock -> {
            ListAliasesResponse.Builder response = ListAliasesResponse.newBuilder();
            catalog.aliases().forEach((alias, collection) -> response.addAliases(
                    AliasDescription.newBuilder().setAliasName(alias).setCollectionName(collection)));
            return response.setTime(clock.seconds()).build();
        });
    }

    @Override
    public void collectionClusterInfo(CollectionClusterInfoRequest request,
            StreamObserver<CollectionClusterInfoResponse> observer) {
        Rpc.respond(observer, clock -> cluster.clusterInfo(lookup(request.getCollectionName())));
    }

    @Override
    public void updateCollectionClusterSetup(UpdateCollectionClusterSetupRequest request,
            StreamObserver<UpdateCollectionClusterSetupResponse> observer) {
        Rpc.respond(observer, clock -> {
            if (request.hasCreateShardKey()) {
                ClusterRpcs.convert(request.getCreateShardKey());
            }
            return UpdateCollectionClusterSetupResponse.newBuilder()
                    .setResult(cluster.update(lookup(request.getCollectionName()), request.getCollectionName(),
                            request))
                    .build();
        });
    }

    @Override
    public void createShardKey(CreateShardKeyRequest request, StreamObserver<CreateShardKeyResponse> observer) {
        Rpc.respond(observer, clock -> {
            if (!request.hasRequest()) {
                throw QdrantErrors.invalidArgument("empty request");
            }
            ClusterRpcs.convert(request.getRequest());
            cluster.createShardKey(lookup(request.getCollectionName()), request.getCollectionName(),
                    request.getRequest());
            return CreateShardKeyResponse.newBuilder().setResult(true).build();
        });
    }

    @Override
    public void deleteShardKey(DeleteShardKeyRequest request, StreamObserver<DeleteShardKeyResponse> observer) {
        Rpc.respond(observer, clock -> {
            if (!request.hasRequest()) {
                throw QdrantErrors.invalidArgument("empty request");
            }
            cluster.deleteShardKey(lookup(request.getCollectionName()), request.getCollectionName(),
                    request.getRequest().getShardKey());
            return DeleteShardKeyResponse.newBuilder().setResult(true).build();
        });
    }

    @Override
    public void listShardKeys(ListShardKeysRequest request, StreamObserver<ListShardKeysResponse> observer) {
        Rpc.respond(observer, clock -> ListShardKeysResponse.newBuilder()
                .addAllShardKeys(cluster.listShardKeys(lookup(request.getCollectionName())))
                .setTime(clock.seconds()).build());
    }

    private StoredCollection lookup(String name) {
        CollectionDefinition.checkNameLength(name);
        return catalog.get(name);
    }

    private static CollectionOperationResponse operationResponse(boolean result, Rpc.Clock clock) {
        return CollectionOperationResponse.newBuilder().setResult(result).setTime(clock.seconds()).build();
    }

    // A fresh in-memory collection is fully "optimised": Green, one segment, nothing HNSW-indexed
    // (every search is an exact scan, as Qdrant does below its indexing threshold).
    private static CollectionInfo info(CollectionView view, CollectionConfig config) {
        CollectionInfo.Builder info = CollectionInfo.newBuilder()
                .setStatus(CollectionStatus.Green)
                .setOptimizerStatus(OptimizerStatus.newBuilder().setOk(true))
                .setSegmentsCount(1)
                .setPointsCount(view.size())
                .setIndexedVectorsCount(0)
                .setConfig(config);
        for (Map.Entry<String, PayloadSchemaInfo> index : view.payloadSchema().entrySet()) {
            info.putPayloadSchema(index.getKey(), index.getValue().toBuilder()
                    .setPoints(pointsWithValue(view, index.getKey())).build());
        }
        return info.build();
    }

    private static long pointsWithValue(CollectionView view, String key) {
        long count = 0;
        for (StoredPoint point : view.points()) {
            if (!PayloadPaths.resolve(point.payload(), key).isEmpty()) {
                count++;
            }
        }
        return count;
    }

    private static CollectionConfig updated(CollectionConfig config, UpdateCollection request) {
        CollectionConfig.Builder builder = config.toBuilder();
        if (request.hasOptimizersConfig()) {
            builder.getOptimizerConfigBuilder().mergeFrom(request.getOptimizersConfig());
        }
        if (request.hasHnswConfig()) {
            builder.getHnswConfigBuilder().mergeFrom(request.getHnswConfig());
        }
        if (request.hasParams()) {
            var params = request.getParams();
            var target = builder.getParamsBuilder();
            if (params.hasReplicationFactor()) {
                target.setReplicationFactor(params.getReplicationFactor());
            }
            if (params.hasWriteConsistencyFactor()) {
                target.setWriteConsistencyFactor(params.getWriteConsistencyFactor());
            }
            if (params.hasOnDiskPayload()) {
                target.setOnDiskPayload(params.getOnDiskPayload());
            }
        }
        if (request.hasQuantizationConfig() && request.getQuantizationConfig().hasDisabled()) {
            builder.clearQuantizationConfig();
        }
        if (request.hasStrictModeConfig()) {
            builder.setStrictModeConfig(request.getStrictModeConfig());
        }
        builder.putAllMetadata(request.getMetadataMap());
        return builder.build();
    }
}
