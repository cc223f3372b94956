package io.github.qdrantscope.embedded.differential;

import com.google.protobuf.Message;
import io.qdrant.client.grpc.Points.DiscoverBatchPoints;
import io.qdrant.client.grpc.Points.DiscoverPoints;
import io.qdrant.client.grpc.Points.QueryBatchPoints;
import io.qdrant.client.grpc.Points.QueryPoints;
import io.qdrant.client.grpc.Points.RecommendBatchPoints;
import io.qdrant.client.grpc.Points.RecommendPoints;
import io.qdrant.client.grpc.Points.SearchBatchPoints;
import io.qdrant.client.grpc.Points.SearchPoints;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Decides whether the embedded server's answer to a step agrees with the engine's: both refuse, or both
 * answer the same ids, order (up to ties, {@link Ranking}), scores, payloads and vectors. Payloads and
 * stored vectors must be equal exactly (a vector is compared as the f32 values both sides hold).
 */
final class Compare {

    /** The outcome of one step: {@code difference} null when the sides agree. */
    record Outcome(String difference, boolean ambiguous) {
    }

    private final Data data;

    Compare(Data data) {
        this.data = data;
    }

    @SuppressWarnings("unchecked")
    Outcome compare(Step step, EdgeOracle.Answer engine, EdgeOracle.Answer embedded) {
        if (engine.failed() || embedded.failed()) {
            return engine.failed() == embedded.failed() ? new Outcome(null, false)
                    : new Outcome("the engine answered " + engine + ", the embedded server " + embedded, false);
        }
        Object e = engine.value();
        Object a = embedded.value();
        return switch (step.op()) {
            case COUNT -> new Outcome(Objects.equals(e, a) ? null : "count " + a + ", the engine's " + e, false);
            case FACET -> new Outcome(Objects.equals(e, a) ? null : "facets " + a + ", the engine's " + e, false);
            case GET -> new Outcome(points(sortedById((List<Object>) e), sortedById((List<Object>) a)), false);
            case SCROLL -> new Outcome(scroll((Map<String, Object>) e, (Map<String, Object>) a), false);
            case SEARCH, QUERY, RECOMMEND, DISCOVER -> scored(step, (Map<String, Object>) e, (Map<String, Object>) a);
            case SEARCH_BATCH, QUERY_BATCH, RECOMMEND_BATCH, DISCOVER_BATCH -> batch(step, (List<Object>) e,
                    (List<Object>) a);
            case QUERY_GROUPS, SEARCH_GROUPS, RECOMMEND_GROUPS -> GroupCompare.compare(new Ranking(maxDim()), (List<Object>) e,
                    (List<Object>) a);
            default -> new Outcome(null, false); // writes: both succeeded
        };
    }

    /** A batch agrees entry by entry, each compared as the single request it holds. */
    @SuppressWarnings("unchecked")
    private Outcome batch(Step step, List<Object> engine, List<Object> embedded) {
        List<? extends Message> entries = batchEntries(step.request());
        if (engine.size() != entries.size() || embedded.size() != entries.size()) {
            return new Outcome(embedded.size() + " batch results, the engine's " + engine.size(), false);
        }
        Step.Op single = switch (step.op()) {
            case SEARCH_BATCH -> Step.Op.SEARCH;
            case RECOMMEND_BATCH -> Step.Op.RECOMMEND;
            case DISCOVER_BATCH -> Step.Op.DISCOVER;
            default -> Step.Op.QUERY;
        };
        boolean ambiguous = false;
        for (int i = 0; i < entries.size(); i++) {
            Outcome o = scored(new Step(single, entries.get(i)), (Map<String, Object>) engine.get(i),
                    (Map<String, Object>) embedded.get(i));
            if (o.difference() != null) {
                return new Outcome("batch entry " + i + ": " + o.difference(), false);
            }
            ambiguous |= o.ambiguous();
        }
        return new Outcome(null, ambiguous);
    }

