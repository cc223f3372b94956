package io.github.qdrantscope.core.fork;

import io.github.qdrantscope.core.client.RefusedCall;
import io.github.qdrantscope.core.client.RewritingCall;
import io.github.qdrantscope.core.lease.CollectionClaimedException;
import io.github.qdrantscope.core.lease.LostLeases;
import io.github.qdrantscope.core.metrics.ContentionException;
import io.github.qdrantscope.core.metrics.ContentionKind;

import java.util.Set;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.qdrant.client.grpc.CollectionsGrpc;
import io.qdrant.client.grpc.PointsGrpc;
import io.qdrant.client.grpc.SnapshotsGrpc;

/**
 * Isolates a fork's collections at the wire: a gRPC {@link ClientInterceptor} for the channel of any Qdrant
 * client (the official {@code QdrantClient}, and so every store built on it) that maps the application's
 * collection and alias names into the fork's namespace by {@link ForkCollections}' rule, without a change to
 * the application's code.
 *
 * <p>In every request of {@code qdrant.Collections}, {@code qdrant.Points} and {@code qdrant.Snapshots}, every
 * field that names a collection or an alias is mapped, nested ones included ({@code collection_name} of each
 * request and of the requests inside a batch, {@code lookup_from}, {@code with_lookup}, alias operations), and
 * a snapshot name given for deletion. A name that would be too long for Qdrant fails the call with
 * {@code INVALID_ARGUMENT} before anything is sent.
 *
 * <p>Responses come back under the application's names: {@code List} shows only this fork's collections,
 * alias listings only this fork's aliases, snapshot names start with the application's collection name, and
 * an error's text names the application's collection, exactly as a Qdrant of its own would word it.
 *
 * <p>Once the fork's heartbeat finds the namespace's lease held by another process ({@link LostLeases}), every
 * call fails with {@code FAILED_PRECONDITION} naming the new holder, and nothing is sent: the new holder cleared the
 * data and uses it for its own tests.
 *
 * <p>Other services (health checks) pass unchanged. Put this interceptor closest to the transport (with
 * {@code ManagedChannelBuilder.intercept}, add it first: the interceptor added last runs first), so every other
 * interceptor sees the application's names.
 */
public final class ForkCollectionsInterceptor implements ClientInterceptor {

    private static final Set<String> SERVICES = Set.of(CollectionsGrpc.SERVICE_NAME, PointsGrpc.SERVICE_NAME,
            SnapshotsGrpc.SERVICE_NAME);

    private final ForkCollections fork;

    private final Runnable beforeFirstCall;

    private volatile boolean prepared;

    private volatile RuntimeException refusal;

    /** @param fork the rule of the fork whose names this channel maps */
    public ForkCollectionsInterceptor(ForkCollections fork) {
        this(fork, () -> {
        });
    }

    /**
     * @param fork the rule of the fork whose names this channel maps
     * @param beforeFirstCall run once, on the calling thread, before the first mapped call is sent: leasing the
     *     namespace ({@link ForkRuntime#mapsInto}) where it is not leased eagerly. While it fails, every mapped call
     *     fails with its message ({@code FAILED_PRECONDITION} when another JVM holds the namespace, for good;
     *     {@code UNAVAILABLE} otherwise, retried on the next call) and nothing is sent.
     */
    public ForkCollectionsInterceptor(ForkCollections fork, Runnable beforeFirstCall) {
        this.fork = fork;
        this.beforeFirstCall = beforeFirstCall;
    }

    /**
     * @param namespace the fork's namespace, its bound collection name
     * @throws IllegalArgumentException as {@link ForkCollections#ForkCollections(String)}
     */
    public ForkCollectionsInterceptor(String namespace) {
        this(new ForkCollections(namespace));
    }

    /** The rule this interceptor applies. */
    public ForkCollections fork() {
        return this.fork;
    }

    @Override
    public <Q, R> ClientCall<Q, R> interceptCall(MethodDescriptor<Q, R> method, CallOptions callOptions,
            Channel next) {
        if (!SERVICES.contains(method.getServiceName())) {
            return next.newCall(method, callOptions);
        }
        if (!this.prepared) {
            Status refused = prepare();
            if (refused != null) {
                return new RefusedCall<>(refused);
            }
        }
        String lost = LostLeases.of(this.fork.namespace());
        if (lost != null) {
            return new RefusedCall<>(Status.FAILED_PRECONDITION.withDescription(lost));
        }
        if (method.getType() != MethodDescriptor.MethodType.UNARY) {
            // none in Qdrant 1.17; a streaming RPC added later must be mapped by design, never passed unmapped
            return new RefusedCall<>(Status.UNIMPLEMENTED.withDescription("qdrant-scope cannot map the collection names"
                    + " of the streaming RPC " + method.getFullMethodName()));
        }
        return new RewritingCall<>(method, next, callOptions, new ForkCallMapping(this.fork,
                method.getFullMethodName()));
    }

    private synchronized Status prepare() {
        if (this.refusal != null) {
            return refused(Status.FAILED_PRECONDITION, this.refusal);
        }
        if (this.prepared) {
            return null;
        }
        try {
            this.beforeFirstCall.run();
            this.prepared = true;
            return null;
        }
        catch (CollectionClaimedException ex) {
            this.refusal = ex;
            return refused(Status.FAILED_PRECONDITION, ex);
        }
        catch (ContentionException ex) {
            // the same refusal under fail-on-contention (the claimer counts before it throws): remembered, so later
            // calls neither claim again nor count the same contention twice
            if (ex.kind() != ContentionKind.COLLECTION_CLAIM) {
                return refused(Status.UNAVAILABLE, ex);
            }
            this.refusal = ex;
            return refused(Status.FAILED_PRECONDITION, ex);
        }
        catch (RuntimeException ex) {
            return refused(Status.UNAVAILABLE, ex);
        }
    }

    private static Status refused(Status status, RuntimeException cause) {
        return status.withDescription(cause.getMessage()).withCause(cause);
    }
}
