package io.github.qdrantscope.embedded.differential;

import com.google.common.util.concurrent.ListenableFuture;
import io.github.qdrantscope.embedded.EmbeddedQdrant;
import io.grpc.StatusRuntimeException;
import io.qdrant.client.QdrantGrpcClient;
import io.qdrant.client.grpc.Collections.CreateCollection;
import io.qdrant.client.grpc.Collections.DeleteCollection;
import io.qdrant.client.grpc.CollectionsGrpc.CollectionsFutureStub;
import io.qdrant.client.grpc.Points.BatchResult;
import io.qdrant.client.grpc.Points.ClearPayloadPoints;
import io.qdrant.client.grpc.Points.DiscoverBatchPoints;
import io.qdrant.client.grpc.Points.DiscoverPoints;
import io.qdrant.client.grpc.Points.QueryBatchPoints;
import io.qdrant.client.grpc.Points.RecommendBatchPoints;
import io.qdrant.client.grpc.Points.RecommendPointGroups;
import io.qdrant.client.grpc.Points.RecommendPoints;
import io.qdrant.client.grpc.Points.SearchBatchPoints;
import io.qdrant.client.grpc.Points.SearchPointGroups;
import io.qdrant.client.grpc.Points.CountPoints;
import io.qdrant.client.grpc.Points.CreateFieldIndexCollection;
import io.qdrant.client.grpc.Points.DeleteFieldIndexCollection;
import io.qdrant.client.grpc.Points.DeletePayloadPoints;
import io.qdrant.client.grpc.Points.DeletePointVectors;
import io.qdrant.client.grpc.Points.DeletePoints;
import io.qdrant.client.grpc.Points.FacetCounts;
import io.qdrant.client.grpc.Points.FacetHit;
import io.qdrant.client.grpc.Points.GetPoints;
import io.qdrant.client.grpc.Points.PointGroup;
import io.qdrant.client.grpc.Points.QueryPointGroups;
import io.qdrant.client.grpc.Points.QueryPoints;
import io.qdrant.client.grpc.Points.RetrievedPoint;
import io.qdrant.client.grpc.Points.ScoredPoint;
import io.qdrant.client.grpc.Points.ScrollPoints;
import io.qdrant.client.grpc.Points.ScrollResponse;
import io.qdrant.client.grpc.Points.SearchPoints;
import io.qdrant.client.grpc.Points.SetPayloadPoints;
import io.qdrant.client.grpc.Points.UpdatePointVectors;
import io.qdrant.client.grpc.Points.UpsertPoints;
import io.qdrant.client.grpc.PointsGrpc.PointsFutureStub;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Applies steps to an {@link EmbeddedQdrant} through the official client's gRPC stubs and answers in
 * the oracle's shape ({@link Json}): exactly the messages the oracle gets, over a real socket.
 */
final class EmbeddedSide implements AutoCloseable {

    private final QdrantGrpcClient grpc;
    private String collection;

    EmbeddedSide(EmbeddedQdrant server) {
        this.grpc = QdrantGrpcClient.newBuilder(server.host(), server.grpcPort(), false).build();
    }

    EdgeOracle.Answer apply(Step step) {
        try {
            return new EdgeOracle.Answer(run(step), null);
        } catch (StatusRuntimeException e) {
            return new EdgeOracle.Answer(null, e.getStatus().getCode() + " " + e.getStatus().getDescription());
        }
    }

    private Object run(Step step) {
        PointsFutureStub p = grpc.points().withDeadlineAfter(30, TimeUnit.SECONDS);
        return switch (step.op()) {
            case RESET -> reset((CreateCollection) step.request());
            case UPSERT -> ok(p.upsert((UpsertPoints) step.request()));
            case DELETE -> ok(p.delete((DeletePoints) step.request()));
            case SET_PAYLOAD -> ok(p.setPayload((SetPayloadPoints) step.request()));
            case OVERWRITE_PAYLOAD -> ok(p.overwritePayload((SetPayloadPoints) step.request()));
            case DELETE_PAYLOAD -> ok(p.deletePayload((DeletePayloadPoints) step.request()));
            case CLEAR_PAYLOAD -> ok(p.clearPayload((ClearPayloadPoints) step.request()));
            case UPDATE_VECTORS -> ok(p.updateVectors((UpdatePointVectors) step.request()));
            case DELETE_VECTORS -> ok(p.deleteVectors((DeletePointVectors) step.request()));
            case DELETE_INDEX -> ok(p.deleteFieldIndex((DeleteFieldIndexCollection) step.request()));
            case CREATE_INDEX -> ok(p.createFieldIndex((CreateFieldIndexCollection) step.request()));
            case GET -> records(get(p.get((GetPoints) step.request())).getResultList());
            case COUNT -> get(p.count((CountPoints) step.request())).getResult().getCount();
            case SCROLL -> scroll(get(p.scroll((ScrollPoints) step.request())));
            case FACET -> facets(get(p.facet((FacetCounts) step.request())).getHitsList());
            case SEARCH -> Map.of("points", scored(get(p.search((SearchPoints) step.request())).getResultList()));
            case QUERY -> Map.of("points", scored(get(p.query((QueryPoints) step.request())).getResultList()));
            case QUERY_GROUPS -> groups(get(p.queryGroups((QueryPointGroups) step.request())).getResult()
                    .getGroupsList());
            case SEARCH_BATCH -> batch(get(p.searchBatch((SearchBatchPoints) step.request())).getResultList());
            case QUERY_BATCH -> batch(get(p.queryBatch((QueryBatchPoints) step.request())).getResultList());
            case RECOMMEND -> Map.of("points", scored(get(p.recommend((RecommendPoints) step.request())).getResultList()));
            case DISCOVER -> Map.of("points", scored(get(p.discover((DiscoverPoints) step.request())).getResultList()));
            case SEARCH_GROUPS -> groups(get(p.searchGroups((SearchPointGroups) step.request())).getResult()
                    .getGroupsList());
            case RECOMMEND_BATCH -> batch(get(p.recommendBatch((RecommendBatchPoints) step.request())).getResultList());
            case DISCOVER_BATCH -> batch(get(p.discoverBatch((DiscoverBatchPoints) step.request())).getResultList());
            case RECOMMEND_GROUPS -> groups(get(p.recommendGroups((RecommendPointGroups) step.request())).getResult()
                    .getGroupsList());
        };
    }