    @SuppressWarnings("unchecked")
    private Outcome scored(Step step, Map<String, Object> engine, Map<String, Object> embedded) {
        List<Map<String, Object>> page = (List<Map<String, Object>>) (List<?>) embedded.get("points");
        if (engine.get("ambiguous") != null) {
            return new Outcome(null, true); // ties inside a prefetch: several answers are Qdrant's
        }
        if (equalDiscoveryPair(step, (List<Map<String, Object>>) (List<?>) engine.get("ranking"))) {
            return new Outcome(null, true); // KnownExceptions.DISCOVER_IN_PREFETCH: Edge ranks an equal pair 0
        }
        List<Map<String, Object>> expected = (List<Map<String, Object>>) (List<?>) engine.get("points");
        List<Map<String, Object>> ranking = (List<Map<String, Object>>) (List<?>) engine.get("ranking");
        int offset = (int) offset(step.request());
        String ranked = new Ranking(maxDim()).compare(ranking, page, offset, expected.size());
        if (ranked != null) {
            return new Outcome(ranked, false);
        }
        Map<Object, Map<String, Object>> byId = new HashMap<>();
        expected.forEach(p -> byId.put(p.get("id"), p));
        for (Map<String, Object> hit : page) {
            Map<String, Object> twin = byId.get(hit.get("id"));
            String d = twin == null ? null : point(twin, hit); // a tie swapped in: scored already
            if (d != null) {
                return new Outcome(d, false);
            }
        }
        return new Outcome(null, false);
    }

    private static List<? extends Message> batchEntries(Message batch) {
        if (batch instanceof SearchBatchPoints s) {
            return s.getSearchPointsList();
        }
        if (batch instanceof RecommendBatchPoints r) {
            return r.getRecommendPointsList();
        }
        return batch instanceof DiscoverBatchPoints d ? d.getDiscoverPointsList()
                : ((QueryBatchPoints) batch).getQueryPointsList();
    }

    private static long offset(Message request) {
        if (request instanceof SearchPoints s) {
            return s.getOffset();
        }
        if (request instanceof RecommendPoints r) {
            return r.getOffset();
        }
        return request instanceof DiscoverPoints d ? d.getOffset() : ((QueryPoints) request).getOffset();
    }

    /** A root discover query where the engine ranked some point with an equal pair (rank parity differs). */
    private static boolean equalDiscoveryPair(Step step, List<Map<String, Object>> ranking) {
        int pairs;
        if (step.request() instanceof QueryPoints q && q.getQuery().hasDiscover()) {
            pairs = q.getQuery().getDiscover().getContext().getPairsCount();
        } else if (step.request() instanceof DiscoverPoints d && d.hasTarget()) {
            pairs = d.getContextCount();
        } else {
            return false;
        }
        for (Map<String, Object> hit : ranking) {
            long rank = (long) Math.floor(Ranking.key(hit));
            if (Math.floorMod(rank - pairs, 2) != 0) {
                return true;
            }
        }
        return false;
    }

    @SuppressWarnings("unchecked")
    private String scroll(Map<String, Object> engine, Map<String, Object> embedded) {
        List<Object> e = (List<Object>) engine.get("points");
        List<Object> a = (List<Object>) embedded.get("points");
        if (!Objects.equals(engine.get("next"), embedded.get("next"))) {
            return "next page offset " + embedded.get("next") + ", the engine's " + engine.get("next");
        }
        boolean ordered = !e.isEmpty() && ((Map<String, Object>) e.get(0)).containsKey("order_value");
        if (ordered) {
            // order_by: equal values have no defined order, so compare value by value, then each point's
            // contents against the engine's point of the same id when that is on the page
            // (a page without the rest of the ranking: ids whose value equals the page's last value may
            // differ, as the page can end inside a run of equal values)
            List<Map<String, Object>> eh = (List<Map<String, Object>>) (List<?>) e;
            List<Map<String, Object>> ah = (List<Map<String, Object>>) (List<?>) a;
            if (eh.size() != ah.size()) {
                return "page has " + ah.size() + " points, the engine's " + eh.size();
            }
            for (int i = 0; i < eh.size(); i++) {
                if (!Objects.equals(eh.get(i).get("order_value"), ah.get(i).get("order_value"))) {
                    return "position " + i + ": order_value " + ah.get(i) + ", the engine's " + eh.get(i);
                }
            }
            Object last = eh.isEmpty() ? null : eh.get(eh.size() - 1).get("order_value");
            List<Object> before = eh.stream().filter(p -> !Objects.equals(p.get("order_value"), last))
                    .map(p -> p.get("id")).toList();
            if (!ah.stream().map(p -> p.get("id")).toList().containsAll(before)) {
                return "ids " + ids(a) + ", the engine's " + ids(e);
            }
            return points(sortedById(e).stream().filter(p -> ids(a).contains(id(p))).toList(),
                    sortedById(a).stream().filter(p -> ids(e).contains(id(p))).toList());
        }
        return points(e, a);
    }

