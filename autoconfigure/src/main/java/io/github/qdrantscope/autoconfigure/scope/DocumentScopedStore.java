package io.github.qdrantscope.autoconfigure.scope;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Supplier;

import io.github.qdrantscope.core.ProjectScope;
import io.github.qdrantscope.core.ProxiedCalls;
import io.qdrant.client.ConditionFactory;
import io.qdrant.client.QdrantClient;
import io.qdrant.client.grpc.Common;
import org.aopalliance.intercept.MethodInvocation;

import org.springframework.ai.document.Document;
import org.springframework.ai.vectorstore.SearchRequest;
import org.springframework.ai.vectorstore.VectorStore;
import org.springframework.ai.vectorstore.filter.Filter;

/**
 * Scoping for a {@link VectorStore} whose requests are not scoped at the wire (a store that does not talk to
 * Qdrant through a scoped client): the documents themselves carry the project. Writes are stamped and ids
 * namespaced ({@link ScopedDocuments}), filters ANDed with the project ({@link ScopeFilters}), and
 * {@link ProjectWrites} records what each project wrote for cleanup.
 */
final class DocumentScopedStore {

    private final VectorStore target;

    private final VectorStoreAudit audit;

    private final TenantIndex tenantIndex;

    private final Supplier<Optional<QdrantClient>> client;

    private final Supplier<String> collection;

    private final Duration timeout;

    private final ProjectWrites writes = new ProjectWrites();

    /**
     * @param audit the audit, or {@code null} without {@code qdrant-scope.audit}
     * @param client the store's Qdrant client, when it is a Qdrant store (cleanup counts and deletes with it)
     */
    DocumentScopedStore(VectorStore target, VectorStoreAudit audit, TenantIndex tenantIndex,
            Supplier<Optional<QdrantClient>> client, Supplier<String> collection, Duration timeout) {
        this.target = target;
        this.audit = audit;
        this.tenantIndex = tenantIndex;
        this.client = client;
        this.collection = collection;
        this.timeout = timeout;
    }

    /** {@code invocation}, an operation of the store inside {@code scope}, with its documents scoped. */
    @SuppressWarnings("unchecked")
    Object scoped(VectorStoreOperation operation, MethodInvocation invocation, ProjectScope scope)
            throws Throwable {
        Object[] args = invocation.getArguments();
        switch (operation) {
            case ADD -> {
                List<Document> stamped = ScopedDocuments.stamp((List<Document>) args[0], scope);
                args[0] = stamped;
                this.tenantIndex.ensure(scope.key());
                List<String> ids = stamped.stream().map(Document::getId).toList();
                return write(scope, () -> proceed(invocation), record -> record.added(ids));
            }
            case DELETE_IDS -> {
                if (this.audit != null) {
                    this.audit.deleteIds((List<String>) args[0], scope);
                }
                List<String> ids = ScopedDocuments.namespaced((List<String>) args[0], scope);
                args[0] = ids;
                return write(scope, () -> proceed(invocation), record -> record.deleted(ids));
            }
            case DELETE_FILTER -> {
                args[0] = scopedDeleteFilter((Filter.Expression) args[0], scope);
                return write(scope, () -> proceed(invocation), ProjectWrites.Record::unknown);
            }
            case DELETE_FILTER_TEXT -> {
                Filter.Expression parsed = SearchRequest.builder().filterExpression((String) args[0]).build()
                    .getFilterExpression();
                Filter.Expression scopedFilter = scopedDeleteFilter(parsed, scope);
                return write(scope, () -> ProxiedCalls.run(() -> {
                    this.target.delete(scopedFilter);
                    return null;
                }), ProjectWrites.Record::unknown);
            }
            case SEARCH -> {
                SearchRequest request = (SearchRequest) args[0];
                if (this.audit != null) {
                    this.audit.search(request, scope);
                }
                args[0] = scopedRequest(request, scope);
                return ScopedDocuments.unstamp((List<Document>) proceed(invocation), scope.key());
            }
            case SEARCH_TEXT -> {
                SearchRequest request = SearchRequest.builder().query((String) args[0]).build();
                if (this.audit != null) {
                    this.audit.search(request, scope);
                }
                SearchRequest scopedRequest = scopedRequest(request, scope);
                return ScopedDocuments.unstamp(
                        ProxiedCalls.run(() -> this.target.similaritySearch(scopedRequest)), scope.key());
            }
        }
        return proceed(invocation);
    }

