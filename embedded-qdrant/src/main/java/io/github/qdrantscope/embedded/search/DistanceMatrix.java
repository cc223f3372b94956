package io.github.qdrantscope.embedded.search;

import io.github.qdrantscope.embedded.storage.CollectionView;
import io.github.qdrantscope.embedded.storage.StoredPoint;
import io.qdrant.client.grpc.Points.SearchMatrixPoints;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The distance matrix APIs ({@code collection/distance_matrix.rs}): a random sample of the points
 * that match the filter and have the vector, sorted by id; for each sample its {@code limit} nearest
 * other samples. Fewer than two sampled points give an empty result.
 */
final class DistanceMatrix {

    static final long DEFAULT_SAMPLE = 10;
    static final long DEFAULT_LIMIT = 3;

    /** The sampled points (id order) and, per sample, its nearest other samples. */
    record Result(List<StoredPoint> samples, List<List<Hit>> nearest) {
    }

    private DistanceMatrix() {
    }

    static Result compute(CollectionView view, SearchMatrixPoints request) {
        // the gRPC validator: sample range(min = 2), limit range(min = 1)
        long sample = Limits.atLeast(request.hasSample() ? request.getSample() : DEFAULT_SAMPLE, 2, "sample");
        long limit = Limits.atLeastOne(request.hasLimit() ? request.getLimit() : DEFAULT_LIMIT, "limit");
        VectorSpace space = VectorSpace.forQuery(view, request.hasUsing() ? request.getUsing() : "");
        Predicate<StoredPoint> filter = PointFilter.and(
                PointFilter.compile(view, request.hasFilter(), request.getFilter()),
                point -> point.vector(space.name()) != null);
        List<StoredPoint> samples = new ArrayList<>();
        for (Hit h : Sampling.random(view.points(), filter, sample)) {
            samples.add(h.point());
        }
        if (samples.size() < 2) {
            return new Result(List.of(), List.of());
        }
        samples.sort(Comparator.comparing(StoredPoint::id));
        List<List<Hit>> nearest = new ArrayList<>(samples.size());
        for (StoredPoint s : samples) {
            float[] query = space.prepareStored(s.vector(space.name()));
            CoreSearch search = new CoreSearch(space, new VectorQuery.Nearest(query), null, Set.of(s.id()), null);
            nearest.add(search.runOn(samples, limit));
        }
        return new Result(samples, nearest);
    }
}
