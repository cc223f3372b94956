package io.github.qdrantscope.embedded.inference;

import io.qdrant.client.grpc.Points.ContextInput;
import io.qdrant.client.grpc.Points.ContextInputPair;
import io.qdrant.client.grpc.Points.DiscoverInput;
import io.qdrant.client.grpc.Points.FeedbackItem;
import io.qdrant.client.grpc.Points.PrefetchQuery;
import io.qdrant.client.grpc.Points.Query;
import io.qdrant.client.grpc.Points.QueryBatchPoints;
import io.qdrant.client.grpc.Points.QueryPointGroups;
import io.qdrant.client.grpc.Points.QueryPoints;
import io.qdrant.client.grpc.Points.RecommendInput;
import io.qdrant.client.grpc.Points.RelevanceFeedbackInput;
import io.qdrant.client.grpc.Points.VectorInput;
import java.util.List;

/**
 * Replaces the inference inputs of Query API requests by the vectors Qdrant 1.17 infers for them
 * ({@code src/common/inference/query_requests_grpc.rs}, {@code InferenceType::Search}): every
 * {@code VectorInput} of the query and of the prefetches, at any depth (nearest, nearest with MMR, recommend
 * examples, discover target and context pairs, context pairs, relevance feedback target and examples). A
 * {@code Document} becomes the sparse query vector, which then is searched like one the client sent. A failure
 * is {@code INTERNAL "Inference error: <error>"} ({@code convert_query_points_from_grpc}); QueryBatch converts
 * every request before running any.
 */
public final class QueryInference {

    private QueryInference() {
    }

    public static QueryPoints query(QueryPoints request) {
        return run(session -> {
            QueryPoints.Builder builder = request.toBuilder();
            if (request.hasQuery()) {
                builder.setQuery(query(request.getQuery(), session));
            }
            builder.clearPrefetch().addAllPrefetch(prefetches(request.getPrefetchList(), session));
            return builder.build();
        });
    }

    public static QueryBatchPoints queryBatch(QueryBatchPoints request) {
        QueryBatchPoints.Builder builder = request.toBuilder().clearQueryPoints();
        for (QueryPoints query : request.getQueryPointsList()) {
            builder.addQueryPoints(query(query));
        }
        return builder.build();
    }

    public static QueryPointGroups queryGroups(QueryPointGroups request) {
        return run(session -> {
            QueryPointGroups.Builder builder = request.toBuilder();
            if (request.hasQuery()) {
                builder.setQuery(query(request.getQuery(), session));
            }
            builder.clearPrefetch().addAllPrefetch(prefetches(request.getPrefetchList(), session));
            return builder.build();
        });
    }

    private interface Rewrite<T> {
        T apply(InferenceSession session);
    }

    private static <T> T run(Rewrite<T> rewrite) {
        try {
            InferenceSession session = new InferenceSession(InferenceSession.Side.SEARCH);
            T rewritten = rewrite.apply(session);
            session.finish();
            return rewritten;
        } catch (InferenceError e) {
            throw e.onQuery();
        }
    }

    private static List<PrefetchQuery> prefetches(List<PrefetchQuery> prefetches, InferenceSession session) {
        return prefetches.stream().map(prefetch -> {
            PrefetchQuery.Builder builder = prefetch.toBuilder();
            if (prefetch.hasQuery()) {
                builder.setQuery(query(prefetch.getQuery(), session));
            }
            return builder.clearPrefetch().addAllPrefetch(prefetches(prefetch.getPrefetchList(), session)).build();
        }).toList();
    }

    private static Query query(Query query, InferenceSession session) {
        return switch (query.getVariantCase()) {
            case NEAREST -> query.toBuilder().setNearest(input(query.getNearest(), session)).build();
            case NEAREST_WITH_MMR -> query.getNearestWithMmr().hasNearest()
                    ? query.toBuilder().setNearestWithMmr(query.getNearestWithMmr().toBuilder()
                            .setNearest(input(query.getNearestWithMmr().getNearest(), session))).build()
                    : query;
            case RECOMMEND -> query.toBuilder().setRecommend(recommend(query.getRecommend(), session)).build();
            case DISCOVER -> {
                DiscoverInput discover = query.getDiscover();
                DiscoverInput.Builder builder = discover.toBuilder();
                if (discover.hasTarget()) {
                    builder.setTarget(input(discover.getTarget(), session));
                }
                if (discover.hasContext()) {
                    builder.setContext(context(discover.getContext(), session));
                }
                yield query.toBuilder().setDiscover(builder).build();
            }
            case CONTEXT -> query.toBuilder().setContext(context(query.getContext(), session)).build();
            case RELEVANCE_FEEDBACK -> {
                RelevanceFeedbackInput feedback = query.getRelevanceFeedback();
                RelevanceFeedbackInput.Builder builder = feedback.toBuilder().clearFeedback();
                if (feedback.hasTarget()) {
                    builder.setTarget(input(feedback.getTarget(), session));
                }
                for (FeedbackItem item : feedback.getFeedbackList()) {
                    builder.addFeedback(item.hasExample()
                            ? item.toBuilder().setExample(input(item.getExample(), session)).build() : item);
                }
                yield query.toBuilder().setRelevanceFeedback(builder).build();
            }
            default -> query;
        };
    }

    private static RecommendInput recommend(RecommendInput recommend, InferenceSession session) {
        RecommendInput.Builder builder = recommend.toBuilder().clearPositive().clearNegative();
        recommend.getPositiveList().forEach(v -> builder.addPositive(input(v, session)));
        recommend.getNegativeList().forEach(v -> builder.addNegative(input(v, session)));
        return builder.build();
    }

    private static ContextInput context(ContextInput context, InferenceSession session) {
        ContextInput.Builder builder = context.toBuilder().clearPairs();
        for (ContextInputPair pair : context.getPairsList()) {
            ContextInputPair.Builder rewritten = pair.toBuilder();
            if (pair.hasPositive()) {
                rewritten.setPositive(input(pair.getPositive(), session));
            }
            if (pair.hasNegative()) {
                rewritten.setNegative(input(pair.getNegative(), session));
            }
            builder.addPairs(rewritten);
        }
        return builder.build();
    }

    private static VectorInput input(VectorInput input, InferenceSession session) {
        switch (input.getVariantCase()) {
            case DOCUMENT -> {
                return VectorInput.newBuilder().setSparse(session.document(input.getDocument())).build();
            }
            case IMAGE -> session.nonText(input.getImage().getModel());
            case OBJECT -> session.nonText(input.getObject().getModel());
            default -> {
                return input;
            }
        }
        return input;
    }
}
