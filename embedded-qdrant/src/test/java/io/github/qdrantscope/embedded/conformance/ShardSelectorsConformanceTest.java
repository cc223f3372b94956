package io.github.qdrantscope.embedded.conformance;

import static io.qdrant.client.ShardKeyFactory.shardKey;
import static io.qdrant.client.ShardKeySelectorFactory.shardKeySelector;
import static io.qdrant.client.ValueFactory.value;
import static io.qdrant.client.VectorFactory.vector;
import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Status;
import io.qdrant.client.QueryFactory;
import io.qdrant.client.grpc.Collections.CreateCollection;
import io.qdrant.client.grpc.Collections.CreateShardKey;
import io.qdrant.client.grpc.Collections.CreateShardKeyRequest;
import io.qdrant.client.grpc.Collections.Distance;
import io.qdrant.client.grpc.Collections.ReplicaState;
import io.qdrant.client.grpc.Collections.ShardKey;
import io.qdrant.client.grpc.Collections.ShardingMethod;
import io.qdrant.client.grpc.Collections.VectorParams;
import io.qdrant.client.grpc.Collections.VectorsConfig;
import io.qdrant.client.grpc.Points.BatchResult;
import io.qdrant.client.grpc.Points.ContextExamplePair;
import io.qdrant.client.grpc.Points.DiscoverBatchPoints;
import io.qdrant.client.grpc.Points.DiscoverPoints;
import io.qdrant.client.grpc.Points.QueryBatchPoints;
import io.qdrant.client.grpc.Points.QueryPoints;
import io.qdrant.client.grpc.Points.RecommendBatchPoints;
import io.qdrant.client.grpc.Points.RecommendPoints;
import io.qdrant.client.grpc.Points.ScrollPoints;
import io.qdrant.client.grpc.Points.SearchBatchPoints;
import io.qdrant.client.grpc.Points.SearchPoints;
import io.qdrant.client.grpc.Points.ShardKeySelector;
import io.qdrant.client.grpc.Points.TargetVector;
import io.qdrant.client.grpc.Points.UpsertPoints;
import io.qdrant.client.grpc.Points.VectorExample;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Shard key selectors inside batch reads and the fallback shard key, on a single peer. Each entry of a batch read
 * goes to the shards its own {@code shard_key_selector} names ({@code src/tonic/api/query_common.rs}); a fallback
 * selector reads and writes its target when that key exists and is active, else the fallback key
 * ({@code route_with_fallback_for_read/_for_write}, lib/collection/src/shards/shard_holder/mod.rs).
 */
class ShardSelectorsConformanceTest extends ConformanceTestBase {

    /** Keys "a" (point 1 at [1, 1]) and "b" (points 2 and 3 at [2, 1], [3, 1]): nearest [1, 0] scores x. */
    private String twoKeys() {
        String c = customCollection();
        createKey(c, shardKey("a"), ReplicaState.Active);
        createKey(c, shardKey("b"), ReplicaState.Active);
        upsert(c, shardKeySelector("a"), 1, 1);
        upsert(c, shardKeySelector("b"), 2, 2);
        upsert(c, shardKeySelector("b"), 3, 3);
        return c;
    }

    @Test
    void everyBatchEntryReadsTheShardsItsSelectorNames() {
        String c = twoKeys();
        List<SearchPoints> searches = List.of(search(c).setShardKeySelector(shardKeySelector("a")).build(),
                search(c).setShardKeySelector(shardKeySelector("b")).build(), search(c).build());
        List<BatchResult> searched = await(client.grpcClient().points().searchBatch(SearchBatchPoints.newBuilder()
                .setCollectionName(c).addAllSearchPoints(searches).build())).getResultList();
        assertThat(searched).extracting(ShardSelectorsConformanceTest::hits)
                .containsExactly(List.of("1@a"), List.of("3@b", "2@b"), List.of("3@b", "2@b", "1@a"));

        List<BatchResult> queried = await(client.grpcClient().points().queryBatch(QueryBatchPoints.newBuilder()
                .setCollectionName(c)
                .addQueryPoints(query(c).setShardKeySelector(shardKeySelector("b")))
                .addQueryPoints(query(c).setShardKeySelector(shardKeySelector("a"))).build())).getResultList();
        assertThat(queried).extracting(ShardSelectorsConformanceTest::hits)
                .containsExactly(List.of("3@b", "2@b"), List.of("1@a"));

        RecommendPoints.Builder recommend = RecommendPoints.newBuilder().setCollectionName(c).setLimit(10)
                .addPositiveVectors(vector(1, 0));
        List<BatchResult> recommended = await(client.grpcClient().points().recommendBatch(RecommendBatchPoints
                .newBuilder().setCollectionName(c).addRecommendPoints(recommend.clone()
                        .setShardKeySelector(shardKeySelector("a")))
                .addRecommendPoints(recommend.clone().setShardKeySelector(shardKeySelector("a", "b"))).build()))
                .getResultList();
        assertThat(recommended).extracting(ShardSelectorsConformanceTest::hits)
                .containsExactly(List.of("1@a"), List.of("3@b", "2@b", "1@a"));

        DiscoverPoints.Builder discover = DiscoverPoints.newBuilder().setCollectionName(c).setLimit(10)
                .setTarget(TargetVector.newBuilder().setSingle(VectorExample.newBuilder().setVector(vector(1, 0))))
                .addContext(ContextExamplePair.newBuilder().setPositive(VectorExample.newBuilder()
                        .setVector(vector(1, 0))).setNegative(VectorExample.newBuilder().setVector(vector(0, 1))));
        List<BatchResult> discovered = await(client.grpcClient().points().discoverBatch(DiscoverBatchPoints
                .newBuilder().setCollectionName(c).addDiscoverPoints(discover.clone()
                        .setShardKeySelector(shardKeySelector("b"))).build())).getResultList();
        assertThat(discovered).extracting(ShardSelectorsConformanceTest::hits).containsExactly(List.of("3@b", "2@b"));
    }

