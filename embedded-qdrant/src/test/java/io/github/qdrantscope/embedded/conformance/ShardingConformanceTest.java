package io.github.qdrantscope.embedded.conformance;

import static io.qdrant.client.ShardKeyFactory.shardKey;
import static io.qdrant.client.ShardKeySelectorFactory.shardKeySelector;
import static io.qdrant.client.ValueFactory.value;
import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Status;
import io.qdrant.client.QueryFactory;
import io.qdrant.client.grpc.Collections.CollectionClusterInfoResponse;
import io.qdrant.client.grpc.Collections.CreateCollection;
import io.qdrant.client.grpc.Collections.CreateShardKey;
import io.qdrant.client.grpc.Collections.CreateShardKeyRequest;
import io.qdrant.client.grpc.Collections.DeleteShardKey;
import io.qdrant.client.grpc.Collections.DeleteShardKeyRequest;
import io.qdrant.client.grpc.Collections.Distance;
import io.qdrant.client.grpc.Collections.LocalShardInfo;
import io.qdrant.client.grpc.Collections.MoveShard;
import io.qdrant.client.grpc.Collections.ReplicaState;
import io.qdrant.client.grpc.Collections.ShardKey;
import io.qdrant.client.grpc.Collections.ShardKeyDescription;
import io.qdrant.client.grpc.Collections.ShardingMethod;
import io.qdrant.client.grpc.Collections.UpdateCollectionClusterSetupRequest;
import io.qdrant.client.grpc.Collections.VectorParams;
import io.qdrant.client.grpc.Collections.VectorsConfig;
import io.qdrant.client.grpc.Points.CountPoints;
import io.qdrant.client.grpc.Points.GetPoints;
import io.qdrant.client.grpc.Points.QueryPoints;
import io.qdrant.client.grpc.Points.RetrievedPoint;
import io.qdrant.client.grpc.Points.ScoredPoint;
import io.qdrant.client.grpc.Points.ScrollPoints;
import io.qdrant.client.grpc.Points.ShardKeySelector;
import io.qdrant.client.grpc.Points.UpsertPoints;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Custom sharding and the cluster RPCs of a single peer (Qdrant 1.17: shard_holder/mod.rs for routing,
 * src/common/collections.rs {@code do_update_collection_cluster} for the shard-key checks and texts).
 */
class ShardingConformanceTest extends ConformanceTestBase {

    private String customCollection() {
        String name = uniqueName("sharded");
        await(client.createCollectionAsync(CreateCollection.newBuilder().setCollectionName(name)
                .setVectorsConfig(VectorsConfig.newBuilder().setParams(
                        VectorParams.newBuilder().setSize(2).setDistance(Distance.Dot)))
                .setShardingMethod(ShardingMethod.Custom).build()));
        return name;
    }

    private void createKey(String collection, ShardKey key) {
        createKey(collection, CreateShardKey.newBuilder().setShardKey(key));
    }

    private void createKey(String collection, CreateShardKey.Builder request) {
        assertThat(await(client.createShardKeyAsync(CreateShardKeyRequest.newBuilder().setCollectionName(collection)
                .setRequest(request).build())).getResult()).isTrue();
    }

    private void upsert(String collection, ShardKeySelector selector, long id, float x, String tag) {
        UpsertPoints.Builder request = UpsertPoints.newBuilder().setCollectionName(collection).setWait(true)
                .addPoints(point(id, new float[] {x, 1}, Map.of("tag", value(tag))));
        if (selector != null) {
            request.setShardKeySelector(selector);
        }
        await(client.upsertAsync(request.build()));
    }

    private List<String> scrollTags(String collection, ShardKeySelector selector) {
        ScrollPoints.Builder request = ScrollPoints.newBuilder().setCollectionName(collection).setLimit(10)
                .setWithPayload(io.qdrant.client.WithPayloadSelectorFactory.enable(true));
        if (selector != null) {
            request.setShardKeySelector(selector);
        }
        return await(client.scrollAsync(request.build())).getResultList().stream()
                .map(p -> p.getId().getNum() + ":" + p.getPayloadMap().get("tag").getStringValue() + "@"
                        + (p.hasShardKey() ? p.getShardKey().getKeyword() : "-"))
                .toList();
    }

    private long count(String collection, ShardKeySelector selector) {
        CountPoints.Builder request = CountPoints.newBuilder().setCollectionName(collection).setExact(true);
        if (selector != null) {
            request.setShardKeySelector(selector);
        }
        return await(client.grpcClient().points().count(request.build())).getResult().getCount();
    }

