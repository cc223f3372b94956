package io.github.qdrantscope.embedded.search;

import io.github.qdrantscope.embedded.storage.CollectionView;
import io.github.qdrantscope.embedded.storage.PointKey;
import io.github.qdrantscope.embedded.storage.QdrantErrors;
import io.github.qdrantscope.embedded.storage.SparseInput;
import io.github.qdrantscope.embedded.storage.SparseVec;
import io.github.qdrantscope.embedded.storage.StoredPoint;
import io.qdrant.client.grpc.Common.PointId;
import io.qdrant.client.grpc.Points.ContextInputPair;
import io.qdrant.client.grpc.Points.LookupLocation;
import io.qdrant.client.grpc.Points.Query;
import io.qdrant.client.grpc.Points.RecommendInput;
import io.qdrant.client.grpc.Points.RecommendStrategy;
import io.qdrant.client.grpc.Points.SparseVector;
import io.qdrant.client.grpc.Points.Vector;
import io.qdrant.client.grpc.Points.VectorExample;
import io.qdrant.client.grpc.Points.VectorInput;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The examples of a query on a sparse vector ({@code using}): sparse vectors sent, or the stored sparse vector of a
 * point id (read from the {@code lookup_from} vector when one is named), turned into the query Qdrant runs. With the
 * {@code idf} modifier every example of recommend (best_score, sum_scores), discover and context, or the one vector
 * of a nearest or average_vector search, is weighted by the collection's idf ({@link SparseIdf}), as
 * {@code SparseVectorIndex::search} weights every vector of the query ({@code vector_index_impl.rs}). All three
 * recommend strategies take sparse vectors: average_vector averages over the union of the indices
 * ({@code avg_vector_for_recommendation} in {@code lib/segment/src/vector_storage/query/reco_query.rs}).
 */
final class SparseExamples {

    private final CollectionView view;
    private final String using;
    private final ExampleSource source;
    private final Set<PointKey> referenced = new LinkedHashSet<>();

    SparseExamples(CollectionView view, String using, LookupLocation lookupFrom) {
        this.view = view;
        this.using = using;
        this.source = ExampleSource.of(view, lookupFrom, using);
    }

    /** Every point id used as an example so far. */
    Set<PointKey> referencedIds() {
        return referenced;
    }

    /**
     * A Query API vector query (nearest, recommend, discover, context, relevance feedback) on the sparse vector
     * {@code using}.
     */
    SparseRanking query(Query q) {
        return switch (q.getVariantCase()) {
            case NEAREST -> nearest(of(q.getNearest(), true));
            case RECOMMEND -> recommend(q.getRecommend());
            case DISCOVER -> {
                if (!q.getDiscover().hasTarget()) {
                    throw QdrantErrors.invalidArgument("DiscoverInput target is missing");
                }
                if (!q.getDiscover().hasContext()) {
                    throw QdrantErrors.invalidArgument("DiscoverInput context is missing");
                }
                yield SparseExampleSearch.discover(using, weighted(of(q.getDiscover().getTarget(), true)),
                        pairs(q.getDiscover().getContext().getPairsList()));
            }
            case CONTEXT -> SparseExampleSearch.context(using, pairs(q.getContext().getPairsList()));
            case RELEVANCE_FEEDBACK -> SparseExampleSearch.feedback(using,
                    RelevanceFeedback.of(q.getRelevanceFeedback(), v -> weighted(of(v, true))));
            default -> throw new IllegalStateException("not a vector query: " + q.getVariantCase());
        };
    }

    private SparseRanking recommend(RecommendInput input) {
        List<SparseVec> positives = new ArrayList<>();
        for (VectorInput v : input.getPositiveList()) {
            addIfPresent(positives, of(v, false));
        }
        List<SparseVec> negatives = new ArrayList<>();
        for (VectorInput v : input.getNegativeList()) {
            addIfPresent(negatives, of(v, false));
        }
        return recommend(input.hasStrategy() ? input.getStrategy() : RecommendStrategy.AverageVector, positives,
                negatives);
    }

