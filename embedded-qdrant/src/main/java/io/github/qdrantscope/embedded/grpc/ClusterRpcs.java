package io.github.qdrantscope.embedded.grpc;

import io.github.qdrantscope.embedded.storage.CustomShards;
import io.github.qdrantscope.embedded.storage.QdrantErrors;
import io.github.qdrantscope.embedded.storage.ShardHashRing;
import io.github.qdrantscope.embedded.storage.StoredCollection;
import io.qdrant.client.grpc.Collections.CollectionClusterInfoResponse;
import io.qdrant.client.grpc.Collections.CreateShardKey;
import io.qdrant.client.grpc.Collections.LocalShardInfo;
import io.qdrant.client.grpc.Collections.ReplicaState;
import io.qdrant.client.grpc.Collections.ShardKey;
import io.qdrant.client.grpc.Collections.ShardKeyDescription;
import io.qdrant.client.grpc.Collections.UpdateCollectionClusterSetupRequest;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The shard-key and cluster RPCs as Qdrant 1.17 answers them when it runs as the only peer of a cluster:
 * {@code do_update_collection_cluster} and {@code generate_even_placement} in src/common/collections.rs (read at
 * qdrant/qdrant, the code index's version of that file), {@code Collection::cluster_info}. A Qdrant started
 * without cluster mode answers all of UpdateCollectionClusterSetup, CreateShardKey and DeleteShardKey with
 * "Bad request: Distributed mode disabled"; the embedded server does what one peer can do instead.
 */
final class ClusterRpcs {

    /** Bounds the shards of one key (each adds 100 nodes to the key's hash ring); Qdrant's own limit is not modelled. */
    private static final long MAX_SHARDS_PER_KEY = 1000;

    /** This peer's id, random like Qdrant's. */
    private final long peerId = ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);

    long peerId() {
        return peerId;
    }

    /**
     * The checks of {@code TryFrom<CreateShardKey> for CreateShardingKey} (lib/api conversions, read at a commit
     * before {@code initial_state}; the index cannot pin v1.17.0), which Qdrant runs before it looks the collection
     * up: a shard key must be set, and a given shards number or replication factor must not be zero (Rust's
     * {@code NonZeroU32::try_from} error follows the colon).
     */
    static void convert(CreateShardKey request) {
        if (!request.hasShardKey() || request.getShardKey().getKeyCase() == ShardKey.KeyCase.KEY_NOT_SET) {
            throw QdrantErrors.invalidArgument("Shard key is not specified");
        }
        if (request.hasShardsNumber() && request.getShardsNumber() == 0) {
            throw QdrantErrors.invalidArgument(
                    "Shard number cannot be zero: out of range integral type conversion attempted");
        }
        if (request.hasReplicationFactor() && request.getReplicationFactor() == 0) {
            throw QdrantErrors.invalidArgument(
                    "Replication factor cannot be zero: out of range integral type conversion attempted");
        }
    }

    void createShardKey(StoredCollection collection, String name, CreateShardKey request) {
        CustomShards shards = custom(collection, "created");
        if (request.hasInitialState() && request.getInitialState() != ReplicaState.Active
                && request.getInitialState() != ReplicaState.Partial) {
            throw QdrantErrors.badRequest("Initial state cannot be " + request.getInitialState()
                    + ", only Active or Partial are allowed");
        }
        ShardKey key = request.getShardKey();
        if (shards.contains(key)) {
            throw QdrantErrors.badRequest("Sharding key " + CustomShards.display(key)
                    + " already exists for collection " + name);
        }
        for (long peer : request.getPlacementList()) {
            checkPeer(peer);
        }
        long shardNumber = request.hasShardsNumber() ? request.getShardsNumber()
                : collection.config().getParams().getShardNumber();
        if (shardNumber > MAX_SHARDS_PER_KEY) {
            throw QdrantErrors.unimplementedFeature("shard keys with " + shardNumber
                    + " shards (shards_number, or the collection's shard_number)");
        }
        shards.create(key, (int) shardNumber, request.hasInitialState() ? request.getInitialState()
                : ReplicaState.Active);
    }

    void deleteShardKey(StoredCollection collection, String name, ShardKey key) {
        // Qdrant's text says "created" for a removal too (do_update_collection_cluster, DropShardingKey)
        CustomShards shards = custom(collection, "created");
        if (!shards.drop(key)) {
            throw QdrantErrors.badRequest("Sharding key " + CustomShards.display(key)
                    + " does not exist for collection " + name);
        }
    }

    List<ShardKeyDescription> listShardKeys(StoredCollection collection) {
        return collection.customShards().map(shards -> shards.shards().stream()
                .map(shard -> ShardKeyDescription.newBuilder().setKey(shard.key()).build()).toList())
                .orElse(List.of());
    }

    CollectionClusterInfoResponse clusterInfo(StoredCollection collection) {
        CollectionClusterInfoResponse.Builder info = CollectionClusterInfoResponse.newBuilder().setPeerId(peerId);
        if (collection.customShards().isPresent()) {
            List<CustomShards.Shard> shards = collection.customShards().get().shards();
            for (CustomShards.Shard shard : shards) {
                int[] sizes = shard.sizes();
                for (int i = 0; i < shard.count(); i++) {
                    info.addLocalShards(LocalShardInfo.newBuilder().setShardId(shard.id() + i).setPointsCount(sizes[i])
                            .setState(shard.state()).setShardKey(shard.key()));
                }
            }
            return info.setShardCount(info.getLocalShardsCount()).build();
        }
        // auto sharding: shards 0 .. shard_number - 1 on one hash ring (ShardHolder::new, HashRingRouter::single)
        int shardNumber = autoShards(collection);
        int[] sizes = new int[shardNumber];
        ShardHashRing ring = new ShardHashRing(0, shardNumber);
        collection.read(view -> {
            view.points().forEach(point -> sizes[shardNumber == 1 ? 0 : ring.shardOf(point.id())]++);
            return null;
        });
        for (int i = 0; i < shardNumber; i++) {
            info.addLocalShards(LocalShardInfo.newBuilder().setShardId(i).setPointsCount(sizes[i])
                    .setState(ReplicaState.Active));
        }
        return info.setShardCount(shardNumber).build();
    }

    /** UpdateCollectionClusterSetup: the checks of each operation; what passes them cannot run on one peer. */
    boolean update(StoredCollection collection, String name, UpdateCollectionClusterSetupRequest request) {
        switch (request.getOperationCase()) {
            case MOVE_SHARD -> {
                var move = request.getMoveShard();
                transfer(collection, name, move.getShardId(), move.getFromPeerId(), move.getToPeerId(), "move");
            }
            case REPLICATE_SHARD -> {
                var replicate = request.getReplicateShard();
                transfer(collection, name, replicate.getShardId(), replicate.getFromPeerId(),
                        replicate.getToPeerId(), "replicate");
            }
            case ABORT_TRANSFER -> {
                var abort = request.getAbortTransfer();
                throw noTransfer(name, abort.getShardId(), abort.getFromPeerId(), abort.getToPeerId());
            }
            case RESTART_TRANSFER -> {
                var restart = request.getRestartTransfer();
                throw noTransfer(name, restart.getShardId(), restart.getFromPeerId(), restart.getToPeerId());
            }
            case DROP_REPLICA -> {
                var drop = request.getDropReplica();
                checkShard(collection, name, drop.getShardId());
                checkPeer(drop.getPeerId());
                throw QdrantErrors.badRequest("Embedded Qdrant cannot drop replica of shard " + drop.getShardId()
                        + ": it is the only replica, on the only peer " + peerId);
            }
            case CREATE_SHARD_KEY -> createShardKey(collection, name, request.getCreateShardKey());
            case DELETE_SHARD_KEY -> deleteShardKey(collection, name, request.getDeleteShardKey().getShardKey());
            case REPLICATE_POINTS -> {
                var replicate = request.getReplicatePoints();
                for (ShardKey key : List.of(replicate.getFromShardKey(), replicate.getToShardKey())) {
                    if (collection.customShards().map(shards -> !shards.contains(key)).orElse(true)) {
                        throw QdrantErrors.wrongInput("Shard key " + CustomShards.display(key)
                                + " does not exist for collection " + name);
                    }
                }
                throw QdrantErrors.badRequest("Embedded Qdrant cannot replicate points between shard keys: "
                        + "a transfer needs a second peer");
            }
            default -> throw QdrantErrors.invalidArgument("empty operation");
        }
        return true;
    }

    private void transfer(StoredCollection collection, String name, int shardId, long from, long to, String what) {
        checkShard(collection, name, shardId);
        checkPeer(to);
        checkPeer(from);
        throw QdrantErrors.badRequest("Embedded Qdrant cannot " + what + " shard " + shardId + " from peer " + from
                + " to peer " + to + ": it is a single peer");
    }

    private static RuntimeException noTransfer(String name, int shardId, long from, long to) {
        return QdrantErrors.notFound("Not found: Shard transfer " + from + " -> " + to + " for collection "
                + name + ":" + shardId + " does not exist");
    }

    private void checkShard(StoredCollection collection, String name, int shardId) {
        boolean exists = collection.customShards()
                .map(shards -> shards.shards().stream()
                        .anyMatch(shard -> shardId >= shard.id() && shardId < shard.id() + shard.count()))
                .orElse(shardId >= 0 && shardId < autoShards(collection));
        if (!exists) {
            throw QdrantErrors.badRequest("Shard " + shardId + " of " + name + " does not exist");
        }
    }

    private static int autoShards(StoredCollection collection) {
        return Math.max(1, collection.config().getParams().getShardNumber());
    }

    private void checkPeer(long peer) {
        if (peer != peerId) {
            throw QdrantErrors.badRequest("Peer " + Long.toUnsignedString(peer) + " does not exist");
        }
    }

    private static CustomShards custom(StoredCollection collection, String verb) {
        return collection.customShards().orElseThrow(() -> QdrantErrors.badRequest(
                "Shard Key cannot be " + verb + " with Auto sharding method"));
    }
}
