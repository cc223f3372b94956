package io.github.qdrantscope.autoconfigure.scope;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import io.github.qdrantscope.autoconfigure.metrics.ContentionKind;
import io.github.qdrantscope.autoconfigure.metrics.ScopeMetrics;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ForwardingClientCall.SimpleForwardingClientCall;
import io.grpc.MethodDescriptor;
import io.qdrant.client.grpc.Common;
import io.qdrant.client.grpc.PointsGrpc;

/**
 * A gRPC {@link ClientInterceptor} that counts raw {@code QdrantClient} calls bypassing the project scope:
 * a read or a point delete on a scoped collection whose request has no condition on the project key
 * counts as {@code unscoped_read} / {@code unscoped_delete} contention. Calls made by the scoping
 * {@code VectorStore} proxy itself are not counted again.
 *
 * <p>It only counts (never rejects): raw-client access is the application's own business, the number
 * shows how much of it there is. A filter "mentions the project key" when any field condition in the
 * request uses it, at any depth.
 */
public class UnscopedQdrantCallCounter implements ClientInterceptor {

    private static final Set<String> READS = Set.of("Get", "Search", "SearchBatch", "SearchGroups", "Scroll",
            "Recommend", "RecommendBatch", "RecommendGroups", "Discover", "DiscoverBatch", "Count", "Query",
            "QueryBatch", "QueryGroups", "Facet", "SearchMatrixPairs", "SearchMatrixOffsets");

    private static final Set<String> DELETES = Set.of("Delete");

    private final Supplier<ScopeMetrics> metrics;

    private final Predicate<String> scopedCollection;

    /**
     * @param metrics where counts go
     * @param scopedCollection which collections are scoped (normally the fork's collection)
     */
    public UnscopedQdrantCallCounter(Supplier<ScopeMetrics> metrics, Predicate<String> scopedCollection) {
        this.metrics = metrics;
        this.scopedCollection = scopedCollection;
    }

    @Override
    public <Q, R> ClientCall<Q, R> interceptCall(MethodDescriptor<Q, R> method, CallOptions callOptions,
            Channel next) {
        ClientCall<Q, R> call = next.newCall(method, callOptions);
        ContentionKind kind = kindOf(method);
        if (kind == null || ProxiedCalls.active()) {
            return call;
        }
        // Captured on the calling thread: that is where the test's scope is bound.
        ProjectScope scope = ProjectScope.current().orElse(null);
        return new SimpleForwardingClientCall<>(call) {
            @Override
            public void sendMessage(Q message) {
                inspect(kind, scope, message);
                super.sendMessage(message);
            }
        };
    }

    private static ContentionKind kindOf(MethodDescriptor<?, ?> method) {
        if (!PointsGrpc.SERVICE_NAME.equals(method.getServiceName())) {
            return null;
        }
        String name = method.getBareMethodName();
        if (READS.contains(name)) {
            return ContentionKind.UNSCOPED_READ;
        }
        return DELETES.contains(name) ? ContentionKind.UNSCOPED_DELETE : null;
    }

    private void inspect(ContentionKind kind, ProjectScope scope, Object message) {
        if (!(message instanceof Message request)) {
            return;
        }
        FieldDescriptor collectionField = request.getDescriptorForType().findFieldByName("collection_name");
        if (collectionField == null) {
            return;
        }
        String collection = (String) request.getField(collectionField);
        if (!this.scopedCollection.test(collection)) {
            return;
        }
        String key = scope != null ? scope.key() : ScopedProject.DEFAULT_KEY;
        if (!mentionsKey(request, key)) {
            this.metrics.get().contention(kind, scope != null ? scope.name() : null, collection,
                    "raw QdrantClient " + kind.tag().replace("unscoped_", "") + " on collection '" + collection
                            + "' without a condition on payload key '" + key + "'");
        }
    }

    static boolean mentionsKey(Message message, String key) {
        if (message instanceof Common.FieldCondition condition) {
            return key.equals(condition.getKey());
        }
        for (Map.Entry<FieldDescriptor, Object> field : message.getAllFields().entrySet()) {
            if (field.getKey().getJavaType() != FieldDescriptor.JavaType.MESSAGE) {
                continue;
            }
            if (field.getKey().isRepeated()) {
                for (Object element : (List<?>) field.getValue()) {
                    if (mentionsKey((Message) element, key)) {
                        return true;
                    }
                }
            }
            else if (mentionsKey((Message) field.getValue(), key)) {
                return true;
            }
        }
        return false;
    }
}