    private Object reset(CreateCollection create) {
        CollectionsFutureStub c = grpc.collections().withDeadlineAfter(30, TimeUnit.SECONDS);
        if (collection != null) {
            get(c.delete(DeleteCollection.newBuilder().setCollectionName(collection).build()));
        }
        collection = create.getCollectionName();
        return get(grpc.collections().withDeadlineAfter(30, TimeUnit.SECONDS).create(create)).getResult();
    }

    private static Object ok(ListenableFuture<?> future) {
        get(future);
        return true;
    }

    private static <T> T get(ListenableFuture<T> future) {
        try {
            return future.get(60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof StatusRuntimeException s) {
                throw s;
            }
            throw new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("embedded server did not answer in 60 s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static List<Object> records(List<RetrievedPoint> points) {
        List<Object> out = new ArrayList<>();
        for (RetrievedPoint r : points) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", Json.id(r.getId()));
            m.put("payload", Json.payload(r.getPayloadMap()));
            if (r.hasVectors()) {
                m.put("vector", Json.vectors(r.getVectors()));
            }
            if (r.hasOrderValue()) {
                m.put("order_value", Json.orderValue(r.getOrderValue()));
            }
            out.add(m);
        }
        return out;
    }

    private static Object scroll(ScrollResponse r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("points", records(r.getResultList()));
        m.put("next", r.hasNextPageOffset() ? Json.id(r.getNextPageOffset()) : null);
        return m;
    }

    private static List<Object> scored(List<ScoredPoint> points) {
        List<Object> out = new ArrayList<>();
        for (ScoredPoint s : points) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", Json.id(s.getId()));
            m.put("score", (double) s.getScore());
            m.put("payload", Json.payload(s.getPayloadMap()));
            if (s.hasVectors()) {
                m.put("vector", Json.vectors(s.getVectors()));
            }
            if (s.hasOrderValue()) {
                m.put("order_value", Json.orderValue(s.getOrderValue()));
            }
            out.add(m);
        }
        return out;
    }

    private static List<Object> batch(List<BatchResult> results) {
        List<Object> out = new ArrayList<>();
        for (BatchResult r : results) {
            out.add(Map.of("points", scored(r.getResultList())));
        }
        return out;
    }

    private static List<Object> facets(List<FacetHit> hits) {
        List<Object> out = new ArrayList<>();
        for (FacetHit h : hits) {
            Object value = switch (h.getValue().getVariantCase()) {
                case STRING_VALUE -> h.getValue().getStringValue();
                case INTEGER_VALUE -> h.getValue().getIntegerValue();
                case BOOL_VALUE -> h.getValue().getBoolValue();
                case VARIANT_NOT_SET -> "(no value)";
            };
            out.add(Map.of("value", value, "count", h.getCount()));
        }
        return out;
    }

    private static List<Object> groups(List<PointGroup> groups) {
        List<Object> out = new ArrayList<>();
        for (PointGroup g : groups) {
            Object key = switch (g.getId().getKindCase()) {
                case UNSIGNED_VALUE -> g.getId().getUnsignedValue();
                case INTEGER_VALUE -> g.getId().getIntegerValue();
                case STRING_VALUE -> g.getId().getStringValue();
                case KIND_NOT_SET -> "(no key)";
            };
            List<Object> hits = new ArrayList<>();
            for (ScoredPoint s : g.getHitsList()) {
                hits.add(Map.of("id", Json.id(s.getId()), "score", (double) s.getScore()));
            }
            out.add(Map.of("id", key, "hits", hits));
        }
        return out;
    }

    @Override
    public void close() {
        grpc.close();
    }
}
