package io.github.qdrantscope.embedded.conformance;

import static io.qdrant.client.PointIdFactory.id;
import static io.qdrant.client.QueryFactory.nearest;
import static io.qdrant.client.ValueFactory.value;
import static io.qdrant.client.VectorFactory.vector;
import static io.qdrant.client.VectorInputFactory.vectorInput;
import static io.qdrant.client.VectorsFactory.namedVectors;
import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Status;
import io.qdrant.client.grpc.Collections.Distance;
import io.qdrant.client.grpc.Points.DiscoverPoints;
import io.qdrant.client.grpc.Points.LookupLocation;
import io.qdrant.client.grpc.Points.PointGroup;
import io.qdrant.client.grpc.Points.PointStruct;
import io.qdrant.client.grpc.Points.PrefetchQuery;
import io.qdrant.client.grpc.Points.QueryPointGroups;
import io.qdrant.client.grpc.Points.QueryPoints;
import io.qdrant.client.grpc.Points.RecommendPoints;
import io.qdrant.client.grpc.Points.ScoredPoint;
import io.qdrant.client.grpc.Points.SearchPointGroups;
import io.qdrant.client.grpc.Points.TargetVector;
import io.qdrant.client.grpc.Points.VectorExample;
import io.qdrant.client.grpc.Points.WithLookup;
import io.qdrant.client.grpc.Points.WithPayloadSelector;
import io.qdrant.client.grpc.Points.WithVectorsSelector;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code lookup_from} and {@code with_lookup} naming another collection than the one searched. Example ids are read
 * in that collection's vector ({@code lookup_from.vector_name}, else {@code using}) and, unlike ids of the searched
 * collection, are not excluded from the results (lib/collection/src/universal_query/collection_query.rs
 * get_referenced_point_ids_on_collection, recommendations.rs recommend_into_core_search); the lookup collection is
 * only read when an id is referenced (common/fetch_vectors.rs). Each group's {@code with_lookup} point is the lookup
 * collection's point whose id is the group id (lookup/mod.rs).
 */
class LookupConformanceTest extends ConformanceTestBase {

    /** Dot items 1:[1,0] 2:[0,2] 3:[1,1]; searched near [0,1] they rank 2 (2.0), 3 (1.0), 1 (0.0). */
    private String items() {
        String c = newCollection(2, Distance.Dot);
        upsert(c, point(1, new float[] {1, 0}, Map.of("owner", value(10))),
                point(2, new float[] {0, 2}, Map.of("owner", value(11))),
                point(3, new float[] {1, 1}, Map.of("owner", value(10))));
        return c;
    }

    /** A collection with the Dot vector "u": point 1 is [0,1], point 2 [1,0]; payload names them. */
    private String users() {
        String c = newNamedCollection(Distance.Dot, Map.of("u", 2));
        await(client.upsertAsync(c, List.of(
                PointStruct.newBuilder().setId(id(1)).setVectors(namedVectors(Map.of("u", vector(0, 1))))
                        .putPayload("name", value("one")).build(),
                PointStruct.newBuilder().setId(id(2)).setVectors(namedVectors(Map.of("u", vector(1, 0))))
                        .putPayload("name", value("two")).build())));
        return c;
    }

    private static LookupLocation in(String collection, String vector) {
        LookupLocation.Builder location = LookupLocation.newBuilder().setCollectionName(collection);
        return vector == null ? location.build() : location.setVectorName(vector).build();
    }

    private List<ScoredPoint> query(QueryPoints.Builder request) {
        return await(client.queryAsync(request.build()));
    }

    @Test
    void queryByIdReadsTheLookupCollectionsVectorAndKeepsThatIdInTheResults() {
        String items = items();
        String users = users();
        List<ScoredPoint> hits = query(QueryPoints.newBuilder().setCollectionName(items)
                .setQuery(nearest(id(1))).setLookupFrom(in(users, "u")));
        assertThat(idsOf(hits)).containsExactly(2L, 3L, 1L);
        assertThat(scoresOf(hits)).containsExactly(2f, 1f, 0f);
    }

    @Test
    void aPrefetchUsesItsOwnLookupFrom() {
        String items = items();
        String users = users();
        // the prefetch keeps 2 and 3 (near users' [0,1]); the root re-scores them near [1,0]
        List<ScoredPoint> hits = query(QueryPoints.newBuilder().setCollectionName(items)
                .addPrefetch(PrefetchQuery.newBuilder().setQuery(nearest(id(1))).setLookupFrom(in(users, "u"))
                        .setLimit(2))
                .setQuery(nearest(1f, 0f)));
        assertThat(idsOf(hits)).containsExactly(3L, 2L);
        assertThat(scoresOf(hits)).containsExactly(1f, 0f);
    }