    /** Runs a write of {@code scope}'s project and records its outcome for cleanup. */
    private Object write(ProjectScope scope, Call call, Consumer<ProjectWrites.Record> onSuccess) throws Throwable {
        ProjectWrites.Record record = this.writes.begin(scope.name());
        Object result;
        try {
            result = call.run();
        }
        catch (Throwable ex) {
            // it may have been applied in part
            record.unknown();
            throw ex;
        }
        onSuccess.accept(record);
        return result;
    }

    /** Proceeds with {@code invocation} as qdrant-scope's own call ({@link ProxiedCalls}), throwing what it throws. */
    static Object proceed(MethodInvocation invocation) throws Throwable {
        try {
            return ProxiedCalls.run(() -> {
                try {
                    return invocation.proceed();
                }
                catch (Throwable ex) {
                    throw new WrappedThrowable(ex);
                }
            });
        }
        catch (WrappedThrowable wrapped) {
            throw wrapped.getCause();
        }
    }

    private Filter.Expression scopedDeleteFilter(Filter.Expression userFilter, ProjectScope scope) {
        if (this.audit != null) {
            this.audit.delete(userFilter, scope);
        }
        return ScopeFilters.and(ScopeFilters.inProject(scope), userFilter);
    }

    private static SearchRequest scopedRequest(SearchRequest request, ProjectScope scope) {
        return SearchRequest.from(request)
            .filterExpression(ScopeFilters.and(ScopeFilters.inProject(scope), request.getFilterExpression()))
            .build();
    }

    /**
     * Removes every point of {@code scope} from this store's collection and returns how many there were,
     * or {@code -1} when that is not known (the project was changed in a way {@link ProjectWrites} cannot
     * follow and the store is not a Qdrant store, which could count them). One round trip — a delete by
     * filter — unless the count has to be asked for.
     */
    long removeProject(ProjectScope scope) {
        ProjectWrites.Record record = this.writes.take(scope.name());
        // Deleted even when nothing was recorded: a raw-client write may have put points into the project.
        boolean known = record == null || record.certain();
        long recorded = record == null ? 0 : record.points();
        Optional<QdrantClient> client = this.client.get();
        if (client.isEmpty()) {
            ProxiedCalls.run(() -> {
                this.target.delete(ScopeFilters.inProject(scope));
                return null;
            });
            return known ? recorded : -1;
        }
        Common.Filter filter = Common.Filter.newBuilder()
            .addMust(ConditionFactory.matchKeyword(scope.key(), scope.name()))
            .build();
        String what = "remove the points of project '" + scope.name() + "'";
        long count = known ? recorded
                : await(() -> client.get().countAsync(this.collection.get(), filter, true, this.timeout), what);
        if (count > 0 || known) {
            await(() -> client.get().deleteAsync(this.collection.get(), filter, this.timeout), what);
        }
        return count;
    }

    /** Forgets what {@code scope} wrote, for a project whose points are kept ({@code cleanup = NEVER}). */
    void forget(ProjectScope scope) {
        this.writes.take(scope.name());
    }

    /** How many projects have writes recorded and not yet cleaned up or forgotten. */
    int recordedProjects() {
        return this.writes.size();
    }

    private <T> T await(Supplier<Future<T>> call, String what) {
        return ProxiedCalls.await(call, this.timeout, what + " in collection '" + this.collection.get() + "'");
    }

    /** A call that may throw anything the proxied method may. */
    @FunctionalInterface
    private interface Call {

        Object run() throws Throwable;
    }

    /** Carries a checked throwable through {@link ProxiedCalls#run}. */
    private static final class WrappedThrowable extends RuntimeException {

        private static final long serialVersionUID = 1L;

        WrappedThrowable(Throwable cause) {
            super(cause);
        }
    }
}
