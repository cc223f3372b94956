package io.github.qdrantscope.embedded.search;

import io.github.qdrantscope.embedded.storage.CollectionView;
import io.github.qdrantscope.embedded.storage.PointKey;
import io.github.qdrantscope.embedded.storage.QdrantErrors;
import io.github.qdrantscope.embedded.storage.SparseVec;
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

    /** How a planned node scores: exactly one of the fields is set, or none (id order). */
    private record Scoring(CoreSearchSpec vector, OrderBy orderBy, FusionSpec fusion, boolean sample,
            SparseRanking sparse, MaximalMarginalRelevance mmr, Formula formula) {
        Scoring(CoreSearchSpec vector, OrderBy orderBy, FusionSpec fusion, boolean sample) {
            this(vector, orderBy, fusion, sample, null, null, null);
        }

        Scoring(CoreSearchSpec vector, OrderBy orderBy, FusionSpec fusion, boolean sample, SparseRanking sparse,
                MaximalMarginalRelevance mmr) {
            this(vector, orderBy, fusion, sample, sparse, mmr, null);
        }
    }

    private record CoreSearchSpec(VectorSpace space, VectorQuery query) {
    }

    private record FusionSpec(boolean rrf, int k, List<Float> weights) {
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
        validateTree(root, fieldPrefix);
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
        validateTree(root, fieldPrefix);
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

    // ---- validation (CollectionQueryRequest::validation, applied to every level) ----

    private void validateTree(Node node, String path) {
        Limits.atLeastOne(node.limit(), path + "limit");
        if (node.query() != null && node.query().getVariantCase() == Query.VariantCase.VARIANT_NOT_SET) {
            // the gRPC conversion (convert_query in src/common/inference/query_requests_grpc.rs) refuses it
            throw QdrantErrors.invalidArgument("Query variant is missing");
        }
        boolean hasQuery = node.query() != null && node.query().getVariantCase() != Query.VariantCase.VARIANT_NOT_SET;
        if (hasQuery && node.query().hasNearest()) {
            SparseSearch.validateNearest(node.query().getNearest(), path + "query");
        }
        if (hasQuery && node.query().hasNearestWithMmr()) {
            MaximalMarginalRelevance.validate(node.query().getNearestWithMmr().getMmr(), path + "query");
        }
        if (hasQuery && node.query().hasRelevanceFeedback()) {
            RelevanceFeedback.validate(node.query().getRelevanceFeedback(), path + "query");
        }
        if (hasQuery && node.query().hasRrf() && node.query().getRrf().hasK()) {
            // Rrf.k is validated range(min = 1); k = 0 would give the top rank an infinite score
            Limits.atLeastOne(node.query().getRrf().getK(), path + "query.variant.k");
        }
        if (!node.prefetch().isEmpty() && !hasQuery) {
            throw badRequest("A query is needed to merge the prefetches. Can't have prefetches without defining a"
                    + " query.");
        }
        if (node.threshold() != null) {
            if (!hasQuery) {
                throw badRequest("A query is needed to use the score_threshold. Can't have score_threshold without"
                        + " defining a query.");
            }
            if (node.query().getVariantCase() == Query.VariantCase.ORDER_BY) {
                throw badRequest("Can't use score_threshold with an order_by query.");
            }
        }
        if (hasQuery && isFusion(node.query()) && !node.using().isEmpty()) {
            throw badRequest("Fusion queries cannot be combined with the 'using' field.");
        }
        for (int i = 0; i < node.prefetch().size(); i++) {
            validateTree(Node.of(node.prefetch().get(i)), path + "prefetch[" + i + "].");
        }
    }

    private static boolean isFusion(Query q) {
        return q.getVariantCase() == Query.VariantCase.FUSION || q.getVariantCase() == Query.VariantCase.RRF;
    }

    private static RuntimeException badRequest(String message) {
        return QdrantErrors.invalidArgument("Bad request: " + message);
    }

    // ---- planning: resolve names, examples and filters once ----

    private Plan plan(Node node) {
        List<Plan> children = new ArrayList<>(node.prefetch().size());
        for (PrefetchQuery p : node.prefetch()) {
            children.add(plan(Node.of(p)));
        }
        Predicate<StoredPoint> filter = PointFilter.compile(node.filter() != null, node.filter());
        boolean hasQuery = node.query() != null && node.query().getVariantCase() != Query.VariantCase.VARIANT_NOT_SET;
        Scoring scoring = hasQuery ? scoring(node) : new Scoring(null, null, null, false);
        if (scoring.fusion() != null && children.isEmpty()) {
            throw QdrantErrors.wrongInput("Validation failed: cannot apply Fusion without prefetches");
        }
        if (scoring.formula() != null && children.isEmpty()) {
            // planned_query.rs: a formula re-scores prefetch results, it does not search
            throw QdrantErrors.wrongInput("Validation failed: cannot apply Formula without prefetches");
        }
        return new Plan(children, scoring, node.filter(), filter, node.threshold(), node.limit());
    }

    private Scoring scoring(Node node) {
        Query q = node.query();
        return switch (q.getVariantCase()) {
            case NEAREST, RECOMMEND, DISCOVER, CONTEXT, RELEVANCE_FEEDBACK -> vectorScoring(node);
            case ORDER_BY -> new Scoring(null, q.getOrderBy(), null, false);
            case FUSION -> new Scoring(null, null, new FusionSpec(q.getFusion() == io.qdrant.client.grpc.Points.Fusion.RRF,
                    Fusion.DEFAULT_RRF_K, null), false);
            case RRF -> new Scoring(null, null, new FusionSpec(true,
                    q.getRrf().hasK() ? q.getRrf().getK() : Fusion.DEFAULT_RRF_K,
                    q.getRrf().getWeightsCount() == 0 ? null : q.getRrf().getWeightsList()), false);
            case SAMPLE -> new Scoring(null, null, null, true);
            case FORMULA -> new Scoring(null, null, null, false, null, null, Formula.of(q.getFormula()));
            case NEAREST_WITH_MMR -> mmrScoring(node);
            case VARIANT_NOT_SET -> throw new IllegalStateException("no query");
        };
    }

    // MMR pre-selects by a nearest search and re-ranks by the space's similarities (MmrMeasure)
    private Scoring mmrScoring(Node node) {
        io.qdrant.client.grpc.Points.NearestInputWithMmr input = node.query().getNearestWithMmr();
        MmrMeasure measure;
        if (view.sparseVectors().contains(node.using())) {
            SparseExamples examples = new SparseExamples(view, node.using(), node.lookupFrom());
            SparseVec query = examples.of(input.getNearest(), true);
            referenced.addAll(examples.referencedIds());
            measure = new MmrMeasure.Sparse(node.using(), query, examples.nearest(query));
        } else {
            VectorSpace space = VectorSpace.forQuery(view, node.using());
            Examples examples = new Examples(space, ExampleSource.of(view, node.lookupFrom(), node.using()));
            float[] query = examples.of(input.getNearest(), true);
            referenced.addAll(examples.referencedIds());
            measure = new MmrMeasure.Dense(space, query);
        }
        return new Scoring(null, null, null, false, null,
                MaximalMarginalRelevance.of(measure, input.getMmr(), node.limit()));
    }

    // only the vector queries use `using`: order_by, fusion and sample ignore it
    private Scoring vectorScoring(Node node) {
        if (view.sparseVectors().contains(node.using())) {
            SparseExamples examples = new SparseExamples(view, node.using(), node.lookupFrom());
            SparseRanking sparse = examples.query(node.query());
            referenced.addAll(examples.referencedIds());
            return new Scoring(null, null, null, false, sparse, null);
        }
        return new Scoring(vectorQuery(node), null, null, false);
    }

    private CoreSearchSpec vectorQuery(Node node) {
        VectorSpace space = VectorSpace.forQuery(view, node.using());
        Examples examples = new Examples(space, ExampleSource.of(view, node.lookupFrom(), node.using()));
        Query q = node.query();
        VectorQuery query = switch (q.getVariantCase()) {
            case NEAREST -> new VectorQuery.Nearest(examples.of(q.getNearest(), true));
            case RECOMMEND -> ExampleQueries.recommend(space, examples, q.getRecommend());
            case DISCOVER -> ExampleQueries.discover(examples, q.getDiscover());
            case CONTEXT -> ExampleQueries.context(examples, q.getContext());
            case RELEVANCE_FEEDBACK -> ExampleQueries.feedback(examples, q.getRelevanceFeedback());
            default -> throw new IllegalStateException("not a vector query: " + q.getVariantCase());
        };
        referenced.addAll(examples.referencedIds());
        return new CoreSearchSpec(space, query);
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
                    : PointFilter.compile(merged != null, merged);
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
