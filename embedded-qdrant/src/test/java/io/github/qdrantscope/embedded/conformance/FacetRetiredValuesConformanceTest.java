package io.github.qdrantscope.embedded.conformance;

import static io.github.qdrantscope.embedded.conformance.Payloads.payload;
import static io.qdrant.client.ConditionFactory.hasId;
import static io.qdrant.client.PointIdFactory.id;
import static io.qdrant.client.ShardKeyFactory.shardKey;
import static io.qdrant.client.ShardKeySelectorFactory.shardKeySelector;
import static org.assertj.core.api.Assertions.assertThat;

import io.qdrant.client.grpc.Collections.CreateCollection;
import io.qdrant.client.grpc.Collections.CreateShardKey;
import io.qdrant.client.grpc.Collections.CreateShardKeyRequest;
import io.qdrant.client.grpc.Collections.Distance;
import io.qdrant.client.grpc.Collections.PayloadSchemaType;
import io.qdrant.client.grpc.Collections.ShardingMethod;
import io.qdrant.client.grpc.Collections.VectorParams;
import io.qdrant.client.grpc.Collections.VectorsConfig;
import io.qdrant.client.grpc.Common.Filter;
import io.qdrant.client.grpc.Points.DeletePoints;
import io.qdrant.client.grpc.Points.FacetCounts;
import io.qdrant.client.grpc.Points.FacetHit;
import io.qdrant.client.grpc.Points.FacetValue;
import io.qdrant.client.grpc.Points.PointsIdsList;
import io.qdrant.client.grpc.Points.PointsSelector;
import io.qdrant.client.grpc.Points.UpsertPoints;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A value whose last point was deleted or changed stays in Qdrant's mutable map index
 * ({@code MutableMapIndex::remove_point} never drops the value, {@code map_index/mutable_map_index.rs}), and an
 * exact facet without a filter lists every value of the index ({@code Segment::facet_values}, {@code iter_values},
 * {@code lib/segment/src/segment/facet.rs}) with its exact count, 0 for these ({@code LocalShard::exact_facet} in
 * {@code local_shard/facet.rs} and {@code Collection::facet} keep every hit). An approximate facet filters
 * {@code hit.count > 0}, and a filtered one collects values from matching points only. Qdrant Edge 0.9.0 does
 * the same (the differential test compares exact facets in full).
 */
class FacetRetiredValuesConformanceTest extends ConformanceTestBase {

    private List<String> facet(String collection, String key, boolean exact, Filter filter, long limit) {
        FacetCounts.Builder request = FacetCounts.newBuilder().setCollectionName(collection).setKey(key)
                .setExact(exact).setLimit(limit);
        if (filter != null) {
            request.setFilter(filter);
        }
        return await(client.facetAsync(request.build())).stream().map(FacetValuesText::of).toList();
    }

    @Test
    void anExactFacetListsValuesThatLostTheirLastPointWithCountZero() {
        String c = newCollection(2, Distance.Dot);
        createIndex(c, "city", PayloadSchemaType.Keyword);
        upsert(c, point(1, new float[] {1, 0}, payload("city", "Berlin")),
                point(2, new float[] {1, 0}, payload("city", "Paris")),
                point(3, new float[] {1, 0}, payload("city", "Rome")),
                point(4, new float[] {1, 0}, payload("city", "Berlin")));
        await(client.deleteAsync(c, List.of(id(3))));
        await(client.overwritePayloadAsync(c, payload("city", "Berlin"), List.of(id(2)), true, null, null));

        // count descending, then value ascending (FacetValueHit's order, k_largest)
        assertThat(facet(c, "city", true, null, 10)).containsExactly("Berlin=3", "Paris=0", "Rome=0");
        assertThat(facet(c, "city", true, null, 2)).containsExactly("Berlin=3", "Paris=0");
        // approximate: segment/facet.rs keeps hits with count > 0
        assertThat(facet(c, "city", false, null, 10)).containsExactly("Berlin=3");
        // filtered: only the values of matching points
        Filter all = Filter.newBuilder().addMust(hasId(List.of(id(1), id(2), id(4)))).build();
        assertThat(facet(c, "city", true, all, 10)).containsExactly("Berlin=3");
        // a value that comes back counts again
        upsert(c, point(5, new float[] {1, 0}, payload("city", "Rome")));
        assertThat(facet(c, "city", true, null, 10)).containsExactly("Berlin=3", "Rome=1", "Paris=0");
    }

