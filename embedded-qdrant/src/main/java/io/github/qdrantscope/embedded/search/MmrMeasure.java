package io.github.qdrantscope.embedded.search;

import io.github.qdrantscope.embedded.storage.CollectionView;
import io.github.qdrantscope.embedded.storage.SparseVec;
import io.github.qdrantscope.embedded.storage.StoredPoint;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What {@link MaximalMarginalRelevance} needs of a vector space: the nearest search that pre-selects the candidates,
 * and the raw similarities Qdrant computes over the candidates' vectors in a volatile storage of the space's kind
 * ({@code create_volatile_storage} in {@code lib/collection/src/collection/mmr.rs}: dense, multivector or sparse).
 */
interface MmrMeasure {

    /** The {@code k} nearest among all points of the view (filter, and threshold by the distance's rule). */
    List<Hit> candidates(CollectionView view, Predicate<StoredPoint> filter, Float threshold, long k);

    /** The {@code k} nearest among prefetched points. */
    List<Hit> candidates(Collection<StoredPoint> points, Float threshold, long k);

    /** The query's raw similarity to a candidate ({@code relevance_similarities}). */
    float relevance(StoredPoint candidate);

    /**
     * The similarity of two candidates as {@code similarity_matrix} scores it: from the earlier candidate's vector
     * as the query.
     */
    float similarity(StoredPoint earlier, StoredPoint later);

    /** A relevance as the client sees it. */
    float toScore(float relevance);

    /** A dense vector or multivector: the metric's similarity (MaxSim), examples prepared for it. */
    record Dense(VectorSpace space, float[] query) implements MmrMeasure {
        @Override
        public List<Hit> candidates(CollectionView view, Predicate<StoredPoint> filter, Float threshold, long k) {
            return new CoreSearch(space, new VectorQuery.Nearest(query), filter, Set.of(), threshold).run(view, k);
        }

        @Override
        public List<Hit> candidates(Collection<StoredPoint> points, Float threshold, long k) {
            return new CoreSearch(space, new VectorQuery.Nearest(query), null, Set.of(), threshold).runOn(points, k);
        }

        @Override
        public float relevance(StoredPoint candidate) {
            return space.similarity().of(query, candidate.vector(space.name()));
        }

        @Override
        public float similarity(StoredPoint earlier, StoredPoint later) {
            return space.similarity().of(space.prepareStored(earlier.vector(space.name())),
                    later.vector(space.name()));
        }

        @Override
        public float toScore(float relevance) {
            return space.metric().toScore(relevance);
        }
    }

    /**
     * A sparse vector: candidates by the sparse nearest search ({@code search}, idf-weighted with the modifier);
     * similarities are plain dot products over shared indices, 0 without any, with the query as sent or stored
     * (the volatile sparse storage has no idf), reported as they are (Dot: {@code CollectionParams::get_distance}
     * gives a sparse vector Dot).
     *
     * @param search the candidates' nearest search ({@link SparseExamples#nearest})
     */
    record Sparse(String name, SparseVec query, SparseRanking search) implements MmrMeasure {
        @Override
        public List<Hit> candidates(CollectionView view, Predicate<StoredPoint> filter, Float threshold, long k) {
            return search.run(view, filter, threshold, k);
        }

        @Override
        public List<Hit> candidates(Collection<StoredPoint> points, Float threshold, long k) {
            return search.run(points, null, threshold, k);
        }

        @Override
        public float relevance(StoredPoint candidate) {
            return SparseExampleSearch.similarity(query, candidate.sparseVectors().get(name));
        }

        @Override
        public float similarity(StoredPoint earlier, StoredPoint later) {
            return SparseExampleSearch.similarity(earlier.sparseVectors().get(name), later.sparseVectors().get(name));
        }

        @Override
        public float toScore(float relevance) {
            return relevance;
        }
    }
}
