package io.github.qdrantscope.autoconfigure.scope;

import io.github.qdrantscope.core.ProjectScope;
import io.github.qdrantscope.core.ProxiedCalls;
import io.github.qdrantscope.core.ScopedProject;
import io.github.qdrantscope.core.wire.UnscopedPointRequests;

import java.util.function.Predicate;
import java.util.function.Supplier;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import io.github.qdrantscope.core.metrics.ScopeMetrics;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ForwardingClientCall.SimpleForwardingClientCall;
import io.grpc.MethodDescriptor;
import io.qdrant.client.grpc.PointsGrpc;

/**
 * A gRPC {@link ClientInterceptor} that counts raw {@code QdrantClient} calls bypassing the project scope
 * on a scoped collection: a read without a condition on the project key counts as {@code unscoped_read};
 * an upsert of a point outside the project, or a payload/vector update of points not selected by a
 * condition on the key, as {@code unscoped_write}; a point, payload or vector delete not selected by such a
 * condition as {@code unscoped_delete}. {@link UnscopedPointRequests} has the rule for each RPC. Calls made
 * by the scoping {@code VectorStore} proxy itself are not counted again.
 *
 * <p>Inside a scope the project key is the scope's key, outside one {@link ScopedProject#DEFAULT_KEY}. It
 * only counts (never rejects): raw-client access is the application's own business, the number shows how
 * much of it there is.
 */
public class UnscopedQdrantCallCounter implements ClientInterceptor {

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
        String rpc = method.getBareMethodName();
        if (!PointsGrpc.SERVICE_NAME.equals(method.getServiceName()) || !UnscopedPointRequests.inspects(rpc)
                || ProxiedCalls.active()) {
            return call;
        }
        // Captured on the calling thread: that is where the test's scope is bound.
        ProjectScope scope = ProjectScope.current().orElse(null);
        return new SimpleForwardingClientCall<>(call) {
            @Override
            public void sendMessage(Q message) {
                inspect(rpc, scope, message);
                super.sendMessage(message);
            }
        };
    }

    private void inspect(String rpc, ProjectScope scope, Object message) {
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
        String project = scope != null ? scope.name() : null;
        for (UnscopedPointRequests.Finding finding : UnscopedPointRequests.findings(rpc, request, key, project)) {
            this.metrics.get().contention(finding.kind(), project, collection, "raw QdrantClient "
                    + finding.operation() + " on collection '" + collection + "' " + finding.problem());
        }
    }
}
