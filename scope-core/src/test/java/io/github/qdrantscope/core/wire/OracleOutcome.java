package io.github.qdrantscope.core.wire;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import com.google.protobuf.TextFormat;
import io.grpc.Status;
import io.qdrant.client.grpc.Points;
import io.qdrant.client.grpc.Points.ScoredPoint;

/**
 * What one side answered: a response, normalised for comparison, or a failure status.
 *
 * <p>Normalising removes only what legitimately differs between a collection shared by many projects and a
 * fresh one: the server's timing ({@code time}, {@code usage}) and the per-collection operation counters
 * ({@code UpdateResult.operation_id}, {@code ScoredPoint.version}), which count every project's writes; and the
 * facet hits with count 0 that an exact facet without a filter lists for values whose last point left (Qdrant
 * 1.17's mutable map index keeps them, see the embedded server's {@code RetiredIndexValues}): a project's facet
 * always carries the project filter, so it lists only values its points hold, as a filtered facet of a fresh
 * collection does.
 *
 * @param response the normalised response, or {@code null} on failure
 * @param status the failure, or {@code null}
 */
record OracleOutcome(Message response, Status status) {

    private static final Set<String> SERVER_COUNTERS = Set.of("time", "usage");

    static OracleOutcome of(Message response, boolean ties) {
        return new OracleOutcome(normalise(response, ties), null);
    }

    static OracleOutcome failed(Status status) {
        return new OracleOutcome(null, status);
    }

    boolean ok() {
        return this.status == null;
    }

    /** Same response, or failures with the same status code (messages may name stored ids). */
    boolean sameAs(OracleOutcome other) {
        if (ok() != other.ok()) {
            return false;
        }
        return ok() ? this.response.equals(other.response) : this.status.getCode() == other.status.getCode();
    }

    @Override
    public String toString() {
        return ok() ? TextFormat.printer().printToString(this.response)
                : this.status.getCode() + " " + this.status.getDescription();
    }

    private static Message normalise(Message message, boolean ties) {
        Message.Builder builder = message.toBuilder();
        for (Map.Entry<FieldDescriptor, Object> entry : message.getAllFields().entrySet()) {
            FieldDescriptor field = entry.getKey();
            if (SERVER_COUNTERS.contains(field.getName()) && field.getContainingType().getName().endsWith("Response")
                    || isCounter(field)) {
                builder.clearField(field);
            }
            else if (field.getJavaType() == FieldDescriptor.JavaType.MESSAGE && !field.isMapField()) {
                if (field.isRepeated()) {
                    List<Message> values = new ArrayList<>();
                    for (Object value : (List<?>) entry.getValue()) {
                        if (!isRetiredFacetValue(value)) {
                            values.add(normalise((Message) value, ties));
                        }
                    }
                    if (ties && field.getMessageType() == ScoredPoint.getDescriptor()) {
                        sortTies(values);
                    }
                    builder.setField(field, values);
                }
                else {
                    builder.setField(field, normalise((Message) entry.getValue(), ties));
                }
            }
        }
        return builder.build();
    }

    private static boolean isRetiredFacetValue(Object value) {
        return value instanceof Points.FacetHit hit && hit.getCount() == 0;
    }

    private static boolean isCounter(FieldDescriptor field) {
        return field.getContainingType() == Points.UpdateResult.getDescriptor() && field.getName().equals("operation_id")
                || field.getContainingType() == ScoredPoint.getDescriptor() && field.getName().equals("version");
    }

    /**
     * Orders each run of equal scores by id: where a ranking gives equal scores by construction, their order is
     * Qdrant's undefined tie order, which follows stored ids. Only the order inside a run changes; which points
     * are in it, and every score, are still compared.
     */
    private static void sortTies(List<Message> points) {
        int start = 0;
        while (start < points.size()) {
            float score = ((ScoredPoint) points.get(start)).getScore();
            int end = start + 1;
            while (end < points.size() && ((ScoredPoint) points.get(end)).getScore() == score) {
                end++;
            }
            points.subList(start, end).sort((a, b) -> WireIds.QDRANT_ORDER.compare(((ScoredPoint) a).getId(),
                    ((ScoredPoint) b).getId()));
            start = end;
        }
    }
}
