package io.github.qdrantscope.embedded.conformance;

import static io.qdrant.client.ConditionFactory.hasId;
import static io.qdrant.client.PointIdFactory.id;
import static io.qdrant.client.QueryFactory.nearest;
import static io.qdrant.client.ValueFactory.value;
import static io.qdrant.client.VectorFactory.vector;
import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Status;
import io.qdrant.client.grpc.Collections.CreateCollection;
import io.qdrant.client.grpc.Collections.SparseVectorConfig;
import io.qdrant.client.grpc.Collections.SparseVectorParams;
import io.qdrant.client.grpc.Common.Filter;
import io.qdrant.client.grpc.Points.PrefetchQuery;
import io.qdrant.client.grpc.Points.QueryPoints;
import io.qdrant.client.grpc.Points.PointGroup;
import io.qdrant.client.grpc.Points.ScoredPoint;
import io.qdrant.client.grpc.Points.SearchPointGroups;
import io.qdrant.client.grpc.Points.SearchPoints;
import io.qdrant.client.grpc.Points.SparseIndices;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Query {@code nearest} with a sparse vector {@code using} a sparse name: dot product over the shared
 * indices, points without the vector or without a shared index left out, limit, offset, filter and
 * threshold.
 */
class SparseQueryConformanceTest extends ConformanceTestBase {

    private String collection;

    @BeforeAll
    void fill() {
        collection = SparseFixture.create(client, "sparseq");
    }

    /** The query {3: 2, 1: 1}, sent unsorted. */
    private QueryPoints.Builder query() {
        return QueryPoints.newBuilder().setCollectionName(collection).setUsing("text")
                .setQuery(nearest(List.of(2f, 1f), List.of(3, 1)));
    }

    private List<ScoredPoint> run(QueryPoints.Builder request) {
        return await(client.queryAsync(request.build()));
    }

    @Test
    void scoresAreDotProductsOverSharedIndicesAndPointsWithoutOverlapAreLeftOut() {
        List<ScoredPoint> result = run(query());

        // 1: 1*1 + 2*2; 2 and 6: 2*1 (a tie: Qdrant leaves its order open, the embedded server orders ties
        // by ascending id, docs/embedded-qdrant.md); 5: 0.5*1 + 0.5*2. Point 3 shares no index and
        // point 4 has no sparse vector: Qdrant's sparse search only walks the posting lists of the query's
        // indices (lib/sparse/src/index/search_context.rs), so neither is a result, not even with score 0
        assertThat(idsOf(result)).containsExactly(1L, 2L, 6L, 5L);
        assertThat(scoresOf(result)).containsExactly(5f, 2f, 2f, 1.5f);
    }

    @Test
    void limitAndOffsetPage() {
        assertThat(idsOf(run(query().setLimit(2)))).containsExactly(1L, 2L);
        assertThat(idsOf(run(query().setLimit(2).setOffset(2)))).containsExactly(6L, 5L);
    }

    @Test
    void filterRestrictsTheCandidates() {
        Filter filter = Filter.newBuilder().addMust(hasId(List.of(id(3), id(5), id(6)))).build();

        List<ScoredPoint> result = run(query().setFilter(filter));

        assertThat(idsOf(result)).containsExactly(6L, 5L);
        assertThat(scoresOf(result)).containsExactly(2f, 1.5f);
    }

    @Test
    void scoreThresholdIsExclusiveAsForDot() {
        // sparse vectors score with Dot (CollectionParams::get_distance, lib/collection/src/config.rs),
        // whose check_threshold keeps score > threshold: the two points scoring exactly 2 are left out
        assertThat(idsOf(run(query().setScoreThreshold(2f)))).containsExactly(1L);
        assertThat(idsOf(run(query().setScoreThreshold(1.9f)))).containsExactly(1L, 2L, 6L);
    }

    @Test
    void withVectorsReturnsTheStoredSparseVector() {
        List<ScoredPoint> result = run(query().setLimit(1).setWithVectors(
                io.qdrant.client.WithVectorsSelectorFactory.enable(true)));

        assertThat(result.get(0).getVectors().getVectors().getVectorsOrThrow("text").getSparse().getIndicesList())
                .containsExactly(1, 3);
    }

    @Test
    void aSparseQueryRescoresASparsePrefetch() {
        // the prefetch keeps 1 and 2 (scores 5 and 2); the root query {2: 1} shares an index only with 2
        List<ScoredPoint> result = run(QueryPoints.newBuilder().setCollectionName(collection)
                .addPrefetch(PrefetchQuery.newBuilder().setUsing("text")
                        .setQuery(nearest(List.of(2f, 1f), List.of(3, 1))).setLimit(2))
                .setUsing("text").setQuery(nearest(List.of(1f), List.of(2))));

        assertThat(idsOf(result)).containsExactly(2L);
        assertThat(scoresOf(result)).containsExactly(1f);
    }

