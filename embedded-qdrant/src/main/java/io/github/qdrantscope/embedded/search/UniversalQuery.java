package io.github.qdrantscope.embedded.search;

import io.github.qdrantscope.embedded.search.QueryScoring.FusionSpec;
import io.github.qdrantscope.embedded.search.QueryScoring.Scoring;
import io.github.qdrantscope.embedded.storage.CollectionView;
import io.github.qdrantscope.embedded.storage.PointKey;
import io.github.qdrantscope.embedded.storage.QdrantErrors;
import io.github.qdrantscope.embedded.storage.StoredPoint;
import io.qdrant.client.grpc.Common.Filter;
import io.qdrant.client.grpc.Points.LookupLocation;
import io.qdrant.client.grpc.Points.OrderBy;
import io.qdrant.client.grpc.Points.PrefetchQuery;
import io.qdrant.client.grpc.Points.Query;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The Query API ({@code QueryPoints}) as Qdrant 1.17 plans and runs it
 * ({@code universal_query/collection_query.rs}, {@code lib/shard/src/query/planned_query.rs},
 * {@code local_shard/query.rs}, {@code collection/query.rs}):
 * <ul>
 *   <li>every point id used as an example anywhere in the tree is excluded from all results;</li>
 *   <li>the root filter is merged into every prefetch's filter down to the leaves, which alone apply
 *       it ({@link PointFilter#merge}: should lists are concatenated); the example exclusion is ANDed;</li>
 *   <li>a leaf runs its query over the collection (no query: id order, score 1.0);</li>
 *   <li>a node with prefetches re-scores the union of its sources: a vector query or order_by
 *       over those points only, or fusion (RRF/DBSF) of the source rankings;</li>
 *   <li>the root fetches {@code limit + offset}, then skips {@code offset}.</li>
 * </ul>
 */
final class UniversalQuery {

    static final long DEFAULT_LIMIT = 10;

    /** One level of the request tree (the root request or a prefetch), read from the wire. */
    record Node(List<PrefetchQuery> prefetch, Query query, String using, Filter filter, Float threshold,
            long limit, LookupLocation lookupFrom) {

        static Node of(PrefetchQuery p) {
            return new Node(p.getPrefetchList(), p.hasQuery() ? p.getQuery() : null,
                    p.hasUsing() ? p.getUsing() : "", p.hasFilter() ? p.getFilter() : null,
                    p.hasScoreThreshold() ? p.getScoreThreshold() : null,
                    p.hasLimit() ? p.getLimit() : DEFAULT_LIMIT, p.hasLookupFrom() ? p.getLookupFrom() : null);
        }

        boolean isRandomSample() {
            return query != null && query.getVariantCase() == Query.VariantCase.SAMPLE;
        }
    }

    private record Plan(List<Plan> prefetches, Scoring scoring, Filter rawFilter, Predicate<StoredPoint> filter,
            Float threshold, long limit) {
    }

    private final CollectionView view;
    private final Set<PointKey> referenced = new LinkedHashSet<>();

    UniversalQuery(CollectionView view) {
        this.view = view;
    }

    /**
     * Runs a root request: the returned hits are the final page ({@code offset} skipped).
     *
     * @param fieldPrefix validation path prefix for batch elements, e.g. {@code query_points[1].}
     */
    List<Hit> run(Node root, long offset, String fieldPrefix) {
        QueryValidation.validateTree(root, fieldPrefix);
        Plan plan = plan(root);
        Predicate<StoredPoint> notReferenced = referenced.isEmpty() ? null : p -> !referenced.contains(p.id());
        // a random sample without prefetches ignores the offset: its output is not stable anyway
        long effectiveOffset = root.isRandomSample() && root.prefetch().isEmpty() ? 0 : offset;
        List<Hit> hits = execute(plan, notReferenced, null, ClassicSearch.saturatedSum(root.limit(), effectiveOffset));
        if (effectiveOffset >= hits.size()) {
            return List.of();
        }
        return hits.subList((int) effectiveOffset, hits.size());
    }

    /**
     * All hits of a root request without a limit, for grouping (the caller adds its own filter).
     */
    List<Hit> runUnlimited(Node root, Predicate<StoredPoint> extraFilter, String fieldPrefix) {
        QueryValidation.validateTree(root, fieldPrefix);
        Plan plan = plan(root);
        Predicate<StoredPoint> notReferenced = referenced.isEmpty() ? null : p -> !referenced.contains(p.id());
        return execute(plan, PointFilter.and(notReferenced, extraFilter), null, Long.MAX_VALUE);
    }

    /**
     * QueryGroups multiplies every prefetch limit by the number of groups, so that enough candidates
     * reach the grouping ({@code increase_limit_for_group} in {@code grouping/group_by.rs}).
     */
    static List<PrefetchQuery> scaledForGroups(List<PrefetchQuery> prefetch, long groups) {
        List<PrefetchQuery> out = new ArrayList<>(prefetch.size());
        for (PrefetchQuery p : prefetch) {
            long limit = p.hasLimit() ? p.getLimit() : DEFAULT_LIMIT;
            out.add(p.toBuilder().setLimit(ClassicSearch.saturatedProduct(limit, groups)).clearPrefetch()
                    .addAllPrefetch(scaledForGroups(p.getPrefetchList(), groups)).build());
        }
        return out;
    }

    // ---- planning: resolve names, examples and filters once ----

    private Plan plan(Node node) {
        List<Plan> children = new ArrayList<>(node.prefetch().size());
        for (PrefetchQuery p : node.prefetch()) {
            children.add(plan(Node.of(p)));
        }
        Predicate<StoredPoint> filter = PointFilter.compile(view, node.filter() != null, node.filter());
        boolean hasQuery = node.query() != null && node.query().getVariantCase() != Query.VariantCase.VARIANT_NOT_SET;
        Scoring scoring = hasQuery ? new QueryScoring(view, referenced).of(node) : Scoring.NONE;
        if (scoring.fusion() != null && children.isEmpty()) {
            throw QdrantErrors.wrongInput("Validation failed: cannot apply Fusion without prefetches");
        }
        if (scoring.formula() != null && children.isEmpty()) {
            // planned_query.rs: a formula re-scores prefetch results, it does not search
            throw QdrantErrors.wrongInput("Validation failed: cannot apply Formula without prefetches");
        }
        return new Plan(children, scoring, node.filter(), filter, node.threshold(), node.limit());
    }

    // ---- execution ----

    /**
     * @param exclusion ANDed at the leaves (example ids, QueryGroups' group_by key)
     * @param inherited the filters of the levels above, merged ({@link PointFilter#merge}); {@code null}: none
     */
    private List<Hit> execute(Plan plan, Predicate<StoredPoint> exclusion, Filter inherited, long limit) {
        Scoring scoring = plan.scoring();
        if (plan.prefetches().isEmpty()) {
            Filter merged = PointFilter.merge(inherited, plan.rawFilter());
            Predicate<StoredPoint> own = inherited == null ? plan.filter()
                    : PointFilter.compile(view, merged != null, merged);
            return executeLeaf(scoring, PointFilter.and(exclusion, own), plan.threshold(), limit);
        }
        Filter merged = PointFilter.merge(inherited, plan.rawFilter());
        List<List<Hit>> sources = new ArrayList<>(plan.prefetches().size());
        for (Plan child : plan.prefetches()) {
            sources.add(execute(child, exclusion, merged, child.limit()));
        }
        if (scoring.fusion() != null) {
            FusionSpec f = scoring.fusion();
            List<Hit> fused = f.rrf() ? Fusion.rrf(sources, f.k(), f.weights()) : Fusion.dbsf(sources);
            List<Hit> out = new ArrayList<>();
            for (Hit h : fused) {
                // Qdrant's fusion threshold is inclusive (take_while score >= threshold)
                if (out.size() >= limit || (plan.threshold() != null && h.score() < plan.threshold())) {
                    break;
                }
                out.add(h);
            }
            return out;
        }
        Map<PointKey, StoredPoint> candidates = new LinkedHashMap<>();
        for (List<Hit> source : sources) {
            for (Hit h : source) {
                candidates.putIfAbsent(h.point().id(), h.point());
            }
        }
        if (scoring.formula() != null) {
            return FormulaScorer.rescore(scoring.formula(), sources, candidates.values(), plan.threshold(), limit);
        }
        if (scoring.sparse() != null) {
            return scoring.sparse().run(candidates.values(), null, plan.threshold(), limit);
        }
        if (scoring.mmr() != null) {
            return scoring.mmr().runOn(candidates.values(), plan.threshold(), limit);
        }
        if (scoring.vector() != null) {
            return new CoreSearch(scoring.vector().space(), scoring.vector().query(), null, Set.of(),
                    plan.threshold()).runOn(candidates.values(), limit);
        }
        if (scoring.orderBy() != null) {
            return orderBy(candidates.values(), scoring.orderBy(), null, limit);
        }
        return Sampling.random(candidates.values(), null, limit);
    }

    private List<Hit> executeLeaf(Scoring scoring, Predicate<StoredPoint> filter, Float threshold, long limit) {
        if (scoring.sparse() != null) {
            return scoring.sparse().run(view, filter, threshold, limit);
        }
        if (scoring.mmr() != null) {
            return scoring.mmr().run(view, filter, threshold, limit);
        }
        if (scoring.vector() != null) {
            return new CoreSearch(scoring.vector().space(), scoring.vector().query(), filter, Set.of(), threshold)
                    .run(view, limit);
        }
        if (scoring.orderBy() != null) {
            return orderBy(view.points(), scoring.orderBy(), filter, limit);
        }
        if (scoring.sample()) {
            return Sampling.random(view.points(), filter, limit);
        }
        List<Hit> hits = new ArrayList<>();
        for (StoredPoint point : view.points()) {
            if (hits.size() >= limit) {
                break;
            }
            if (PointFilter.matches(filter, point)) {
                hits.add(new Hit(point, 1.0f));
            }
        }
        return hits;
    }

    private List<Hit> orderBy(Iterable<StoredPoint> points, OrderBy orderBy, Predicate<StoredPoint> filter,
            long limit) {
        List<Hit> hits = new ArrayList<>();
        for (OrderByScan.Entry e : OrderByScan.scan(view, points, orderBy, filter, limit,
                OrderByScan.MissingIndexError.QUERY)) {
            hits.add(new Hit(e.point(), 1.0f, e.orderValue()));
        }
        return hits;
    }
}
