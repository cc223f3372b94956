package io.github.qdrantscope.core.lease;

import static io.qdrant.client.ConditionFactory.hasId;
import static io.qdrant.client.ConditionFactory.match;
import static io.qdrant.client.ConditionFactory.matchKeyword;
import static io.qdrant.client.PointIdFactory.id;
import static io.qdrant.client.ValueFactory.value;
import static io.qdrant.client.VectorsFactory.vectors;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.qdrant.client.grpc.Common.Filter;
import io.qdrant.client.grpc.JsonWithInt.Value;
import io.qdrant.client.grpc.Points.PointStruct;
import io.qdrant.client.grpc.Points.RetrievedPoint;

/**
 * How a {@link LeaseOwner} is stored in the collection it owns: one reserved point.
 *
 * <p>The point has id {@value #POINT_ID}, a zero vector (score 0 against any query) and the payload
 * {@value #MARKER_KEY}{@code =true} plus {@code qdrant_scope_lease_run}, {@code _fork}, {@code _host},
 * {@code _pid}, {@code _process_start}, {@code _claimed_at} and {@code _renewed_at} (the holder's last heartbeat;
 * a lease written before renewals existed has none and counts as renewed when claimed). It carries no project
 * key, so every scoped
 * search and delete excludes it; it carries the vector store's content field so that Spring AI can still
 * turn it into a document if an unscoped search returns it.
 */
public final class CollectionLease {

    /** The reserved point id of the lease; never used by documents (their ids are random or namespaced). */
    public static final String POINT_ID = "00000000-0000-0000-0000-000000001ea5";

    /** Payload key marking the lease point. */
    public static final String MARKER_KEY = "qdrant_scope_lease";

    private static final String PREFIX = MARKER_KEY + "_";

    private CollectionLease() {
    }

    /** The reserved point id. */
    public static io.qdrant.client.grpc.Common.PointId pointId() {
        return id(UUID.fromString(POINT_ID));
    }

    /** The lease point for {@code owner} in a collection of {@code dimension}. */
    public static PointStruct toPoint(LeaseOwner owner, int dimension, String contentField) {
        return PointStruct.newBuilder()
                .setId(pointId())
                .setVectors(vectors(new float[dimension]))
                .putAllPayload(payload(owner, contentField))
                .build();
    }

    /** The whole payload of {@code owner}'s lease point: what a takeover sets over the previous holder's. */
    public static Map<String, Value> payload(LeaseOwner owner, String contentField) {
        Map<String, Value> payload = new HashMap<>();
        payload.put(MARKER_KEY, value(true));
        payload.put(PREFIX + "run", value(owner.run()));
        payload.put(PREFIX + "fork", value(owner.fork()));
        payload.put(PREFIX + "host", value(owner.host()));
        payload.put(PREFIX + "pid", value(owner.pid()));
        payload.put(PREFIX + "process_start", value(processStart(owner)));
        payload.put(PREFIX + "claimed_at", value(owner.claimedAt().toString()));
        payload.put(PREFIX + "renewed_at", value(owner.renewedAt().toString()));
        payload.put(contentField, value("qdrant-scope ownership lease of " + owner.describe()));
        return payload;
    }

    /** The payload a renewal at {@code now} sets. */
    public static Map<String, Value> renewal(Instant now) {
        return Map.of(PREFIX + "renewed_at", value(now.toString()));
    }

    /**
     * Selects the lease point while {@code owner} holds it, as last read: same process and, when {@code exact}, the
     * same last renewal. A write through this filter is a compare-and-set: Qdrant applies a collection's updates
     * one at a time, so it changes the lease only if no one replaced it in between.
     */
    public static Filter heldBy(LeaseOwner owner, boolean exact) {
        Filter.Builder filter = Filter.newBuilder()
                .addMust(hasId(pointId()))
                .addMust(match(MARKER_KEY, true))
                .addMust(matchKeyword(PREFIX + "run", owner.run()))
                .addMust(matchKeyword(PREFIX + "fork", owner.fork()))
                .addMust(matchKeyword(PREFIX + "host", owner.host()))
                .addMust(match(PREFIX + "pid", owner.pid()))
                .addMust(matchKeyword(PREFIX + "process_start", processStart(owner)));
        if (exact) {
            filter.addMust(matchKeyword(PREFIX + "claimed_at", owner.claimedAt().toString()));
        }
        return filter.build();
    }

    /** Every point but the lease: what a takeover deletes. */
    public static Filter allButLease() {
        return Filter.newBuilder().addMustNot(hasId(pointId())).build();
    }

    private static String processStart(LeaseOwner owner) {
        return owner.processStart() == null ? "" : owner.processStart().toString();
    }

    /** The owner recorded in {@code points} (the result of retrieving {@link #POINT_ID}), or {@code null}. */
    public static LeaseOwner fromPoints(List<RetrievedPoint> points) {
        if (points.isEmpty()) {
            return null;
        }
        Map<String, Value> payload = points.get(0).getPayloadMap();
        if (!payload.containsKey(MARKER_KEY)) {
            return null;
        }
        String processStart = text(payload, "process_start");
        Instant claimedAt = Instant.parse(text(payload, "claimed_at"));
        String renewedAt = text(payload, "renewed_at");
        return new LeaseOwner(text(payload, "run"), text(payload, "fork"), text(payload, "host"),
                payload.get(PREFIX + "pid").getIntegerValue(),
                processStart.isEmpty() ? null : Instant.parse(processStart), claimedAt,
                renewedAt.isEmpty() ? claimedAt : Instant.parse(renewedAt));
    }

    private static String text(Map<String, Value> payload, String key) {
        Value value = payload.get(PREFIX + key);
        return value == null ? "" : value.getStringValue();
    }
}
