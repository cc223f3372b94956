package io.github.qdrantscope.embedded.search;

import io.github.qdrantscope.embedded.filter.CompiledFilter;
import io.github.qdrantscope.embedded.storage.CollectionView;
import io.github.qdrantscope.embedded.storage.PointColumns;
import io.github.qdrantscope.embedded.storage.PointKey;
import io.github.qdrantscope.embedded.storage.StoredPoint;
import io.qdrant.client.grpc.Collections.PayloadSchemaInfo;
import io.qdrant.client.grpc.Collections.PayloadSchemaType;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Brute-force top-k over one vector of a collection: the exact answer Qdrant's HNSW approximates.
 * The loop walks the collection's flat {@link PointColumns} and allocates nothing per point; only the
 * winners become {@link Scored}.
 */
final class ExactScan {

    /** A similarity of a stored vector to the request's query; larger is better. */
    @FunctionalInterface
    interface VectorScorer {
        float score(float[] stored);
    }

    private ExactScan() {
    }

    /**
     * The best {@code k} points having vector {@code vectorName}, matching {@code filter} (null = all)
     * and not in {@code excluded} (may be empty), best first.
     */
    static List<Scored> top(CollectionView view, String vectorName, VectorScorer scorer,
            Predicate<StoredPoint> filter, Set<PointKey> excluded, long k) {
        TopK top = new TopK((int) Math.min(k, view.size()));
        if (top.capacity() == 0) {
            return List.of();
        }
        boolean checkExcluded = !excluded.isEmpty();
        PointColumns columns = view.columns();
        float[][] vectors = columns.vectors(vectorName);
        int[] candidates = candidates(view, columns, filter);
        if (candidates != null && ((CompiledFilter) filter).onlyRequiredKeyword()) {
            filter = null; // the candidates are exactly the matches
        }
        int n = candidates == null ? columns.size() : candidates.length;
        for (int c = 0; c < n; c++) {
            int i = candidates == null ? c : candidates[c];
            float[] stored = vectors[i];
            if (stored == null) {
                continue;
            }
            // The filter runs before the vector's floats are read: a selective filter rejects most
            // points, which then cost neither a load of 384 floats nor a score.
            StoredPoint point = columns.point(i);
            if ((filter != null && !filter.test(point))
                    || (checkExcluded && excluded.contains(point.id()))) {
                continue;
            }
            float score = scorer.score(stored);
            if (top.accepts(score)) {
                top.offer(point, score);
            }
        }
        return top.best();
    }

    /**
     * The positions worth visiting when the filter requires a keyword on a field with a keyword
     * payload index (as Qdrant uses its index to plan a filtered search), else {@code null} = all.
     * The candidates are exactly the points satisfying the keyword condition; the rest of the filter
     * still decides each one.
     */
    private static int[] candidates(CollectionView view, PointColumns columns, Predicate<StoredPoint> filter) {
        if (!(filter instanceof CompiledFilter compiled) || compiled.requiredKeyword() == null) {
            return null;
        }
        CompiledFilter.RequiredKeyword required = compiled.requiredKeyword();
        PayloadSchemaInfo index = view.payloadSchema().get(required.key());
        if (index == null || index.getDataType() != PayloadSchemaType.Keyword) {
            return null;
        }
        return columns.keywordPositions(required.key(), required.keyword());
    }

    /** Nearest neighbours of a prepared query vector by the space's metric (MaxSim for a multivector). */
    static List<Scored> nearest(CollectionView view, VectorSpace space, float[] preparedQuery,
            Predicate<StoredPoint> filter, Set<PointKey> excluded, long k) {
        if (space.spec().multivector()) {
            Similarity similarity = space.similarity();
            return top(view, space.name(), stored -> similarity.of(preparedQuery, stored), filter, excluded, k);
        }
        VectorScorer scorer = switch (space.metric()) {
            case COSINE, DOT -> stored -> VectorMath.dot(preparedQuery, stored);
            case EUCLID -> stored -> -VectorMath.squaredEuclid(preparedQuery, stored);
            case MANHATTAN -> stored -> -VectorMath.manhattan(preparedQuery, stored);
        };
        return top(view, space.name(), scorer, filter, excluded, k);
    }
}
