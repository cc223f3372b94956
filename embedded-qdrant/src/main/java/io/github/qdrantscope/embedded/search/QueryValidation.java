package io.github.qdrantscope.embedded.search;

import io.github.qdrantscope.embedded.search.UniversalQuery.Node;
import io.github.qdrantscope.embedded.storage.QdrantErrors;
import io.qdrant.client.grpc.Points.Query;

/**
 * The checks of a Query API request tree before anything runs: the gRPC conversion's and the validator's
 * ({@code lib/api/build.rs}) per query kind, then {@code CollectionQueryRequest::validation}
 * ({@code universal_query/collection_query.rs}), at every level of the tree with its field path.
 */
final class QueryValidation {

    private QueryValidation() {
    }

    static void validateTree(Node node, String path) {
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

}