    @Test
    void pointsLiveInTheShardOfTheirKeyAndReadsWithoutSelectorSeeAll() {
        String c = customCollection();
        createKey(c, shardKey("a"));
        createKey(c, shardKey("b"));
        upsert(c, shardKeySelector("a"), 1, 1, "a1");
        upsert(c, shardKeySelector("b"), 2, 2, "b2");
        upsert(c, shardKeySelector("b"), 1, 3, "b1");

        assertThat(scrollTags(c, shardKeySelector("a"))).containsExactly("1:a1@a");
        assertThat(scrollTags(c, shardKeySelector("b"))).containsExactly("1:b1@b", "2:b2@b");
        // one id under two keys is two points: Count sums the shards, Scroll deduplicates ids (point_ops.rs)
        assertThat(count(c, null)).isEqualTo(3);
        assertThat(count(c, shardKeySelector("a"))).isEqualTo(1);
        assertThat(count(c, shardKeySelector("a", "b"))).isEqualTo(3);
        assertThat(scrollTags(c, null)).containsExactly("1:a1@a", "2:b2@b");

        List<ScoredPoint> hits = await(client.queryAsync(QueryPoints.newBuilder().setCollectionName(c)
                .setQuery(QueryFactory.nearest(1, 0)).setShardKeySelector(shardKeySelector("b")).build()));
        assertThat(hits).extracting(h -> h.getId().getNum()).containsExactly(1L, 2L);
        assertThat(hits).extracting(ScoredPoint::getScore).containsExactly(3f, 2f);
        assertThat(hits).extracting(h -> h.getShardKey().getKeyword()).containsExactly("b", "b");

        List<RetrievedPoint> got = await(client.retrieveAsync(GetPoints.newBuilder().setCollectionName(c)
                .addIds(io.qdrant.client.PointIdFactory.id(2)).setShardKeySelector(shardKeySelector("a")).build(), CALL_TIMEOUT));
        assertThat(got).isEmpty();

        assertThat(await(client.listShardKeysAsync(c))).extracting(ShardKeyDescription::getKey)
                .containsExactly(shardKey("a"), shardKey("b"));
        assertThat(await(client.getCollectionInfoAsync(c)).getConfig().getParams().getShardingMethod())
                .isEqualTo(ShardingMethod.Custom);

        CollectionClusterInfoResponse info = await(client.getCollectionClusterInfoAsync(c));
        assertThat(info.getShardCount()).isEqualTo(2);
        assertThat(info.getLocalShardsList()).containsExactly(
                LocalShardInfo.newBuilder().setShardId(1).setPointsCount(1).setState(ReplicaState.Active)
                        .setShardKey(shardKey("a")).build(),
                LocalShardInfo.newBuilder().setShardId(2).setPointsCount(2).setState(ReplicaState.Active)
                        .setShardKey(shardKey("b")).build());
        assertThat(info.getRemoteShardsList()).isEmpty();
        assertThat(info.getShardTransfersList()).isEmpty();

        await(client.deleteShardKeyAsync(DeleteShardKeyRequest.newBuilder().setCollectionName(c)
                .setRequest(DeleteShardKey.newBuilder().setShardKey(shardKey("a"))).build()));
        assertThat(scrollTags(c, null)).containsExactly("1:b1@b", "2:b2@b");
        // a new key takes max shard id + 1
        createKey(c, shardKey(7));
        assertThat(await(client.getCollectionClusterInfoAsync(c)).getLocalShardsList())
                .extracting(LocalShardInfo::getShardId).containsExactly(2, 3);
    }

