package io.github.qdrantscope.embedded.search;

import io.github.qdrantscope.embedded.search.UniversalQuery.Node;
import io.github.qdrantscope.embedded.storage.CollectionView;
import io.github.qdrantscope.embedded.storage.PointKey;
import io.github.qdrantscope.embedded.storage.SparseVec;
import io.qdrant.client.grpc.Points.OrderBy;
import io.qdrant.client.grpc.Points.Query;
import java.util.List;
import java.util.Set;

/**
 * How one node of a Query API tree scores, resolved once before anything runs: the query kind, its vector space
 * ({@code using}: dense, multivector or sparse) and its examples, read by id where given
 * ({@code universal_query/collection_query.rs}: {@code try_into_scoring_query}). Every id an example reads is
 * recorded, to be excluded from the results.
 */
final class QueryScoring {

    /** How a planned node scores: exactly one of the fields is set, or none (id order). */
    record Scoring(CoreSearchSpec vector, OrderBy orderBy, FusionSpec fusion, boolean sample,
            SparseRanking sparse, MaximalMarginalRelevance mmr, Formula formula) {
        /** No query: id order, score 1.0. */
        static final Scoring NONE = new Scoring(null, null, null, false);

        Scoring(CoreSearchSpec vector, OrderBy orderBy, FusionSpec fusion, boolean sample) {
            this(vector, orderBy, fusion, sample, null, null, null);
        }

        Scoring(CoreSearchSpec vector, OrderBy orderBy, FusionSpec fusion, boolean sample, SparseRanking sparse,
                MaximalMarginalRelevance mmr) {
            this(vector, orderBy, fusion, sample, sparse, mmr, null);
        }
    }

    record CoreSearchSpec(VectorSpace space, VectorQuery query) {
    }

    record FusionSpec(boolean rrf, int k, List<Float> weights) {
    }

    private final CollectionView view;
    private final Set<PointKey> referenced;

    /** @param referenced where the ids of the examples read are added */
    QueryScoring(CollectionView view, Set<PointKey> referenced) {
        this.view = view;
        this.referenced = referenced;
    }

    /** How {@code node} (which has a query) scores; the example ids it reads join {@code referenced}. */
    Scoring of(Node node) {
        Query q = node.query();
        return switch (q.getVariantCase()) {
            case NEAREST, RECOMMEND, DISCOVER, CONTEXT, RELEVANCE_FEEDBACK -> vectorScoring(node);
            case ORDER_BY -> new Scoring(null, q.getOrderBy(), null, false);
            case FUSION -> new Scoring(null, null, new FusionSpec(
                    q.getFusion() == io.qdrant.client.grpc.Points.Fusion.RRF, Fusion.DEFAULT_RRF_K, null), false);
            case RRF -> new Scoring(null, null, new FusionSpec(true,
                    q.getRrf().hasK() ? q.getRrf().getK() : Fusion.DEFAULT_RRF_K,
                    q.getRrf().getWeightsCount() == 0 ? null : q.getRrf().getWeightsList()), false);
            case SAMPLE -> new Scoring(null, null, null, true);
            case FORMULA -> new Scoring(null, null, null, false, null, null, Formula.of(q.getFormula(), view));
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
}