    /** The recommend query of a strategy over resolved examples (the Query API and classic Recommend alike). */
    SparseRanking recommend(RecommendStrategy strategy, List<SparseVec> positives, List<SparseVec> negatives) {
        return switch (strategy) {
            case BestScore -> SparseExampleSearch.bestScore(using, weighted(positives), weighted(negatives));
            case SumScores -> SparseExampleSearch.sumScores(using, weighted(positives), weighted(negatives));
            default -> nearest(averageVector(positives, negatives));
        };
    }

    /** A nearest search for {@code query} as sent or stored. */
    SparseRanking nearest(SparseVec query) {
        return new SparseSearch(using, weighted(query));
    }

    /** A classic Discover (target and pairs, or pairs alone: context). */
    SparseRanking discover(SparseVec target, List<SparseVec[]> pairs) {
        List<SparseVec[]> weightedPairs = new ArrayList<>(pairs.size());
        for (SparseVec[] p : pairs) {
            weightedPairs.add(new SparseVec[] {weighted(p[0]), weighted(p[1])});
        }
        return target == null ? SparseExampleSearch.context(using, weightedPairs)
                : SparseExampleSearch.discover(using, weighted(target), weightedPairs);
    }

    private List<SparseVec[]> pairs(List<ContextInputPair> wire) {
        List<SparseVec[]> pairs = new ArrayList<>(wire.size());
        for (ContextInputPair p : wire) {
            if (!p.hasPositive()) {
                throw QdrantErrors.invalidArgument("ContextPair positive is missing");
            }
            if (!p.hasNegative()) {
                throw QdrantErrors.invalidArgument("ContextPair negative is missing");
            }
            pairs.add(new SparseVec[] {weighted(of(p.getPositive(), true)), weighted(of(p.getNegative(), true))});
        }
        return pairs;
    }

    private static void addIfPresent(List<SparseVec> into, SparseVec vector) {
        if (vector != null) {
            into.add(vector);
        }
    }

    private SparseVec weighted(SparseVec vector) {
        return view.sparseIdf(using) ? SparseIdf.weighted(view, using, vector) : vector;
    }

    private List<SparseVec> weighted(List<SparseVec> vectors) {
        List<SparseVec> out = new ArrayList<>(vectors.size());
        vectors.forEach(v -> out.add(weighted(v)));
        return out;
    }

    // ---- inputs ----

    /** A Query API input: a point id or a sparse vector. */
    SparseVec of(VectorInput input, boolean required) {
        return switch (input.getVariantCase()) {
            case ID -> byId(input.getId(), required);
            case SPARSE -> sent(input.getSparse());
            case DENSE, MULTI_DENSE -> throw wrongSparse();
            case DOCUMENT, IMAGE, OBJECT -> throw DenseInput.unsupported("inference inputs (document, image, object)");
            case VARIANT_NOT_SET -> throw QdrantErrors.invalidArgument("VectorInput variant is missing");
        };
    }

    /** A classic Discover example. */
    SparseVec of(VectorExample example) {
        return switch (example.getExampleCase()) {
            case ID -> byId(example.getId(), true);
            case VECTOR -> of(example.getVector());
            case EXAMPLE_NOT_SET -> throw QdrantErrors.invalidArgument("Vector example is missing");
        };
    }

    /** A classic Recommend/Discover example vector: sparse ({@code sparse}, or {@code data} + {@code indices}). */
    @SuppressWarnings("deprecation")
    SparseVec of(Vector vector) {
        if (!SparseInput.isSparse(vector)) {
            throw wrongSparse();
        }
        if (vector.getVectorCase() == Vector.VectorCase.SPARSE) {
            return sent(vector.getSparse());
        }
        check(vector.getIndices().getDataList(), vector.getDataCount());
        return SparseInput.toStored(vector);
    }