    @Test
    void shardKeyErrorsAreQdrants() {
        String c = customCollection();
        createKey(c, shardKey("a"));
        assertGrpcError(() -> upsert(c, null, 1, 1, "x"), Status.Code.INVALID_ARGUMENT,
                "Wrong input: Shard key not specified");
        assertGrpcError(() -> upsert(c, shardKeySelector("zz"), 1, 1, "x"), Status.Code.INVALID_ARGUMENT,
                "Wrong input: Shard key \"zz\" not found");
        assertGrpcError(() -> scrollTags(c, shardKeySelector(5)), Status.Code.INVALID_ARGUMENT,
                "Bad request: Shard key 5 not found");
        assertGrpcError(() -> createKey(c, shardKey("a")), Status.Code.INVALID_ARGUMENT,
                "Bad request: Sharding key \"a\" already exists for collection " + c);
        // conversions.rs TryFrom<CreateShardKey>, before the collection is looked up
        assertGrpcError(() -> createKey("no_such_collection", CreateShardKey.newBuilder().setShardsNumber(2)),
                Status.Code.INVALID_ARGUMENT, "Shard key is not specified");
        assertGrpcError(() -> createKey("no_such_collection", CreateShardKey.newBuilder().setShardKey(shardKey("z"))
                .setShardsNumber(0)), Status.Code.INVALID_ARGUMENT,
                "Shard number cannot be zero: out of range integral type conversion attempted");
        assertGrpcError(() -> createKey(c, CreateShardKey.newBuilder().setShardKey(shardKey("z"))
                .setReplicationFactor(0)), Status.Code.INVALID_ARGUMENT,
                "Replication factor cannot be zero: out of range integral type conversion attempted");
        assertGrpcError(() -> await(client.deleteShardKeyAsync(DeleteShardKeyRequest.newBuilder()
                .setCollectionName(c).setRequest(DeleteShardKey.newBuilder().setShardKey(shardKey("q"))).build())),
                Status.Code.INVALID_ARGUMENT, "Bad request: Sharding key \"q\" does not exist for collection " + c);

        String auto = newCollection(2, Distance.Dot);
        assertGrpcError(() -> createKey(auto, shardKey("a")), Status.Code.INVALID_ARGUMENT,
                "Bad request: Shard Key cannot be created with Auto sharding method");
        assertGrpcError(() -> upsert(auto, shardKeySelector("a"), 1, 1, "x"), Status.Code.INVALID_ARGUMENT,
                "Wrong input: Shard key \"a\" not found");
        assertGrpcError(() -> count(auto, shardKeySelector("a")), Status.Code.INVALID_ARGUMENT,
                "Bad request: Shard key \"a\" not found");
        assertThat(await(client.listShardKeysAsync(auto))).isEmpty();
    }

    @Test
    void clusterInfoAndSetupOfASinglePeer() {
        String auto = newCollection(2, Distance.Dot);
        upsert(auto, null, 1, 1, "x");
        CollectionClusterInfoResponse info = await(client.getCollectionClusterInfoAsync(auto));
        assertThat(info.getShardCount()).isEqualTo(1);
        assertThat(info.getLocalShardsList()).containsExactly(LocalShardInfo.newBuilder().setShardId(0)
                .setPointsCount(1).setState(ReplicaState.Active).build());
        long peer = info.getPeerId();
        long otherPeer = peer == 1 ? 2 : 1;

        assertGrpcError(() -> await(client.updateCollectionClusterSetupAsync(UpdateCollectionClusterSetupRequest
                .newBuilder().setCollectionName(auto).setMoveShard(MoveShard.newBuilder().setShardId(0)
                        .setFromPeerId(peer).setToPeerId(otherPeer)).build())),
                Status.Code.INVALID_ARGUMENT, "Bad request: Peer " + otherPeer + " does not exist");
        assertGrpcError(() -> await(client.updateCollectionClusterSetupAsync(UpdateCollectionClusterSetupRequest
                .newBuilder().setCollectionName(auto).setMoveShard(MoveShard.newBuilder().setShardId(4)
                        .setFromPeerId(peer).setToPeerId(peer)).build())),
                Status.Code.INVALID_ARGUMENT, "Bad request: Shard 4 of " + auto + " does not exist");
        assertGrpcError(() -> await(client.updateCollectionClusterSetupAsync(UpdateCollectionClusterSetupRequest
                .newBuilder().setCollectionName(auto).setAbortTransfer(
                        io.qdrant.client.grpc.Collections.AbortShardTransfer.newBuilder().setShardId(0)
                                .setFromPeerId(peer).setToPeerId(otherPeer)).build())),
                Status.Code.NOT_FOUND, "Not found: Shard transfer " + peer + " -> " + otherPeer
                        + " for collection " + auto + ":0 does not exist");
    }

