package io.github.qdrantscope.core.wire;

import java.util.List;
import java.util.function.Predicate;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import io.github.qdrantscope.core.ProjectScope;
import io.github.qdrantscope.core.ProxiedCalls;
import io.github.qdrantscope.core.ScopedProject;
import io.github.qdrantscope.core.UnscopedAccessException;
import io.grpc.CallOptions;
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
 */
public final class ProjectScopeInterceptor implements ClientInterceptor {

    private final ScopedProjects projects;

    private final UnscopedAccessGuard guard;

    private final Predicate<String> guarded;

    /**
     * @param projects the registry of what projects wrote (normally {@link ScopedProjects#jvm()})
     * @param guard the policy for calls outside a scope
     * @param guarded the collections the guard covers
     */
    public ProjectScopeInterceptor(ScopedProjects projects, UnscopedAccessGuard guard, Predicate<String> guarded) {
        this.projects = projects;
        this.guard = guard;
        this.guarded = guarded;
    }

    @Override
    public <Q, R> ClientCall<Q, R> interceptCall(MethodDescriptor<Q, R> method, CallOptions callOptions,
            Channel next) {
        if (!PointsGrpc.SERVICE_NAME.equals(method.getServiceName()) || ProxiedCalls.active()) {
            return next.newCall(method, callOptions);
        }
        String rpc = method.getBareMethodName();
        ProjectScope scope = ProjectScope.current().orElse(null);
        RewritingCall.Handler handler = scope != null ? new Scoped(scope, method, rpc)
                : new Unscoped(method, rpc);
        return new RewritingCall<>(next, callOptions, handler);
    }

    private static String collection(Message request) {
        FieldDescriptor field = request.getDescriptorForType().findFieldByName("collection_name");
        return field == null ? "" : (String) request.getField(field);
    }

    /** A call inside a project scope. */
    private final class Scoped implements RewritingCall.Handler {

        private final ProjectScope scope;

        private final MethodDescriptor<?, ?> method;

        private final String rpc;

        Scoped(ProjectScope scope, MethodDescriptor<?, ?> method, String rpc) {
            this.scope = scope;
            this.method = method;
            this.rpc = rpc;
        }

        @Override
        public ScopedRequests.Rewrite rewrite(Message request) {
            return new ScopedRequests(this.scope, ProjectScopeInterceptor.this.projects).rewrite(this.rpc,
                    this.method, request);
        }

        @Override
        public Message response(Message response, ScopedRequests.Rewrite rewrite) {
            return new ScopedResponses(this.scope, ProjectScopeInterceptor.this.projects).map(response,
                    rewrite.page());
        }

        @Override
        public ScopedProjects.Write begin(Message request, ScopedRequests.Rewrite rewrite) {
            return rewrite.changes() == null ? null
                    : ProjectScopeInterceptor.this.projects.begin(this.scope.name(), collection(request));
        }

        @Override
        public Status failure(Status status) {
            return new ScopedResponses(this.scope, ProjectScopeInterceptor.this.projects).failure(status);
        }
    }

    /** A call outside any project scope: only the guard applies; nothing is changed. */
    private final class Unscoped implements RewritingCall.Handler {

        private final MethodDescriptor<?, ?> method;

        private final String rpc;

        Unscoped(MethodDescriptor<?, ?> method, String rpc) {
            this.method = method;
            this.rpc = rpc;
        }

        @Override
        public ScopedRequests.Rewrite rewrite(Message request) {
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
                        throw new ScopeRejection(Status.Code.FAILED_PRECONDITION, ex.getMessage());
                    }
                }
            }
            return ScopedRequests.Rewrite.read(this.method, request);
        }

        @Override
        public Message response(Message response, ScopedRequests.Rewrite rewrite) {
            return response;
        }

        @Override
        public ScopedProjects.Write begin(Message request, ScopedRequests.Rewrite rewrite) {
            return null;
        }
    }
}
