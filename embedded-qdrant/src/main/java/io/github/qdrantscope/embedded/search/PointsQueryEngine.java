package io.github.qdrantscope.embedded.search;

import com.google.protobuf.Message;
import io.github.qdrantscope.embedded.storage.CollectionView;
import io.github.qdrantscope.embedded.storage.PointKey;
import io.github.qdrantscope.embedded.storage.QdrantErrors;
import io.github.qdrantscope.embedded.storage.StoredPoint;
import io.qdrant.client.grpc.Common;
import io.qdrant.client.grpc.Points;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Every read-only Points RPC: scroll, count, the search/query/recommend/discover families, facets and
 * distance matrices, computed by exact (brute-force) scan over a {@link CollectionView}.
 *
 * <p>The gRPC layer resolves the collection (and aliases), takes its read lock, calls one method here
 * and sends the returned response; the {@code time} field (seconds) is filled here. Points of other
 * collections that {@code lookup_from} names come with the view ({@link CollectionView#lookups()}), read
 * before its lock was taken; {@code with_lookup} in another collection is filled by the gRPC layer after
 * the search ({@link GroupLookups}). Errors are thrown as {@link io.grpc.StatusRuntimeException} built with
 * {@link QdrantErrors}, with Qdrant 1.17's message texts; request features the embedded server lacks
 * (inference inputs) answer {@code UNIMPLEMENTED}
 * naming the feature.
 *
 * <p>Stateless and thread-safe: one instance can serve all collections concurrently.
 */
public class PointsQueryEngine {

    /** Qdrant's {@code CollectionQueryRequest::DEFAULT_GROUP_SIZE}. */
    private static final long DEFAULT_GROUP_SIZE = 3;

    public Points.SearchResponse search(CollectionView collection, Points.SearchPoints request) {
        Timer timer = new Timer();
        return Points.SearchResponse.newBuilder()
                .addAllResult(ClassicSearch.run(collection, request, ""))
                .setTime(timer.seconds())
                .build();
    }

    public Points.SearchBatchResponse searchBatch(CollectionView collection, Points.SearchBatchPoints request) {
        Timer timer = new Timer();
        return Points.SearchBatchResponse.newBuilder()
                .addAllResult(entries(collection, request, request.getSearchPointsCount()))
                .setTime(timer.seconds())
                .build();
    }

    public Points.SearchGroupsResponse searchGroups(CollectionView collection, Points.SearchPointGroups request) {
        Timer timer = new Timer();
        long limit = Limits.atLeastOne(Integer.toUnsignedLong(request.getLimit()), "limit");
        long groupSize = Limits.atLeastOne(Integer.toUnsignedLong(request.getGroupSize()), "group_size");
        List<Hit> ranked = ClassicSearch.rankedForGroups(collection, request,
                Grouping.hasGroupValue(request.getGroupBy()));
        Points.GroupsResult groups = Grouping.group(collection, ranked, request.getGroupBy(), groupSize, limit,
                ResultPoints.of(collection, request.hasWithPayload() ? request.getWithPayload() : null,
                        request.hasWithVectors() ? request.getWithVectors() : null),
                request.hasWithLookup() ? request.getWithLookup() : null);
        return Points.SearchGroupsResponse.newBuilder().setResult(groups).setTime(timer.seconds()).build();
    }

    /**
     * Points/Get: the points with the given ids that exist, in request order without repeats, with the
     * same payload and vector selection as every other read (payload and vectors only when asked for).
     */
    public Points.GetResponse get(CollectionView collection, Points.GetPoints request) {
        Timer timer = new Timer();
        Set<PointKey> ids = new LinkedHashSet<>();
        for (Common.PointId id : request.getIdsList()) {
            ids.add(PointKey.of(id));
        }
        ResultPoints out = ResultPoints.of(collection, request.hasWithPayload() ? request.getWithPayload() : null,
                request.hasWithVectors() ? request.getWithVectors() : null);
        Points.GetResponse.Builder response = Points.GetResponse.newBuilder();
        for (PointKey id : ids) {
            StoredPoint point = collection.point(id);
            if (point != null) {
                response.addResult(out.retrieved(point, null));
            }
        }
        return response.setTime(timer.seconds()).build();
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
        Timer timer = new Timer();
        return Points.RecommendResponse.newBuilder()
                .addAllResult(recommendPoints(collection, request, ""))
                .setTime(timer.seconds())
                .build();
    }

    public Points.RecommendBatchResponse recommendBatch(CollectionView collection,
            Points.RecommendBatchPoints request) {
        Timer timer = new Timer();
        return Points.RecommendBatchResponse.newBuilder()
                .addAllResult(entries(collection, request, request.getRecommendPointsCount()))
                .setTime(timer.seconds())
                .build();
    }

    public Points.RecommendGroupsResponse recommendGroups(CollectionView collection,
            Points.RecommendPointGroups request) {
        Timer timer = new Timer();
        long limit = Limits.atLeastOne(Integer.toUnsignedLong(request.getLimit()), "limit");
        long groupSize = Limits.atLeastOne(Integer.toUnsignedLong(request.getGroupSize()), "group_size");
        ExampleSearch search = Recommendation.of(request).toSearch(collection);
        Points.GroupsResult groups = groups(collection, search, request.getGroupBy(), groupSize, limit,
                ResultPoints.of(collection, request.hasWithPayload() ? request.getWithPayload() : null,
                        request.hasWithVectors() ? request.getWithVectors() : null),
                request.hasWithLookup() ? request.getWithLookup() : null);
        return Points.RecommendGroupsResponse.newBuilder().setResult(groups).setTime(timer.seconds()).build();
    }

    public Points.DiscoverResponse discover(CollectionView collection, Points.DiscoverPoints request) {
        Timer timer = new Timer();
        return Points.DiscoverResponse.newBuilder()
                .addAllResult(discoverPoints(collection, request, ""))
                .setTime(timer.seconds())
                .build();
    }

    public Points.DiscoverBatchResponse discoverBatch(CollectionView collection,
            Points.DiscoverBatchPoints request) {
        Timer timer = new Timer();
        return Points.DiscoverBatchResponse.newBuilder()
                .addAllResult(entries(collection, request, request.getDiscoverPointsCount()))
                .setTime(timer.seconds())
                .build();
    }

    public Points.QueryResponse query(CollectionView collection, Points.QueryPoints request) {
        Timer timer = new Timer();
        return Points.QueryResponse.newBuilder()
                .addAllResult(queryPoints(collection, request, ""))
                .setTime(timer.seconds())
                .build();
    }

    public Points.QueryBatchResponse queryBatch(CollectionView collection, Points.QueryBatchPoints request) {
        Timer timer = new Timer();
        return Points.QueryBatchResponse.newBuilder()
                .addAllResult(entries(collection, request, request.getQueryPointsCount()))
                .setTime(timer.seconds())
                .build();
    }

    public Points.QueryGroupsResponse queryGroups(CollectionView collection, Points.QueryPointGroups request) {
        Timer timer = new Timer();
        long limit = request.hasLimit() ? request.getLimit() : UniversalQuery.DEFAULT_LIMIT;
        long groupSize = Limits.atLeastOne(request.hasGroupSize() ? request.getGroupSize() : DEFAULT_GROUP_SIZE,
                "group_size");
        UniversalQuery.Node root = new UniversalQuery.Node(
                UniversalQuery.scaledForGroups(request.getPrefetchList(), limit),
                request.hasQuery() ? request.getQuery() : null, request.hasUsing() ? request.getUsing() : "",
                request.hasFilter() ? request.getFilter() : null,
                request.hasScoreThreshold() ? request.getScoreThreshold() : null, limit,
                request.hasLookupFrom() ? request.getLookupFrom() : null);
        List<Hit> ranked = new UniversalQuery(collection)
                .runUnlimited(root, Grouping.hasGroupValue(request.getGroupBy()), "");
        Points.GroupsResult groups = Grouping.group(collection, ranked, request.getGroupBy(), groupSize, limit,
                ResultPoints.of(collection, request.hasWithPayload() ? request.getWithPayload() : null,
                        request.hasWithVectors() ? request.getWithVectors() : null),
                request.hasWithLookup() ? request.getWithLookup() : null);
        return Points.QueryGroupsResponse.newBuilder().setResult(groups).setTime(timer.seconds()).build();
    }

    public Points.FacetResponse facet(CollectionView collection, Points.FacetCounts request) {
        Timer timer = new Timer();
        return Points.FacetResponse.newBuilder()
                .addAllHits(Facets.count(collection, request))
                .setTime(timer.seconds())
                .build();
    }

    public Points.SearchMatrixPairsResponse searchMatrixPairs(CollectionView collection,
            Points.SearchMatrixPoints request) {
        Timer timer = new Timer();
        DistanceMatrix.Result matrix = DistanceMatrix.compute(collection, request);
        Points.SearchMatrixPairs.Builder pairs = Points.SearchMatrixPairs.newBuilder();
        for (int row = 0; row < matrix.samples().size(); row++) {
            StoredPoint a = matrix.samples().get(row);
            for (Hit b : matrix.nearest().get(row)) {
                pairs.addPairs(Points.SearchMatrixPair.newBuilder()
                        .setA(a.id().toPointId()).setB(b.point().id().toPointId()).setScore(b.score()));
            }
        }
        return Points.SearchMatrixPairsResponse.newBuilder().setResult(pairs).setTime(timer.seconds()).build();
    }

    public Points.SearchMatrixOffsetsResponse searchMatrixOffsets(CollectionView collection,
            Points.SearchMatrixPoints request) {
        Timer timer = new Timer();
        DistanceMatrix.Result matrix = DistanceMatrix.compute(collection, request);
        Points.SearchMatrixOffsets.Builder offsets = Points.SearchMatrixOffsets.newBuilder();
        Map<PointKey, Integer> column = new HashMap<>();
        for (int i = 0; i < matrix.samples().size(); i++) {
            column.put(matrix.samples().get(i).id(), i);
            offsets.addIds(matrix.samples().get(i).id().toPointId());
        }
        for (int row = 0; row < matrix.samples().size(); row++) {
            for (Hit b : matrix.nearest().get(row)) {
                offsets.addOffsetsRow(row).addOffsetsCol(column.get(b.point().id())).addScores(b.score());
            }
        }
        return Points.SearchMatrixOffsetsResponse.newBuilder().setResult(offsets).setTime(timer.seconds()).build();
    }

    /** Every entry of a batch in order ({@link #batchEntry}); a failing entry fails the batch. */
    private List<Points.BatchResult> entries(CollectionView view, Message batch, int count) {
        List<Points.BatchResult> results = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            results.add(batchEntry(view, batch, i));
        }
        return results;
    }

    /**
     * Entry {@code i} of a SearchBatch, RecommendBatch, DiscoverBatch or QueryBatch, answered as its single RPC
     * answers it; a failure's validation path names the entry (e.g. {@code query_points[2].limit}).
     */
    public Points.BatchResult batchEntry(CollectionView view, Message batch, int i) {
        List<Points.ScoredPoint> points;
        if (batch instanceof Points.SearchBatchPoints s) {
            points = ClassicSearch.run(view, s.getSearchPoints(i), "search_points[" + i + "].");
        } else if (batch instanceof Points.RecommendBatchPoints r) {
            points = recommendPoints(view, r.getRecommendPoints(i), "recommend_points[" + i + "].");
        } else if (batch instanceof Points.DiscoverBatchPoints d) {
            points = discoverPoints(view, d.getDiscoverPoints(i), "discover_points[" + i + "].");
        } else {
            points = queryPoints(view, ((Points.QueryBatchPoints) batch).getQueryPoints(i), "query_points[" + i + "].");
        }
        return Points.BatchResult.newBuilder().addAllResult(points).build();
    }

    private static List<Points.ScoredPoint> recommendPoints(CollectionView view, Points.RecommendPoints request,
            String fieldPrefix) {
        long limit = Limits.atLeastOne(request.getLimit(), fieldPrefix + "limit");
        long offset = request.hasOffset() ? request.getOffset() : 0;
        List<Hit> hits = Recommendation.of(request).toSearch(view)
                .run(view, ClassicSearch.saturatedSum(offset, limit));
        return ClassicSearch.page(hits, offset, ResultPoints.of(view,
                request.hasWithPayload() ? request.getWithPayload() : null,
                request.hasWithVectors() ? request.getWithVectors() : null));
    }

    private static List<Points.ScoredPoint> discoverPoints(CollectionView view, Points.DiscoverPoints request,
            String fieldPrefix) {
        long limit = Limits.atLeastOne(request.getLimit(), fieldPrefix + "limit");
        long offset = request.hasOffset() ? request.getOffset() : 0;
        List<Hit> hits = Discovery.toSearch(view, request).run(view, ClassicSearch.saturatedSum(offset, limit));
        return ClassicSearch.page(hits, offset, ResultPoints.of(view,
                request.hasWithPayload() ? request.getWithPayload() : null,
                request.hasWithVectors() ? request.getWithVectors() : null));
    }

    private static List<Points.ScoredPoint> queryPoints(CollectionView view, Points.QueryPoints request,
            String fieldPrefix) {
        UniversalQuery.Node root = new UniversalQuery.Node(request.getPrefetchList(),
                request.hasQuery() ? request.getQuery() : null, request.hasUsing() ? request.getUsing() : "",
                request.hasFilter() ? request.getFilter() : null,
                request.hasScoreThreshold() ? request.getScoreThreshold() : null,
                request.hasLimit() ? request.getLimit() : UniversalQuery.DEFAULT_LIMIT,
                request.hasLookupFrom() ? request.getLookupFrom() : null);
        List<Hit> hits = new UniversalQuery(view).run(root, request.hasOffset() ? request.getOffset() : 0,
                fieldPrefix);
        return ClassicSearch.page(hits, 0, ResultPoints.of(view,
                request.hasWithPayload() ? request.getWithPayload() : null,
                request.hasWithVectors() ? request.getWithVectors() : null));
    }

    private static Points.GroupsResult groups(CollectionView view, ExampleSearch search, String groupBy,
            long groupSize, long limit, ResultPoints out, Points.WithLookup withLookup) {
        ExampleSearch all = search.restrictedTo(Grouping.hasGroupValue(groupBy));
        return Grouping.group(view, all.run(view, view.size()), groupBy, groupSize, limit, out, withLookup);
    }
}
