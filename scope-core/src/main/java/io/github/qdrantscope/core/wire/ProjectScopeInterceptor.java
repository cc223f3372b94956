package io.github.qdrantscope.core.wire;

import io.github.qdrantscope.core.client.CallRejection;
import io.github.qdrantscope.core.client.UncoveredClients;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.function.Predicate;
import java.util.function.Supplier;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import io.github.qdrantscope.core.ProjectScope;
import io.github.qdrantscope.core.ProxiedCalls;
import io.github.qdrantscope.core.ScopedProject;
import io.github.qdrantscope.core.UnscopedAccessException;
import io.github.qdrantscope.core.client.RewritingCall;
import io.github.qdrantscope.core.metrics.CountedOperations;
import io.github.qdrantscope.core.metrics.NoOpScopeMetrics;
import io.github.qdrantscope.core.metrics.ScopeMetrics;
import io.github.qdrantscope.core.server.ServerWatch;
import io.grpc.CallOptions;
import io.qdrant.client.grpc.Common.PointId;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.qdrant.client.grpc.PointsGrpc;

/**
 * The one place a Qdrant request is scoped: a gRPC {@link ClientInterceptor} for any channel a Qdrant client
 * talks through (the official {@code QdrantClient}, and so Spring AI's and LangChain4j's stores built on it).
 *
 * <p>Inside a {@link ProjectScope} (read on the calling thread when the call is created) every
 * {@code qdrant.Points} RPC is scoped to the project, on every collection: writes are stamped and their ids
 * namespaced, every filter gets the project condition, responses carry the application's ids back without the
 * reserved payload fields ({@link ScopedRequests}, {@link ScopedMessages}, {@link ScopedResponses}). A request
 * that touches a reserved field, or whose effect a scope cannot confine, fails with {@code INVALID_ARGUMENT}
 * before anything is sent.
 *
 * <p>Outside a scope, a call on a collection {@code guarded} selects that bypasses projects
 * ({@link UnscopedPointRequests}) goes to the {@link UnscopedAccessGuard}: counted, warned about, or rejected with
 * {@code FAILED_PRECONDITION} under {@code qdrant-scope.unscoped=fail}. Calls qdrant-scope makes for a scope it
 * already applied ({@link ProxiedCalls}) pass unchanged.
 *
 * <p>Every other {@code qdrant.Points} RPC is counted as a {@code qdrant.scope.operations} ({@link WireOperations}),
 * unless it runs inside an operation already counted as one ({@link CountedOperations}).
 *
 * <p>Every call but a health check, of any service, goes through the {@link ServerWatch}: given a deadline when it
 * has none, failed with a message naming server, RPC, collection and test when the server does not answer, and
 * refused at once once the server is known to be gone.
 */
public final class ProjectScopeInterceptor implements ClientInterceptor {

    /**
     * A stored id in Qdrant's error texts, where Qdrant names a point id ({@code CollectionError::PointNotFound},
     * lib/collection/src/operations/types.rs: "No point with id {} found"): a number, or a UUID as Qdrant prints
     * it (lowercase, hyphenated). Only there: any other UUID in a message is no point id of the project.
     */
    private static final Pattern STORED_ID = Pattern
        .compile("(?<=point with id )(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[0-9]{1,20})");

    private final ScopedProjects projects;

    private final UnscopedAccessGuard guard;

    private final Predicate<String> guarded;

    private final Supplier<ScopeMetrics> operations;

    private final ServerWatch watch;

    /**
     * @param projects the registry of what projects wrote (normally {@link ScopedProjects#jvm()})
     * @param guard the policy for calls outside a scope
     * @param guarded the collections the guard covers
     */
    public ProjectScopeInterceptor(ScopedProjects projects, UnscopedAccessGuard guard, Predicate<String> guarded) {
        this(projects, guard, guarded, () -> NoOpScopeMetrics.INSTANCE);
    }

    /**
     * @param projects the registry of what projects wrote (normally {@link ScopedProjects#jvm()})
     * @param guard the policy for calls outside a scope
     * @param guarded the collections the guard covers
     * @param operations where each RPC is counted as an operation (see {@link WireOperations})
     */
    public ProjectScopeInterceptor(ScopedProjects projects, UnscopedAccessGuard guard, Predicate<String> guarded,
            Supplier<ScopeMetrics> operations) {
        this(projects, guard, guarded, operations, ServerWatch.defaults());
    }

    /**
     * @param projects the registry of what projects wrote (normally {@link ScopedProjects#jvm()})
     * @param guard the policy for calls outside a scope
     * @param guarded the collections the guard covers
     * @param operations where each RPC is counted as an operation (see {@link WireOperations})
     * @param watch deadlines and fail-fast when the server goes away ({@link ServerWatch#forApplication})
     */
    public ProjectScopeInterceptor(ScopedProjects projects, UnscopedAccessGuard guard, Predicate<String> guarded,
            Supplier<ScopeMetrics> operations, ServerWatch watch) {
        this.projects = projects;
        this.guard = guard;
        this.guarded = guarded;
        this.operations = operations;
        this.watch = watch;
    }

