package io.github.qdrantscope.embedded.search;

import io.github.qdrantscope.embedded.storage.CollectionView;
import io.github.qdrantscope.embedded.storage.MultiVectors;
import io.github.qdrantscope.embedded.storage.QdrantErrors;
import io.github.qdrantscope.embedded.storage.SparseVec;
import io.github.qdrantscope.embedded.storage.StoredPoint;
import io.qdrant.client.grpc.Common.Filter;
import io.qdrant.client.grpc.Common.PointId;
import io.qdrant.client.grpc.Points.LookupLocation;
import io.qdrant.client.grpc.Points.RecommendPointGroups;
import io.qdrant.client.grpc.Points.RecommendPoints;
import io.qdrant.client.grpc.Points.RecommendStrategy;
import io.qdrant.client.grpc.Points.Vector;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The classic Recommend API ({@code lib/collection/src/recommendations.rs}): examples by id and by
 * vector; {@code average_vector} searches near {@code avg(pos) + (avg(pos) - avg(neg))};
 * {@code best_score} and {@code sum_scores} score every point against all examples; the example ids
 * are excluded from the results.
 */
record Recommendation(List<PointId> positive, List<PointId> negative, List<Vector> positiveVectors,
        List<Vector> negativeVectors, RecommendStrategy strategy, String using, LookupLocation lookupFrom,
        Filter filter, Float threshold) {

    static Recommendation of(RecommendPoints r) {
        return new Recommendation(r.getPositiveList(), r.getNegativeList(), r.getPositiveVectorsList(),
                r.getNegativeVectorsList(), r.hasStrategy() ? r.getStrategy() : RecommendStrategy.AverageVector,
                r.hasUsing() ? r.getUsing() : "", r.hasLookupFrom() ? r.getLookupFrom() : null,
                r.hasFilter() ? r.getFilter() : null, r.hasScoreThreshold() ? r.getScoreThreshold() : null);
    }

    static Recommendation of(RecommendPointGroups r) {
        return new Recommendation(r.getPositiveList(), r.getNegativeList(), r.getPositiveVectorsList(),
                r.getNegativeVectorsList(), r.hasStrategy() ? r.getStrategy() : RecommendStrategy.AverageVector,
                r.hasUsing() ? r.getUsing() : "", r.hasLookupFrom() ? r.getLookupFrom() : null,
                r.hasFilter() ? r.getFilter() : null, r.hasScoreThreshold() ? r.getScoreThreshold() : null);
    }

    /** Validates and resolves the examples into the search Qdrant would run. */
    ExampleSearch toSearch(CollectionView view) {
        boolean noPositive = positive.isEmpty() && positiveVectors.isEmpty();
        boolean noNegative = negative.isEmpty() && negativeVectors.isEmpty();
        if (strategy == RecommendStrategy.AverageVector || strategy == RecommendStrategy.UNRECOGNIZED) {
            if (noPositive) {
                throw QdrantErrors.invalidArgument("Bad request: At least one positive vector ID required with this"
                        + " strategy");
            }
        } else if (noPositive && noNegative) {
            throw QdrantErrors.invalidArgument("Bad request: At least one positive or negative vector ID required"
                    + " with this strategy");
        }
        if (view.sparseVectors().contains(using)) {
            return sparse(view);
        }
        VectorSpace space = VectorSpace.forSearch(view, using);
        Examples examples = new Examples(space, ExampleSource.of(view, lookupFrom, using));
        VectorQuery query = switch (strategy) {
            case BestScore -> new VectorQuery.BestScore(resolve(examples, positive, positiveVectors),
                    resolve(examples, negative, negativeVectors));
            case SumScores -> new VectorQuery.SumScores(resolve(examples, positive, positiveVectors),
                    resolve(examples, negative, negativeVectors));
            default -> new VectorQuery.Nearest(average(space, examples));
        };
        Predicate<StoredPoint> compiled = PointFilter.compile(view, filter != null, filter);
        return new CoreSearch(space, query, compiled, examples.referencedIds(), threshold);
    }

    private ExampleSearch sparse(CollectionView view) {
        SparseExamples examples = new SparseExamples(view, using, lookupFrom);
        List<SparseVec> pos = new ArrayList<>();
        List<SparseVec> neg = new ArrayList<>();
        for (PointId id : positive) {
            addIfPresent(pos, examples.byId(id, false));
        }
        for (PointId id : negative) {
            addIfPresent(neg, examples.byId(id, false));
        }
        positiveVectors.forEach(v -> pos.add(examples.of(v)));
        negativeVectors.forEach(v -> neg.add(examples.of(v)));
        return new SparseClassicSearch(examples.recommend(strategy, pos, neg),
                PointFilter.compile(view, filter != null, filter), examples.referencedIds(), threshold);
    }

    private static void addIfPresent(List<SparseVec> into, SparseVec vector) {
        if (vector != null) {
            into.add(vector);
        }
    }

    /** average_vector's query ({@link AverageVector}): ids read as stored, vectors only dimension-checked. */
    private float[] average(VectorSpace space, Examples examples) {
        AverageVector average = new AverageVector();
        boolean multiSpace = space.spec().multivector();
        for (PointId id : positive) {
            average.addPositive(examples.storedById(id, false), multiSpace);
        }
        for (Vector v : positiveVectors) {
            average.addPositive(examples.of(v, true), MultiVectors.isMulti(v));
        }
        for (PointId id : negative) {
            average.addNegative(examples.storedById(id, false), multiSpace);
        }
        for (Vector v : negativeVectors) {
            average.addNegative(examples.of(v, true), MultiVectors.isMulti(v));
        }
        return average.query(space);
    }

    /** The examples prepared for the metric (best_score, sum_scores). */
    private static List<float[]> resolve(Examples examples, List<PointId> ids, List<Vector> vectors) {
        List<float[]> out = new ArrayList<>();
        for (PointId id : ids) {
            ExampleQueries.addIfPresent(out, examples.byId(id, false));
        }
        for (Vector v : vectors) {
            out.add(examples.of(v, false));
        }
        return out;
    }

    /**
     * Qdrant's {@code avg_vector_for_recommendation}: {@code avg(pos)} without negatives, else
     * {@code avg(pos) + avg(pos) - avg(neg)}.
     */
    static float[] averageVector(List<float[]> positives, List<float[]> negatives) {
        if (positives.isEmpty()) {
            throw QdrantErrors.wrongInput("Validation failed: Positive vectors should not be empty with `average`"
                    + " strategy");
        }
        float[] pos = average(positives);
        if (negatives.isEmpty()) {
            return pos;
        }
        float[] neg = average(negatives);
        float[] out = new float[pos.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = pos[i] + pos[i] - neg[i];
        }
        return out;
    }

    private static float[] average(List<float[]> vectors) {
        float[] sum = new float[vectors.get(0).length];
        for (float[] v : vectors) {
            for (int i = 0; i < sum.length; i++) {
                sum[i] += v[i];
            }
        }
        for (int i = 0; i < sum.length; i++) {
            sum[i] /= vectors.size();
        }
        return sum;
    }
}