    @Test
    void onlyValuesTheIndexHeldCountAndARebuiltIndexForgetsThem() {
        String c = newCollection(2, Distance.Dot);
        upsert(c, point(1, new float[] {1, 0}, payload("n", 1)), point(2, new float[] {1, 0}, payload("n", 2)));
        // changed before the index existed: the index was built from n = 3 and 2
        await(client.overwritePayloadAsync(c, payload("n", 3), List.of(id(1)), true, null, null));
        createIndex(c, "n", PayloadSchemaType.Integer);
        await(client.overwritePayloadAsync(c, payload("n", 4), List.of(id(2)), true, null, null));
        assertThat(facet(c, "n", true, null, 10)).containsExactly("3=1", "4=1", "2=0");

        // the same schema again leaves the index as it is (SegmentEntry::create_field_index: AlreadyExists)
        createIndex(c, "n", PayloadSchemaType.Integer);
        assertThat(facet(c, "n", true, null, 10)).containsExactly("3=1", "4=1", "2=0");
        // dropped and created again: built from the points as they are
        await(client.deletePayloadIndexAsync(c, "n", true, null, null));
        createIndex(c, "n", PayloadSchemaType.Integer);
        assertThat(facet(c, "n", true, null, 10)).containsExactly("3=1", "4=1");
    }

    @Test
    void nestedKeysAndArraysRetireEachValue() {
        String c = newCollection(2, Distance.Dot);
        createIndex(c, "meta.tags", PayloadSchemaType.Keyword);
        upsert(c, point(1, new float[] {1, 0}, Map.of("meta", Payloads.value(Map.of("tags", List.of("a", "b"))))),
                point(2, new float[] {1, 0}, Map.of("meta", Payloads.value(Map.of("tags", List.of("b"))))));
        await(client.deleteAsync(c, List.of(id(1))));
        assertThat(facet(c, "meta.tags", true, null, 10)).containsExactly("b=1", "a=0");
    }

    @Test
    void eachShardsIndexKeepsItsOwn() {
        String c = uniqueName("sharded");
        await(client.createCollectionAsync(CreateCollection.newBuilder().setCollectionName(c)
                .setVectorsConfig(VectorsConfig.newBuilder().setParams(
                        VectorParams.newBuilder().setSize(2).setDistance(Distance.Dot)))
                .setShardingMethod(ShardingMethod.Custom).build()));
        for (String key : List.of("a", "b")) {
            await(client.createShardKeyAsync(CreateShardKeyRequest.newBuilder().setCollectionName(c)
                    .setRequest(CreateShardKey.newBuilder().setShardKey(shardKey(key))).build()));
        }
        createIndex(c, "city", PayloadSchemaType.Keyword);
        await(client.upsertAsync(UpsertPoints.newBuilder().setCollectionName(c).setWait(true)
                .setShardKeySelector(shardKeySelector("a"))
                .addPoints(point(1, new float[] {1, 0}, payload("city", "Oslo"))).build()));
        await(client.upsertAsync(UpsertPoints.newBuilder().setCollectionName(c).setWait(true)
                .setShardKeySelector(shardKeySelector("b"))
                .addPoints(point(2, new float[] {1, 0}, payload("city", "Lima"))).build()));
        await(client.deleteAsync(DeletePoints.newBuilder().setCollectionName(c).setWait(true)
                .setShardKeySelector(shardKeySelector("a"))
                .setPoints(PointsSelector.newBuilder().setPoints(PointsIdsList.newBuilder().addIds(id(1)))).build()));

        // all shards (Collection::facet sums the shards' hits): shard a's index still lists Oslo
        assertThat(facet(c, "city", true, null, 10)).containsExactly("Lima=1", "Oslo=0");
        FacetCounts onlyB = FacetCounts.newBuilder().setCollectionName(c).setKey("city").setExact(true)
                .setShardKeySelector(shardKeySelector("b")).build();
        assertThat(await(client.facetAsync(onlyB))).extracting(FacetValuesText::of).containsExactly("Lima=1");
    }

    /** A hit as {@code value=count}. */
    private static final class FacetValuesText {
        static String of(FacetHit hit) {
            FacetValue value = hit.getValue();
            String text = value.hasIntegerValue() ? Long.toString(value.getIntegerValue())
                    : value.hasBoolValue() ? Boolean.toString(value.getBoolValue()) : value.getStringValue();
            return text + "=" + hit.getCount();
        }
    }
}
