package io.github.qdrantscope.core.wire;

import io.github.qdrantscope.core.client.CallRejection;
import java.util.Set;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import io.github.qdrantscope.core.ProjectScope;
import io.grpc.Status;
import io.qdrant.client.grpc.Common.Condition;
import io.qdrant.client.grpc.Common.FieldCondition;
import io.qdrant.client.grpc.Common.Filter;
import io.qdrant.client.grpc.Common.Match;
import io.qdrant.client.grpc.Common.NestedCondition;
import io.qdrant.client.grpc.Common.PointId;
import io.qdrant.client.grpc.JsonWithInt;
import io.qdrant.client.grpc.Points;

/**
 * Scopes every part of a {@code qdrant.Points} request that selects points, wherever it sits: each
 * {@code PointId} is namespaced (ids to get, delete or update, recommend/discover/context examples, query by id,
 * scroll offsets, {@code has_id} conditions, formula conditions), each request-level filter gets the project
 * condition ANDed in (searches, queries and their prefetches, scroll, count, facet, matrix, selectors,
 * update filters), and each read that has no filter gets one. Filters inside a {@code Condition} or a
 * {@code nested} condition only get their ids namespaced: they are parts of a filter that is already scoped,
 * and a {@code nested} filter applies to array elements, which carry no project.
 *
 * <p>It walks messages by their descriptors so that no field is missed, skipping message types that cannot
 * hold an id or a filter (vectors, payload values, parameters) so that a request's vectors are never copied.
 */
final class ScopedMessages {

    /** Reads that always get a filter: without one they would see every project. */
    private static final Set<Descriptor> ALWAYS_FILTERED = Set.of(Points.SearchPoints.getDescriptor(),
            Points.SearchPointGroups.getDescriptor(), Points.ScrollPoints.getDescriptor(),
            Points.RecommendPoints.getDescriptor(), Points.RecommendPointGroups.getDescriptor(),
            Points.DiscoverPoints.getDescriptor(), Points.CountPoints.getDescriptor(),
            Points.PrefetchQuery.getDescriptor(), Points.QueryPoints.getDescriptor(),
            Points.QueryPointGroups.getDescriptor(), Points.FacetCounts.getDescriptor(),
            Points.SearchMatrixPoints.getDescriptor());

    /** Types that hold neither ids nor filters. */
    private static final Set<Descriptor> OPAQUE = Set.of(Points.Vector.getDescriptor(),
            Points.Vectors.getDescriptor(), Points.DenseVector.getDescriptor(), Points.SparseVector.getDescriptor(),
            Points.MultiDenseVector.getDescriptor(), Points.NamedVectors.getDescriptor(),
            JsonWithInt.Value.getDescriptor(), JsonWithInt.Struct.getDescriptor(),
            Points.SearchParams.getDescriptor(), Points.WithPayloadSelector.getDescriptor(),
            Points.WithVectorsSelector.getDescriptor(), Points.ReadConsistency.getDescriptor(),
            Points.WriteOrdering.getDescriptor(), Points.ShardKeySelector.getDescriptor(),
            Points.Document.getDescriptor(), Points.Image.getDescriptor(), Points.InferenceObject.getDescriptor(),
            Points.OrderBy.getDescriptor(), FieldCondition.getDescriptor(), Points.Mmr.getDescriptor(),
            Points.Rrf.getDescriptor(), Points.VectorsSelector.getDescriptor());

    /** Messages whose {@code filter} is part of an enclosing filter. */
    private static final Set<Descriptor> INNER_FILTER_PARENTS = Set.of(Condition.getDescriptor(),
            NestedCondition.getDescriptor());

    private final ProjectScope scope;

    /** The project's id keys, computed at the first id of each kind (one hash per request, not per id). */
    private final ScopedIds ids;

    private final Condition projectCondition;

    ScopedMessages(ProjectScope scope) {
        this.scope = scope;
        this.ids = ScopedIds.of(scope.name());
        this.projectCondition = Condition.newBuilder()
            .setField(FieldCondition.newBuilder()
                .setKey(scope.key())
                .setMatch(Match.newBuilder().setKeyword(scope.name())))
            .build();
    }

    /** The project condition, {@code key == project}. */
    Condition projectCondition() {
        return this.projectCondition;
    }

    /** {@code filter} with its ids namespaced and the project condition ANDed in. */
    Filter scoped(Filter filter) {
        return ((Filter) walk(filter)).toBuilder().addMust(this.projectCondition).build();
    }

    /** A filter that is only the project condition. */
    Filter projectOnly() {
        return Filter.newBuilder().addMust(this.projectCondition).build();
    }

    /** The stored id of the application's {@code id}; responses compute {@code id} back ({@link ScopedIds}). */
    PointId namespaced(PointId id) {
        return this.ids.stored(id);
    }

    /** {@code message} with every id and filter in it scoped; the same instance when nothing changed. */
    @SuppressWarnings("unchecked")
    <M extends Message> M walk(M message) {
        Descriptor type = message.getDescriptorForType();
        if (OPAQUE.contains(type)) {
            return message;
        }
        if (type == PointId.getDescriptor()) {
            return (M) namespaced((PointId) message);
        }
        rejectUnsupported(message, type);
        Message.Builder builder = MessageFields.map(message, value -> field(type, value));
        if (ALWAYS_FILTERED.contains(type)) {
            FieldDescriptor filter = type.findFieldByName("filter");
            if (!message.hasField(filter)) {
                builder = builder != null ? builder : message.toBuilder();
                builder.setField(filter, projectOnly());
            }
        }
        return builder == null ? message : (M) builder.build();
    }

    private Message field(Descriptor parent, Message value) {
        if (value instanceof Filter filter && !INNER_FILTER_PARENTS.contains(parent)) {
            return scoped(filter);
        }
        return walk(value);
    }

    /** Request shapes whose effect a scope cannot confine. */
    private void rejectUnsupported(Message message, Descriptor type) {
        if (message instanceof Points.SearchPointGroups groups) {
            rejectGroups(groups.getGroupBy(), groups.hasWithLookup(), "SearchGroups");
        }
        else if (message instanceof Points.RecommendPointGroups groups) {
            rejectGroups(groups.getGroupBy(), groups.hasWithLookup(), "RecommendGroups");
        }
        else if (message instanceof Points.QueryPointGroups groups) {
            rejectGroups(groups.getGroupBy(), groups.hasWithLookup(), "QueryGroups");
        }
        else if (message instanceof Points.FacetCounts facet) {
            Reserved.rejectPath(this.scope, facet.getKey(), "Facet key");
        }
    }

    private void rejectGroups(String groupBy, boolean withLookup, String rpc) {
        Reserved.rejectPath(this.scope, groupBy, rpc + " group_by");
        if (withLookup) {
            // group ids are payload values, looked up as point ids of another collection on the server, where they
            // cannot be namespaced
            throw new CallRejection(Status.Code.INVALID_ARGUMENT, rpc + " with with_lookup cannot be scoped to"
                    + " project '" + this.scope.name() + "': the server looks group ids up as point ids, which are"
                    + " namespaced per project; fetch the looked-up points with a Get of the group ids instead");
        }
    }
}