    private static SparseVec sent(SparseVector sparse) {
        check(sparse.getIndicesList(), sparse.getValuesCount());
        return SparseInput.toStored(Vector.newBuilder().setSparse(sparse).build());
    }

    private static void check(List<Integer> indices, int values) {
        List<String> problems = SparseInput.sparseProblems(indices, values);
        if (!problems.isEmpty()) {
            throw QdrantErrors.validation(String.join(", ", problems));
        }
    }

    /**
     * The stored sparse vector {@code lookup_from}'s vector (or {@code using}) of a point.
     *
     * @param required whether a point without the vector is an error (nearest, discover, context) or skipped
     *     (recommend, {@code null})
     */
    SparseVec byId(PointId id, boolean required) {
        PointKey key = PointKey.of(id);
        if (source.excludesIds()) {
            referenced.add(key);
        }
        StoredPoint point = source.point(key);
        String lookupName = source.vectorName();
        if (!source.readsSparse()) {
            if (source.readsDense()) {
                throw wrongSparse();
            }
            throw QdrantErrors.wrongInput("Not existing vector name error: " + lookupName);
        }
        SparseVec stored = point.sparseVectors().get(lookupName);
        if (stored == null && required) {
            throw Examples.missingVector(lookupName);
        }
        return stored;
    }

    /** {@code OperationError::WrongSparse}: a dense vector or multivector where a sparse one is searched. */
    static RuntimeException wrongSparse() {
        return QdrantErrors.wrongInput("Conversion between sparse and regular vectors failed");
    }

    // ---- average_vector ----

    /**
     * {@code avg_vector_for_recommendation} on sparse vectors: the positives summed over the union of their indices
     * in request order and divided by their count, likewise the negatives, then {@code pos + pos - neg} over the
     * union of both ({@code SparseVector::combine_aggregate}: an index missing on one side counts as 0).
     */
    static SparseVec averageVector(List<SparseVec> positives, List<SparseVec> negatives) {
        if (positives.isEmpty()) {
            throw QdrantErrors.wrongInput("Validation failed: Positive vectors should not be empty with `average`"
                    + " strategy");
        }
        SparseVec pos = average(positives);
        if (negatives.isEmpty()) {
            return pos;
        }
        SparseVec neg = average(negatives);
        return combine(pos, neg, (p, n) -> p + p - n);
    }

    private static SparseVec average(List<SparseVec> vectors) {
        SparseVec sum = new SparseVec(new int[0], new float[0]);
        for (SparseVec v : vectors) {
            sum = combine(v, sum, Float::sum);
        }
        float[] values = sum.values().clone();
        for (int i = 0; i < values.length; i++) {
            values[i] /= vectors.size();
        }
        return new SparseVec(sum.indices(), values);
    }

    private interface FloatOp {
        float apply(float a, float b);
    }

    private static SparseVec combine(SparseVec a, SparseVec b, FloatOp op) {
        int[] ai = a.indices();
        int[] bi = b.indices();
        int[] indices = new int[ai.length + bi.length];
        float[] values = new float[indices.length];
        int i = 0;
        int j = 0;
        int n = 0;
        while (i < ai.length || j < bi.length) {
            int cmp = i == ai.length ? 1 : j == bi.length ? -1 : Integer.compareUnsigned(ai[i], bi[j]);
            if (cmp < 0) {
                indices[n] = ai[i];
                values[n++] = op.apply(a.values()[i++], 0f);
            } else if (cmp > 0) {
                indices[n] = bi[j];
                values[n++] = op.apply(0f, b.values()[j++]);
            } else {
                indices[n] = ai[i];
                values[n++] = op.apply(a.values()[i++], b.values()[j++]);
            }
        }
        return new SparseVec(Arrays.copyOf(indices, n), Arrays.copyOf(values, n));
    }
}