    @Test
    void classicRecommendAndDiscoverReadExamplesInTheLookupCollection() {
        String items = items();
        String users = users();
        List<ScoredPoint> recommended = await(client.recommendAsync(RecommendPoints.newBuilder()
                .setCollectionName(items).addPositive(id(1)).setLookupFrom(in(users, "u")).setLimit(10).build()));
        assertThat(idsOf(recommended)).containsExactly(2L, 3L, 1L);
        assertThat(scoresOf(recommended)).containsExactly(2f, 1f, 0f);
        // discover with only a target ranks by the target's similarity: users' point 2 is [1,0]
        List<ScoredPoint> discovered = await(client.discoverAsync(DiscoverPoints.newBuilder()
                .setCollectionName(items).setTarget(TargetVector.newBuilder()
                        .setSingle(VectorExample.newBuilder().setId(id(2))))
                .setLookupFrom(in(users, "u")).setLimit(10).build()));
        assertThat(idsOf(discovered)).containsExactly(1L, 3L, 2L);
    }

    @Test
    void lookupErrorsUseQdrantsStatusAndText() {
        String items = items();
        String users = users();
        assertGrpcError(() -> query(QueryPoints.newBuilder().setCollectionName(items).setQuery(nearest(id(1)))
                .setLookupFrom(in("nope", "u"))), Status.Code.NOT_FOUND, "Not found: Collection nope");
        assertGrpcError(() -> query(QueryPoints.newBuilder().setCollectionName(items).setQuery(nearest(id(9)))
                .setLookupFrom(in(users, "u"))), Status.Code.NOT_FOUND, "Not found: No point with id 9 found");
        assertGrpcError(() -> query(QueryPoints.newBuilder().setCollectionName(items).setQuery(nearest(id(1)))
                .setLookupFrom(in(users, "x"))), Status.Code.INVALID_ARGUMENT,
                "Wrong input: Not existing vector name error: x");
        // without vector_name the searched `using` ("") is read, which users lacks
        assertGrpcError(() -> await(client.recommendAsync(RecommendPoints.newBuilder().setCollectionName(items)
                .addPositive(id(1)).setLookupFrom(in(users, null)).setLimit(10).build())),
                Status.Code.INVALID_ARGUMENT, "Wrong input: Not existing vector name error: ");
        // a raw vector references no id: the lookup collection is never read
        assertThat(idsOf(query(QueryPoints.newBuilder().setCollectionName(items)
                .setQuery(nearest(vectorInput(0f, 1f))).setLookupFrom(in("nope", "u")))))
                .containsExactly(2L, 3L, 1L);
    }

    @Test
    void groupsLookUpTheirIdsInAnotherCollection() {
        String items = items();
        String owners = newCollection(1, Distance.Dot);
        upsert(owners, point(10, new float[] {5}, Map.of("name", value("ten"))));
        List<PointGroup> groups = await(client.searchGroupsAsync(SearchPointGroups.newBuilder()
                .setCollectionName(items).addAllVector(List.of(0f, 1f)).setGroupBy("owner").setGroupSize(2)
                .setLimit(5).setWithLookup(WithLookup.newBuilder().setCollection(owners)
                        .setWithVectors(WithVectorsSelector.newBuilder().setEnable(true)))
                .build()));
        assertThat(describeGroups(groups)).containsExactly("11=[2]", "10=[3, 1]");
        assertThat(groups.get(0).hasLookup()).isFalse();
        assertThat(idValue(groups.get(1).getLookup().getId())).isEqualTo(10L);
        assertThat(groups.get(1).getLookup().getPayloadMap().get("name").getStringValue()).isEqualTo("ten");
        assertThat(groups.get(1).getLookup().getVectors().getVector().getDense().getDataList()).containsExactly(5f);

        List<PointGroup> queried = await(client.queryGroupsAsync(QueryPointGroups.newBuilder()
                .setCollectionName(items).setQuery(nearest(0f, 1f)).setGroupBy("owner").setGroupSize(1)
                .setWithLookup(WithLookup.newBuilder().setCollection(owners)
                        .setWithPayload(WithPayloadSelector.newBuilder().setEnable(false)))
                .build()));
        assertThat(describeGroups(queried)).containsExactly("11=[2]", "10=[3]");
        assertThat(queried.get(1).getLookup().getPayloadMap()).isEmpty();
        assertThat(idValue(queried.get(1).getLookup().getId())).isEqualTo(10L);

        assertGrpcError(() -> await(client.searchGroupsAsync(SearchPointGroups.newBuilder()
                .setCollectionName(items).addAllVector(List.of(0f, 1f)).setGroupBy("owner").setGroupSize(1)
                .setLimit(5).setWithLookup(WithLookup.newBuilder().setCollection("nope")).build())),
                Status.Code.NOT_FOUND, "Not found: Collection nope");
    }
}
