package io.github.qdrantscope.embedded.search;

import io.github.qdrantscope.embedded.storage.CollectionView;
import io.github.qdrantscope.embedded.storage.QdrantErrors;
import io.github.qdrantscope.embedded.storage.SparseVec;
import io.qdrant.client.grpc.Points.ContextExamplePair;
import io.qdrant.client.grpc.Points.DiscoverPoints;
import io.qdrant.client.grpc.Points.LookupLocation;
import java.util.ArrayList;
import java.util.List;

/**
 * The classic Discover API ({@code lib/collection/src/discovery.rs}): a target with context pairs is
 * a discovery search, pairs alone a context search; example ids are excluded; no score threshold. Dense
 * vectors, multivectors (MaxSim) and sparse vectors ({@link SparseExamples}) alike.
 */
final class Discovery {

    private Discovery() {
    }

    static ExampleSearch toSearch(CollectionView view, DiscoverPoints request) {
        boolean hasTarget = request.hasTarget() && request.getTarget().hasSingle();
        if (!hasTarget && request.getContextCount() == 0) {
            throw QdrantErrors.invalidArgument("Bad request: target and/or context_pairs must be specified");
        }
        String using = request.hasUsing() ? request.getUsing() : "";
        LookupLocation lookupFrom = request.hasLookupFrom() ? request.getLookupFrom() : null;
        if (view.sparseVectors().contains(using)) {
            SparseExamples examples = new SparseExamples(view, using, lookupFrom);
            SparseVec target = hasTarget ? examples.of(request.getTarget().getSingle()) : null;
            List<SparseVec[]> pairs = new ArrayList<>();
            for (ContextExamplePair p : request.getContextList()) {
                pairs.add(new SparseVec[] {examples.of(p.getPositive()), examples.of(p.getNegative())});
            }
            return new SparseClassicSearch(examples.discover(target, pairs),
                    PointFilter.compile(view, request.hasFilter(), request.getFilter()), examples.referencedIds(), null);
        }
        VectorSpace space = VectorSpace.forSearch(view, using);
        Examples examples = new Examples(space, ExampleSource.of(view, lookupFrom, using));
        float[] target = hasTarget ? examples.of(request.getTarget().getSingle()) : null;
        List<VectorQuery.Pair> pairs = new ArrayList<>();
        for (ContextExamplePair p : request.getContextList()) {
            pairs.add(new VectorQuery.Pair(examples.of(p.getPositive()), examples.of(p.getNegative())));
        }
        VectorQuery query = target != null ? new VectorQuery.Discover(target, pairs) : new VectorQuery.Context(pairs);
        return new CoreSearch(space, query, PointFilter.compile(view, request.hasFilter(), request.getFilter()),
                examples.referencedIds(), null);
    }
}