    @Test
    void aBatchEntryNamingAMissingKeyFailsTheBatch() {
        String c = twoKeys();
        assertGrpcError(() -> await(client.grpcClient().points().queryBatch(QueryBatchPoints.newBuilder()
                        .setCollectionName(c).addQueryPoints(query(c))
                        .addQueryPoints(query(c).setShardKeySelector(shardKeySelector("zz"))).build())),
                Status.Code.INVALID_ARGUMENT, "Bad request: Shard key \"zz\" not found");

        String auto = newCollection(2, Distance.Dot);
        assertGrpcError(() -> await(client.grpcClient().points().searchBatch(SearchBatchPoints.newBuilder()
                        .setCollectionName(auto).addSearchPoints(search(auto)
                                .setShardKeySelector(shardKeySelector("a"))).build())),
                Status.Code.INVALID_ARGUMENT, "Bad request: Shard key \"a\" not found");
    }

    /** "t" Active and "p" Partial (created with initial_state Partial), "default" Active. */
    @Test
    void aFallbackSelectorUsesItsTargetWhileActiveElseTheFallback() {
        String c = customCollection();
        createKey(c, shardKey("default"), ReplicaState.Active);
        createKey(c, shardKey("t"), ReplicaState.Active);
        createKey(c, shardKey("p"), ReplicaState.Partial);
        upsert(c, withFallback("t", "default"), 1, 1);
        upsert(c, withFallback("missing", "default"), 2, 2);
        upsert(c, withFallback("p", "default"), 3, 3);

        assertThat(scroll(c, shardKeySelector("t"))).containsExactly("1@t");
        assertThat(scroll(c, shardKeySelector("default"))).containsExactly("2@default", "3@default");
        assertThat(scroll(c, shardKeySelector("p"))).isEmpty();
        assertThat(scroll(c, withFallback("t", "default"))).containsExactly("1@t");
        assertThat(scroll(c, withFallback("p", "default"))).containsExactly("2@default", "3@default");

        assertGrpcError(() -> scroll(c, withFallback("p", "nope")), Status.Code.UNAVAILABLE,
                "Shard temporarily unavailable: Neither target shard key \"p\" nor fallback shard key \"nope\""
                        + " have active replicas");
        assertGrpcError(() -> upsert(c, withFallback("missing", "nope"), 4, 4), Status.Code.NOT_FOUND,
                "Not found: Neither target shard key \"missing\" nor fallback shard key \"nope\" exist");
        ShardKeySelector twoTargets = shardKeySelector("t", "p").toBuilder().setFallback(shardKey("default")).build();
        assertGrpcError(() -> scroll(c, twoTargets), Status.Code.INVALID_ARGUMENT,
                "Fallback shard key \"default\" can only be set when a single shard key is provided");
    }

    private static List<String> hits(BatchResult result) {
        return result.getResultList().stream()
                .map(p -> p.getId().getNum() + "@" + p.getShardKey().getKeyword()).toList();
    }

    private static ShardKeySelector withFallback(String target, String fallback) {
        return shardKeySelector(target).toBuilder().setFallback(shardKey(fallback)).build();
    }

    private static SearchPoints.Builder search(String c) {
        return SearchPoints.newBuilder().setCollectionName(c).addVector(1).addVector(0).setLimit(10);
    }

    private static QueryPoints.Builder query(String c) {
        return QueryPoints.newBuilder().setCollectionName(c).setQuery(QueryFactory.nearest(1, 0)).setLimit(10);
    }

    private String customCollection() {
        String name = uniqueName("selectors");
        await(client.createCollectionAsync(CreateCollection.newBuilder().setCollectionName(name)
                .setVectorsConfig(VectorsConfig.newBuilder().setParams(
                        VectorParams.newBuilder().setSize(2).setDistance(Distance.Dot)))
                .setShardingMethod(ShardingMethod.Custom).build()));
        return name;
    }

    private void createKey(String collection, ShardKey key, ReplicaState state) {
        assertThat(await(client.createShardKeyAsync(CreateShardKeyRequest.newBuilder().setCollectionName(collection)
                .setRequest(CreateShardKey.newBuilder().setShardKey(key).setInitialState(state)).build())).getResult())
                .isTrue();
    }

    private void upsert(String collection, ShardKeySelector selector, long id, float x) {
        await(client.upsertAsync(UpsertPoints.newBuilder().setCollectionName(collection).setWait(true)
                .addPoints(point(id, new float[] {x, 1}, Map.of("x", value(x)))).setShardKeySelector(selector)
                .build()));
    }

    private List<String> scroll(String collection, ShardKeySelector selector) {
        return await(client.scrollAsync(ScrollPoints.newBuilder().setCollectionName(collection).setLimit(10)
                .setShardKeySelector(selector).build())).getResultList().stream()
                .map(p -> p.getId().getNum() + "@" + p.getShardKey().getKeyword()).toList();
    }
}
