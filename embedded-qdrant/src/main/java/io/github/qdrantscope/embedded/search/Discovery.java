package io.github.qdrantscope.embedded.search;

import io.github.qdrantscope.embedded.storage.CollectionView;
import io.github.qdrantscope.embedded.storage.QdrantErrors;
import io.qdrant.client.grpc.Points.ContextExamplePair;
import io.qdrant.client.grpc.Points.DiscoverPoints;
import java.util.ArrayList;
import java.util.List;

/**
 * The classic Discover API ({@code lib/collection/src/discovery.rs}): a target with context pairs is
 * a discovery search, pairs alone a context search; example ids are excluded; no score threshold.
 */
final class Discovery {

    private Discovery() {
    }

    static CoreSearch toCoreSearch(CollectionView view, DiscoverPoints request) {
        boolean hasTarget = request.hasTarget() && request.getTarget().hasSingle();
        if (!hasTarget && request.getContextCount() == 0) {
            throw QdrantErrors.invalidArgument("Bad request: target and/or context_pairs must be specified");
        }
        String using = request.hasUsing() ? request.getUsing() : "";
        VectorSpace space = VectorSpace.forSearch(view, using).requirePlainDense("discover");
        Examples examples = new Examples(view, space,
                Examples.lookupVectorName(view, request.hasLookupFrom() ? request.getLookupFrom() : null, using));
        float[] target = hasTarget ? examples.of(request.getTarget().getSingle()) : null;
        List<VectorQuery.Pair> pairs = new ArrayList<>();
        for (ContextExamplePair p : request.getContextList()) {
            pairs.add(new VectorQuery.Pair(examples.of(p.getPositive()), examples.of(p.getNegative())));
        }
        VectorQuery query = target != null ? new VectorQuery.Discover(target, pairs) : new VectorQuery.Context(pairs);
        return new CoreSearch(space, query, PointFilter.compile(request.hasFilter(), request.getFilter()),
                examples.referencedIds(), null);
    }
}