    @Override
    public <Q, R> ClientCall<Q, R> interceptCall(MethodDescriptor<Q, R> method, CallOptions callOptions,
            Channel next) {
        return this.watch.watch(method, callOptions, next, this::scoped);
    }

    private <Q, R> ClientCall<Q, R> scoped(MethodDescriptor<Q, R> method, CallOptions callOptions, Channel next) {
        if (!PointsGrpc.SERVICE_NAME.equals(method.getServiceName())) {
            return next.newCall(method, callOptions);
        }
        // marked covered only where the watcher looks (Points calls), so other calls allocate nothing here
        CallOptions options = UncoveredClients.covered(callOptions);
        if (ProxiedCalls.active()) {
            return next.newCall(method, options);
        }
        String rpc = method.getBareMethodName();
        ProjectScope scope = ProjectScope.current().orElse(null);
        RewritingCall.Handler handler = scope != null ? new Scoped(scope, rpc) : new Unscoped(rpc);
        if (!CountedOperations.active()) {
            handler = new WireOperations(handler, rpc, scope != null, this.operations);
        }
        return new RewritingCall<>(method, next, options, handler);
    }

    /** The request's {@code collection_name}, empty when it has none. */
    static String collection(Message request) {
        FieldDescriptor field = request.getDescriptorForType().findFieldByName("collection_name");
        return field == null ? "" : (String) request.getField(field);
    }

    /** A call inside a project scope. */
    private final class Scoped implements RewritingCall.Handler {

        private final ProjectScope scope;

        private final String rpc;

        private ScopedRequests.Rewrite rewrite;

        private ScopedProjects.Write write;

        Scoped(ProjectScope scope, String rpc) {
            this.scope = scope;
            this.rpc = rpc;
        }

        @Override
        public RewritingCall.Rewrite rewrite(MethodDescriptor<?, ?> method, Message request) {
            this.rewrite = new ScopedRequests(this.scope).rewrite(this.rpc, method, request);
            if (this.rewrite.changes() != null) {
                this.write = ProjectScopeInterceptor.this.projects.begin(this.scope.name(), collection(request));
            }
            return new RewritingCall.Rewrite(this.rewrite.method(), this.rewrite.request());
        }

        @Override
        public Message response(Message response) {
            return new ScopedResponses(this.scope).map(response, this.rewrite.pages());
        }

        @Override
        public Status closed(Status status) {
            if (this.write != null) {
                if (status.isOk()) {
                    this.write.succeeded(this.rewrite.changes());
                }
                else {
                    this.write.failed();
                }
            }
            return status.isOk() ? status : applicationIds(status);
        }

        /** Qdrant's errors name stored ids ({@code No point with id <uuid> found}): name the application's. */
        private Status applicationIds(Status status) {
            String description = status.getDescription();
            if (description == null) {
                return status;
            }
            Matcher stored = STORED_ID.matcher(description);
            ScopedIds ids = ScopedIds.of(this.scope.name());
            String mapped = stored.replaceAll(match -> {
                PointId original = ids.original(match.group().indexOf('-') < 0
                        ? PointId.newBuilder().setNum(Long.parseUnsignedLong(match.group())).build()
                        : PointId.newBuilder().setUuid(match.group()).build());
                return original.hasNum() ? Long.toUnsignedString(original.getNum()) : original.getUuid();
            });
            return mapped.equals(description) ? status : status.withDescription(mapped);
        }
    }

    /** A call outside any project scope: only the guard applies; nothing is changed. */
    private final class Unscoped implements RewritingCall.Handler {

        private final String rpc;

        Unscoped(String rpc) {
            this.rpc = rpc;
        }

        @Override
        public RewritingCall.Rewrite rewrite(MethodDescriptor<?, ?> method, Message request) {
            String collection = collection(request);
            if (UnscopedPointRequests.inspects(this.rpc) && ProjectScopeInterceptor.this.guarded.test(collection)) {
                List<UnscopedPointRequests.Finding> findings = UnscopedPointRequests.findings(this.rpc, request,
                        ScopedProject.DEFAULT_KEY, null);
                for (UnscopedPointRequests.Finding finding : findings) {
                    try {
                        ProjectScopeInterceptor.this.guard.check(finding.kind(), "raw QdrantClient "
                                + finding.operation(), collection, finding.problem());
                    }
                    catch (UnscopedAccessException ex) {
                        throw new CallRejection(Status.Code.FAILED_PRECONDITION, ex.getMessage());
                    }
                }
            }
            return new RewritingCall.Rewrite(method, request);
        }
    }
}
