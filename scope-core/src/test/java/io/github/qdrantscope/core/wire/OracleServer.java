package io.github.qdrantscope.core.wire;

import static io.github.qdrantscope.core.wire.ScopedClients.get;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.google.protobuf.Message;
import io.github.qdrantscope.core.ProjectScope;
import io.github.qdrantscope.core.UnscopedPolicy;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.MethodDescriptor;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ClientCalls;
import io.qdrant.client.QdrantClient;
import io.qdrant.client.grpc.Collections.Distance;
import io.qdrant.client.grpc.Collections.PayloadSchemaType;
import io.qdrant.client.grpc.Collections.VectorParams;

/**
 * The oracle's server: one embedded Qdrant, a client whose channel carries the {@link ProjectScopeInterceptor}
 * and a plain one, and the two collection configurations, each created the same way for the shared and the
 * fresh collections.
 */
final class OracleServer implements AutoCloseable {

    final ScopedClients qdrant = new ScopedClients();

    /** Scoped calls only: the unscoped guard is not what the oracle tests. */
    final QdrantClient scoped = this.qdrant.scoped(UnscopedPolicy.ALLOW, collection -> false);

    final QdrantClient raw = this.qdrant.raw();

    /** The collection every project of a configuration shares. */
    String shared(boolean named) throws Exception {
        String name = named ? "oracle_shared_named" : "oracle_shared";
        synchronized (this) {
            if (!get(this.raw.collectionExistsAsync(name))) {
                create(name, named);
            }
        }
        return name;
    }

    /**
     * A new collection with the indexes the oracle needs: keyword {@code color} and {@code tags} (facets),
     * integer {@code rank} (order_by).
     */
    void create(String name, boolean named) throws Exception {
        if (named) {
            get(this.raw.createCollectionAsync(name, Map.of(
                    "a", VectorParams.newBuilder().setSize(4).setDistance(Distance.Dot).build(),
                    "b", VectorParams.newBuilder().setSize(3).setDistance(Distance.Euclid).build())));
        }
        else {
            get(this.raw.createCollectionAsync(name,
                    VectorParams.newBuilder().setSize(4).setDistance(Distance.Cosine).build()));
        }
        index(name, "color", PayloadSchemaType.Keyword);
        index(name, "tags", PayloadSchemaType.Keyword);
        index(name, "rank", PayloadSchemaType.Integer);
    }

    private void index(String collection, String field, PayloadSchemaType type) throws Exception {
        get(this.raw.createPayloadIndexAsync(collection, field, type, null, true, null, null));
    }

    void drop(String collection) throws Exception {
        get(this.raw.deleteCollectionAsync(collection));
    }

    /** Calls {@code method} through the scoped client inside {@code scope}, or through the plain one. */
    OracleOutcome call(ProjectScope scope, MethodDescriptor<?, ?> method, Message request, boolean ties) {
        Channel channel = (scope != null ? this.scoped : this.raw).grpcClient().channel();
        try (ProjectScope.Binding ignored = scope != null ? ProjectScope.open(scope) : null) {
            @SuppressWarnings("unchecked")
            MethodDescriptor<Message, Message> unary = (MethodDescriptor<Message, Message>) method;
            Message response = ClientCalls.blockingUnaryCall(channel, unary,
                    CallOptions.DEFAULT.withDeadlineAfter(60, TimeUnit.SECONDS), request);
            return OracleOutcome.of(response, ties);
        }
        catch (StatusRuntimeException ex) {
            return OracleOutcome.failed(ex.getStatus());
        }
    }

    @Override
    public void close() {
        this.qdrant.close();
    }
}