    @Test
    void shardKeysAndTheirPointsSurviveASnapshotRoundTrip() {
        String c = customCollection();
        createKey(c, shardKey("a"));
        createKey(c, shardKey(9));
        upsert(c, shardKeySelector("a"), 1, 1, "a1");
        upsert(c, shardKeySelector(9), 1, 2, "n1");
        upsert(c, shardKeySelector(9), 3, 3, "n3");
        String snapshot = await(client.createSnapshotAsync(c)).getName();

        String copy = uniqueName("restored");
        server.restoreSnapshot(server.snapshotsDirectory().resolve(c).resolve(snapshot), copy);

        assertThat(await(client.listShardKeysAsync(copy))).extracting(ShardKeyDescription::getKey)
                .containsExactly(shardKey("a"), shardKey(9));
        assertThat(scrollTags(copy, shardKeySelector("a"))).containsExactly("1:a1@a");
        assertThat(count(copy, shardKeySelector(9))).isEqualTo(2);
        assertThat(count(copy, null)).isEqualTo(3);
        assertThat(await(client.getCollectionClusterInfoAsync(copy)).getLocalShardsList())
                .extracting(LocalShardInfo::getShardId, LocalShardInfo::getPointsCount)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, 1L), org.assertj.core.groups.Tuple.tuple(2, 2L));
        // the copy is independent: a write to it leaves the original alone
        upsert(copy, shardKeySelector("a"), 5, 1, "a5");
        assertThat(count(c, shardKeySelector("a"))).isEqualTo(1);
    }

    /**
     * CreateShardKey with {@code shards_number} 2: ids 1 and 2, the points spread over them by the key's hash ring
     * (ids 8, 9, 10 in shard 1, ids 1 to 7 in shard 2: ShardHashRing, checked against the Rust crates); reads and
     * writes see the key whole; the next key takes id 3; a snapshot keeps the shard count.
     */
    @Test
    void aShardKeyWithSeveralShardsSpreadsItsPointsByTheHashRing() {
        String c = customCollection();
        assertThat(await(client.createShardKeyAsync(CreateShardKeyRequest.newBuilder().setCollectionName(c)
                .setRequest(CreateShardKey.newBuilder().setShardKey(shardKey("a")).setShardsNumber(2)).build()))
                .getResult()).isTrue();
        for (long id = 1; id <= 10; id++) {
            upsert(c, shardKeySelector("a"), id, id, "a" + id);
        }
        createKey(c, shardKey("b"));
        upsert(c, shardKeySelector("b"), 1, 1, "b1");

        assertThat(count(c, shardKeySelector("a"))).isEqualTo(10);
        assertThat(scrollTags(c, shardKeySelector("a"))).hasSize(10).allMatch(tag -> tag.endsWith("@a"));
        CollectionClusterInfoResponse info = await(client.getCollectionClusterInfoAsync(c));
        assertThat(info.getShardCount()).isEqualTo(3);
        assertThat(info.getLocalShardsList())
                .extracting(LocalShardInfo::getShardId, LocalShardInfo::getPointsCount, s -> s.getShardKey().getKeyword())
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, 3L, "a"),
                        org.assertj.core.groups.Tuple.tuple(2, 7L, "a"), org.assertj.core.groups.Tuple.tuple(3, 1L, "b"));

        String snapshot = await(client.createSnapshotAsync(c)).getName();
        String copy = uniqueName("restored");
        server.restoreSnapshot(server.snapshotsDirectory().resolve(c).resolve(snapshot), copy);
        assertThat(await(client.getCollectionClusterInfoAsync(copy)).getLocalShardsList())
                .extracting(LocalShardInfo::getShardId, LocalShardInfo::getPointsCount)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, 3L), org.assertj.core.groups.Tuple.tuple(2, 7L),
                        org.assertj.core.groups.Tuple.tuple(3, 1L));
    }

    /** An auto-sharded collection of shard_number 3: shards 0, 1, 2 on one hash ring (ids 5, 8 / 9, 10 / the rest). */
    @Test
    void anAutoShardedCollectionReportsItsShardsAndWherePointsFall() {
        String c = uniqueName("auto3");
        await(client.createCollectionAsync(CreateCollection.newBuilder().setCollectionName(c).setShardNumber(3)
                .setVectorsConfig(VectorsConfig.newBuilder().setParams(
                        VectorParams.newBuilder().setSize(2).setDistance(Distance.Dot))).build()));
        for (long id = 1; id <= 10; id++) {
            upsert(c, null, id, id, "p" + id);
        }
        CollectionClusterInfoResponse info = await(client.getCollectionClusterInfoAsync(c));
        assertThat(info.getShardCount()).isEqualTo(3);
        assertThat(info.getLocalShardsList()).extracting(LocalShardInfo::getShardId, LocalShardInfo::getPointsCount)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(0, 2L), org.assertj.core.groups.Tuple.tuple(1, 2L),
                        org.assertj.core.groups.Tuple.tuple(2, 6L));
        assertThat(count(c, null)).isEqualTo(10);
    }
}