    private String points(List<Object> engine, List<Object> embedded) {
        if (!ids(engine).equals(ids(embedded))) {
            return "ids " + ids(embedded) + ", the engine's " + ids(engine);
        }
        for (int i = 0; i < engine.size(); i++) {
            @SuppressWarnings("unchecked")
            String d = point((Map<String, Object>) engine.get(i), (Map<String, Object>) embedded.get(i));
            if (d != null) {
                return d;
            }
        }
        return null;
    }

    /** Payload and vectors of the same point; the engine leaves out what was not asked for. */
    private String point(Map<String, Object> engine, Map<String, Object> embedded) {
        Object id = engine.get("id");
        Object payload = embedded.get("payload");
        if (engine.containsKey("payload")) {
            if (!Objects.equals(engine.get("payload"), payload)) {
                return "point " + id + ": payload " + payload + ", the engine's " + engine.get("payload");
            }
        } else if (payload instanceof Map<?, ?> m && !m.isEmpty()) {
            return "point " + id + ": payload " + payload + " not asked for";
        }
        if (!vectorsEqual(engine.get("vector"), embedded.get("vector"))) {
            return "point " + id + ": vectors " + embedded.get("vector") + ", the engine's " + engine.get("vector");
        }
        return null;
    }

    /**
     * Stored vectors agree exactly, except Cosine vectors from
     * {@link KnownExceptions#EDGE_RECIPROCAL_COSINE_FROM_DIM} dimensions, which agree to 1 ulp.
     */
    private boolean vectorsEqual(Object engine, Object embedded) {
        if (Objects.equals(engine, embedded)) {
            return true;
        }
        if (engine instanceof Map<?, ?> e && embedded instanceof Map<?, ?> a) {
            if (!e.keySet().equals(a.keySet())) {
                return false;
            }
            return e.keySet().stream().allMatch(name -> sameWithin(spaceOf((String) name), e.get(name), a.get(name)));
        }
        return engine instanceof List<?> && embedded instanceof List<?> && sameWithin(data.spaces.get(0), engine, embedded);
    }

    private Data.Space spaceOf(String name) {
        return data.spaces.stream().filter(s -> s.name().equals(name)).findFirst().orElse(null);
    }

    private static boolean sameWithin(Data.Space space, Object engine, Object embedded) {
        if (space == null || space.distance() != io.qdrant.client.grpc.Collections.Distance.Cosine
                || space.dim() < KnownExceptions.EDGE_RECIPROCAL_COSINE_FROM_DIM) {
            return Objects.equals(engine, embedded);
        }
        List<?> e = (List<?>) engine;
        List<?> a = (List<?>) embedded;
        if (e.size() != a.size()) {
            return false;
        }
        for (int i = 0; i < e.size(); i++) {
            float x = ((Number) e.get(i)).floatValue();
            float y = ((Number) a.get(i)).floatValue();
            if (Math.abs(x - y) > Math.ulp(Math.max(Math.abs(x), Math.abs(y)))) {
                return false;
            }
        }
        return true;
    }

    private int maxDim() {
        return data.spaces.stream().mapToInt(Data.Space::dim).max().orElse(1);
    }

    @SuppressWarnings("unchecked")
    private static Object id(Object point) {
        return ((Map<String, Object>) point).get("id");
    }

    private static List<Object> ids(List<Object> points) {
        return points.stream().map(Compare::id).toList();
    }

    private static List<Object> sortedById(List<Object> points) {
        List<Object> sorted = new ArrayList<>(points);
        sorted.sort(Comparator.comparing(p -> String.valueOf(id(p))));
        return sorted;
    }
}