    @Test
    void duplicateQueryIndicesAreRejected() {
        // validate_sparse_vector_impl reached through QueryPoints.query, Query.variant and VectorInput.variant
        // (lib/api/build.rs); the oneof impls in between add no names (lib/api/src/grpc/validate.rs)
        assertGrpcError(() -> run(QueryPoints.newBuilder().setCollectionName(collection).setUsing("text")
                        .setQuery(nearest(List.of(1f, 1f), List.of(3, 3)))),
                Status.Code.INVALID_ARGUMENT,
                "Validation error in body: [query.variant.variant.indices: must be unique]");
    }

    @Test
    void aLengthMismatchInAPrefetchNamesThePrefetch() {
        assertGrpcError(() -> run(QueryPoints.newBuilder().setCollectionName(collection)
                        .addPrefetch(PrefetchQuery.newBuilder().setUsing("text")
                                .setQuery(nearest(List.of(1f), List.of(3, 1))))
                        .setUsing("text").setQuery(nearest(List.of(1f), List.of(2)))),
                Status.Code.INVALID_ARGUMENT, "Validation error in body: "
                        + "[prefetch[0].query.variant.variant.values: must be the same length as indices]");
    }

    private SearchPoints.Builder legacySearch() {
        // the query {3: 2, 1: 1} in the classic Search form: values in `vector`, indices in `sparse_indices`
        return SearchPoints.newBuilder().setCollectionName(collection).setVectorName("text")
                .addAllVector(List.of(2f, 1f)).setSparseIndices(SparseIndices.newBuilder().addAllData(List.of(3, 1)))
                .setLimit(10);
    }

    @Test
    void theClassicSearchTakesASparseVectorAsValuesPlusSparseIndices() {
        // VectorInternal::from_vector_and_indices (lib/segment/src/data_types/vectors.rs): the same search
        List<ScoredPoint> result = await(client.searchAsync(legacySearch().build()));
        assertThat(idsOf(result)).containsExactly(1L, 2L, 6L, 5L);
        assertThat(scoresOf(result)).containsExactly(5f, 2f, 2f, 1.5f);

        List<ScoredPoint> paged = await(client.searchAsync(legacySearch().setLimit(1).setOffset(1)
                .setScoreThreshold(1.5f).build()));
        assertThat(idsOf(paged)).containsExactly(2L);
    }

    @Test
    void searchGroupsTakesASparseVectorToo() {
        String c = uniqueName("sparseg");
        await(client.createCollectionAsync(CreateCollection.newBuilder().setCollectionName(c)
                .setSparseVectorsConfig(SparseVectorConfig.newBuilder()
                        .putMap("text", SparseVectorParams.getDefaultInstance()))
                .build()));
        await(client.upsertAsync(c, List.of(
                SparseFixture.sparsePoint(1, List.of(3), List.of(1f)).toBuilder().putPayload("g", value("a")).build(),
                SparseFixture.sparsePoint(2, List.of(3), List.of(2f)).toBuilder().putPayload("g", value("a")).build(),
                SparseFixture.sparsePoint(3, List.of(1), List.of(1f)).toBuilder().putPayload("g", value("b")).build())));

        List<PointGroup> groups = await(client.searchGroupsAsync(SearchPointGroups.newBuilder()
                .setCollectionName(c).setVectorName("text").addAllVector(List.of(1f, 1f))
                .setSparseIndices(SparseIndices.newBuilder().addAllData(List.of(3, 1)))
                .setGroupBy("g").setGroupSize(2).setLimit(3).build()));

        assertThat(describeGroups(groups)).containsExactly("a=[2, 1]", "b=[3]");
    }

    @Test
    void sparseIndicesForADenseVectorAndADenseVectorForASparseOneAreRejected() {
        assertGrpcError(() -> await(client.searchAsync(legacySearch().setVectorName("dense").build())),
                Status.Code.INVALID_ARGUMENT, "Wrong input: Conversion between sparse and regular vectors failed");
        assertGrpcError(() -> await(client.searchAsync(legacySearch().clearSparseIndices().build())),
                Status.Code.INVALID_ARGUMENT, "Wrong input: Conversion between sparse and regular vectors failed");
        assertGrpcError(() -> await(client.searchAsync(legacySearch().setSparseIndices(
                        SparseIndices.newBuilder().addAllData(List.of(3, 3))).build())),
                Status.Code.INVALID_ARGUMENT, "Validation error in body: [sparse_indices.indices: must be unique]");
    }
}
