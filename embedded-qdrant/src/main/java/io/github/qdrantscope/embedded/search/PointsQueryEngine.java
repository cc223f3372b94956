package io.github.qdrantscope.embedded.search;

import io.github.qdrantscope.embedded.storage.CollectionView;
import io.github.qdrantscope.embedded.storage.QdrantErrors;
import io.qdrant.client.grpc.Points;

/**
 * Every read-only Points RPC: scroll, count, the search/query/recommend/discover families, facets and
 * distance matrices, computed by exact (brute-force) scan over a {@link CollectionView}.
 *
 * <p>The gRPC layer resolves the collection (and aliases), takes its read lock, calls one method here
 * and sends the returned response; the {@code time} field is filled here. Errors are thrown as
 * {@link io.grpc.StatusRuntimeException} built with {@link QdrantErrors}.
 *
 * <p>STUB: owned by the search work; the signatures are the contract the gRPC layer codes against.
 */
public class PointsQueryEngine {

    public Points.SearchResponse search(CollectionView collection, Points.SearchPoints request) {
        Timer timer = new Timer();
        return Points.SearchResponse.newBuilder()
                .addAllResult(ClassicSearch.run(collection, request, ""))
                .setTime(timer.seconds())
                .build();
    }

    public Points.SearchBatchResponse searchBatch(CollectionView collection, Points.SearchBatchPoints request) {
        Timer timer = new Timer();
        Points.SearchBatchResponse.Builder response = Points.SearchBatchResponse.newBuilder();
        for (int i = 0; i < request.getSearchPointsCount(); i++) {
            response.addResult(Points.BatchResult.newBuilder().addAllResult(
                    ClassicSearch.run(collection, request.getSearchPoints(i), "search_points[" + i + "].")));
        }
        return response.setTime(timer.seconds()).build();
    }

    public Points.SearchGroupsResponse searchGroups(CollectionView collection, Points.SearchPointGroups request) {
        throw QdrantErrors.unimplemented("Points/SearchGroups");
    }

    public Points.ScrollResponse scroll(CollectionView collection, Points.ScrollPoints request) {
        Timer timer = new Timer();
        return Scroll.run(collection, request).setTime(timer.seconds()).build();
    }

    public Points.CountResponse count(CollectionView collection, Points.CountPoints request) {
        Timer timer = new Timer();
        long count = Scroll.count(collection, request.hasFilter(), request.getFilter());
        return Points.CountResponse.newBuilder()
                .setResult(Points.CountResult.newBuilder().setCount(count))
                .setTime(timer.seconds())
                .build();
    }

    public Points.RecommendResponse recommend(CollectionView collection, Points.RecommendPoints request) {
        throw QdrantErrors.unimplemented("Points/Recommend");
    }

    public Points.RecommendBatchResponse recommendBatch(CollectionView collection, Points.RecommendBatchPoints request) {
        throw QdrantErrors.unimplemented("Points/RecommendBatch");
    }

    public Points.RecommendGroupsResponse recommendGroups(CollectionView collection, Points.RecommendPointGroups request) {
        throw QdrantErrors.unimplemented("Points/RecommendGroups");
    }

    public Points.DiscoverResponse discover(CollectionView collection, Points.DiscoverPoints request) {
        throw QdrantErrors.unimplemented("Points/Discover");
    }

    public Points.DiscoverBatchResponse discoverBatch(CollectionView collection, Points.DiscoverBatchPoints request) {
        throw QdrantErrors.unimplemented("Points/DiscoverBatch");
    }

    public Points.QueryResponse query(CollectionView collection, Points.QueryPoints request) {
        throw QdrantErrors.unimplemented("Points/Query");
    }

    public Points.QueryBatchResponse queryBatch(CollectionView collection, Points.QueryBatchPoints request) {
        throw QdrantErrors.unimplemented("Points/QueryBatch");
    }

    public Points.QueryGroupsResponse queryGroups(CollectionView collection, Points.QueryPointGroups request) {
        throw QdrantErrors.unimplemented("Points/QueryGroups");
    }

    public Points.FacetResponse facet(CollectionView collection, Points.FacetCounts request) {
        throw QdrantErrors.unimplemented("Points/Facet");
    }

    public Points.SearchMatrixPairsResponse searchMatrixPairs(CollectionView collection, Points.SearchMatrixPoints request) {
        throw QdrantErrors.unimplemented("Points/SearchMatrixPairs");
    }

    public Points.SearchMatrixOffsetsResponse searchMatrixOffsets(CollectionView collection, Points.SearchMatrixPoints request) {
        throw QdrantErrors.unimplemented("Points/SearchMatrixOffsets");
    }
}
