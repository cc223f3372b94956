package io.github.qdrantscope.autoconfigure.scope;

import io.github.qdrantscope.core.ProjectNames;
import io.github.qdrantscope.core.ProjectScope;
import io.github.qdrantscope.core.ProxiedCalls;
import io.github.qdrantscope.core.ScopedProject;
import io.github.qdrantscope.core.wire.UnscopedAccessGuard;

import java.lang.reflect.Method;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Supplier;

import io.github.qdrantscope.autoconfigure.QdrantScopeProperties;
import io.github.qdrantscope.autoconfigure.fork.CollectionLease;
import io.github.qdrantscope.core.metrics.ContentionKind;
import io.github.qdrantscope.core.metrics.ScopeMetrics;
import io.qdrant.client.ConditionFactory;
import io.qdrant.client.PointIdFactory;
import io.qdrant.client.QdrantClient;
import io.qdrant.client.grpc.Common;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;

import org.springframework.ai.document.Document;
import org.springframework.ai.vectorstore.SearchRequest;
import org.springframework.ai.vectorstore.VectorStore;
import org.springframework.ai.vectorstore.filter.Filter;
import org.springframework.ai.vectorstore.observation.AbstractObservationVectorStore;
import org.springframework.ai.vectorstore.qdrant.QdrantVectorStore;

/**
 * The advice behind every scoped {@link VectorStore} proxy. Inside a {@link ProjectScope} it stamps added
 * documents, namespaces ids, ANDs the project condition onto searches and deletes by filter and maps
 * results back to what the application wrote; outside a scope it applies {@code qdrant-scope.unscoped}.
 * It also removes a project's points when the test listener cleans up.
 */
final class ScopingVectorStoreInterceptor implements MethodInterceptor {

    private static final Duration CLEANUP_TIMEOUT = Duration.ofSeconds(60);

    private final VectorStore target;

    private final QdrantScopeProperties settings;

    private final Supplier<ScopeMetrics> metrics;

    private final UnscopedAccessGuard guard;

    private final ProjectWrites writes = new ProjectWrites();

    private final TenantIndex tenantIndex;

    private volatile String collection;

    /**
     * @param ownedCollection the collection qdrant-scope bound and created for this fork, or {@code null}:
     *     only there are payload indexes created for custom project keys
     */
    ScopingVectorStoreInterceptor(VectorStore target, QdrantScopeProperties settings, Supplier<ScopeMetrics> metrics,
            Supplier<String> ownedCollection) {
        this.target = target;
        this.settings = settings;
        this.metrics = metrics;
        this.guard = new UnscopedAccessGuard(settings.unscoped(), metrics);
        this.tenantIndex = new TenantIndex(() -> qdrantClient().orElse(null), this::collection, ownedCollection,
                CLEANUP_TIMEOUT);
    }

    @Override
    public Object invoke(MethodInvocation invocation) throws Throwable {
        Operation operation = Operation.of(invocation.getMethod(), invocation.getArguments());
        if (operation == null) {
            return invocation.proceed();
        }
        Optional<ProjectScope> scope = ProjectScope.current();
        long start = System.nanoTime();
        try {
            return scope.isPresent() ? scoped(operation, invocation, scope.get()) : unscoped(operation, invocation);
        }
        finally {
            this.metrics.get().recordOperation(operation.meterName, scope.isPresent(), System.nanoTime() - start);
        }
    }

    @SuppressWarnings("unchecked")
    private Object scoped(Operation operation, MethodInvocation invocation, ProjectScope scope) throws Throwable {
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
                if (this.settings.audit()) {
                    auditDeleteIds((List<String>) args[0], scope);
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
                if (this.settings.audit()) {
                    auditSearch(request, scope);
                }
                args[0] = scopedRequest(request, scope);
                return ScopedDocuments.unstamp((List<Document>) proceed(invocation), scope.key());
            }
            case SEARCH_TEXT -> {
                SearchRequest request = SearchRequest.builder().query((String) args[0]).build();
                if (this.settings.audit()) {
                    auditSearch(request, scope);
                }
                SearchRequest scopedRequest = scopedRequest(request, scope);
                return ScopedDocuments.unstamp(
                        ProxiedCalls.run(() -> this.target.similaritySearch(scopedRequest)), scope.key());
            }
        }
        return proceed(invocation);
    }

    @SuppressWarnings("unchecked")
    private Object unscoped(Operation operation, MethodInvocation invocation) throws Throwable {
        this.guard.check(operation.unscopedKind, "VectorStore." + operation.meterName, collection(), "");
        Object result = proceed(invocation);
        if (operation == Operation.SEARCH || operation == Operation.SEARCH_TEXT) {
            return ScopedDocuments.unstamp((List<Document>) result, ScopedProject.DEFAULT_KEY);
        }
        return result;
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

    private static Object proceed(MethodInvocation invocation) throws Throwable {
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
        if (this.settings.audit()) {
            auditDelete(userFilter, scope);
        }
        return ScopeFilters.and(ScopeFilters.inProject(scope), userFilter);
    }

    private static SearchRequest scopedRequest(SearchRequest request, ProjectScope scope) {
        return SearchRequest.from(request)
            .filterExpression(ScopeFilters.and(ScopeFilters.inProject(scope), request.getFilterExpression()))
            .build();
    }

    /** Would the same search without the project condition have returned another project's point? */
    private void auditSearch(SearchRequest request, ProjectScope scope) {
        SearchRequest unscopedRequest = SearchRequest.from(request)
            .filterExpression(ScopeFilters.stripGroups(request.getFilterExpression()))
            .build();
        List<Document> seen = ProxiedCalls.run(() -> this.target.similaritySearch(unscopedRequest));
        long foreign = seen.stream()
            .filter(d -> !isLease(d))
            .filter(d -> !scope.name().equals(d.getMetadata().get(scope.key())))
            .count();
        if (foreign > 0) {
            this.metrics.get().contention(ContentionKind.FOREIGN_POINT, scope.name(), collection(),
                    "an unscoped similaritySearch would have returned " + foreign + " of " + seen.size()
                            + " points from outside project '" + scope.name() + "'");
        }
    }

    /**
     * Would the same delete without the project condition have removed another project's point? Two
     * results are asked for because the fork's lease point (which has no project) may take one of them.
     */
    private void auditDelete(Filter.Expression userFilter, ProjectScope scope) {
        SearchRequest probe = SearchRequest.builder()
            .query("qdrant-scope audit")
            .topK(2)
            .similarityThresholdAll()
            .filterExpression(ScopeFilters.and(ScopeFilters.outsideProject(scope), userFilter))
            .build();
        if (ProxiedCalls.run(() -> this.target.similaritySearch(probe)).stream().anyMatch(d -> !isLease(d))) {
            this.metrics.get().contention(ContentionKind.FOREIGN_POINT, scope.name(), collection(),
                    "an unscoped delete(filter) would have removed points from outside project '" + scope.name()
                            + "'");
        }
    }

    /**
     * Would the same {@code delete(ids)} without namespacing have removed a point that is not this project's:
     * another project's point written with one of these ids, or a point stored under one of them outside any
     * project? Counted exactly on the server; stores other than Qdrant are not audited here.
     */
    private void auditDeleteIds(List<String> ids, ProjectScope scope) {
        Optional<QdrantClient> client = qdrantClient();
        if (client.isEmpty() || ids.isEmpty()) {
            return;
        }
        Common.Filter.Builder sameIds = Common.Filter.newBuilder()
            .addShould(ConditionFactory.matchKeywords(ProjectNames.ORIGINAL_ID_KEY, ids));
        List<Common.PointId> plainIds = ids.stream().filter(ScopingVectorStoreInterceptor::isUuid)
            .map(id -> PointIdFactory.id(UUID.fromString(id))).toList();
        if (!plainIds.isEmpty()) {
            sameIds.addShould(ConditionFactory.hasId(plainIds));
        }
        Common.Filter foreign = Common.Filter.newBuilder()
            .addMust(ConditionFactory.filter(sameIds.build()))
            .addMustNot(ConditionFactory.matchKeyword(scope.key(), scope.name()))
            .build();
        long count = await(() -> client.get().countAsync(collection(), foreign, true, CLEANUP_TIMEOUT),
                "audit a delete of project '" + scope.name() + "'");
        if (count > 0) {
            this.metrics.get().contention(ContentionKind.FOREIGN_POINT, scope.name(), collection(),
                    "an unscoped delete(ids) would have removed " + count + " points from outside project '"
                            + scope.name() + "'");
        }
    }

    private static boolean isUuid(String id) {
        try {
            return UUID.fromString(id).toString().equalsIgnoreCase(id);
        }
        catch (IllegalArgumentException ex) {
            return false;
        }
    }

    /**
     * The fork's ownership lease point (see {@link CollectionLease}) has no project, so an unscoped search
     * may return it; it is qdrant-scope's own bookkeeping, not another test's data.
     */
    private static boolean isLease(Document document) {
        return CollectionLease.POINT_ID.equals(document.getId())
                || document.getMetadata().containsKey(CollectionLease.MARKER_KEY);
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
        Optional<QdrantClient> client = qdrantClient();
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
                : await(() -> client.get().countAsync(collection(), filter, true, CLEANUP_TIMEOUT), what);
        if (count > 0 || known) {
            await(() -> client.get().deleteAsync(collection(), filter, CLEANUP_TIMEOUT), what);
        }
        return count;
    }

    /** Forgets what {@code scope} wrote, for a project whose points are kept ({@code cleanup = NEVER}). */
    void forgetProject(ProjectScope scope) {
        this.writes.take(scope.name());
    }

    /** How many projects have writes recorded and not yet cleaned up or forgotten. */
    int recordedProjects() {
        return this.writes.size();
    }

    private <T> T await(Supplier<Future<T>> call, String what) {
        return ProxiedCalls.await(call, CLEANUP_TIMEOUT, what + " in collection '" + collection() + "'");
    }

    private Optional<QdrantClient> qdrantClient() {
        if (this.target instanceof QdrantVectorStore qdrant) {
            return qdrant.getNativeClient();
        }
        return Optional.empty();
    }

    /** The collection name for metrics and messages, read once from the store's observation context. */
    String collection() {
        String name = this.collection;
        if (name == null) {
            name = this.target.getName();
            if (this.target instanceof AbstractObservationVectorStore observed) {
                String observedName = observed.createObservationContextBuilder("query").build().getCollectionName();
                if (observedName != null) {
                    name = observedName;
                }
            }
            this.collection = name;
        }
        return name;
    }

    /** The vector-store methods the proxy rewrites; everything else passes straight through. */
    private enum Operation {

        ADD("add", ContentionKind.UNSCOPED_WRITE),
        DELETE_IDS("delete", ContentionKind.UNSCOPED_DELETE),
        DELETE_FILTER("delete", ContentionKind.UNSCOPED_DELETE),
        DELETE_FILTER_TEXT("delete", ContentionKind.UNSCOPED_DELETE),
        SEARCH("search", ContentionKind.UNSCOPED_READ),
        SEARCH_TEXT("search", ContentionKind.UNSCOPED_READ);

        private final String meterName;

        private final ContentionKind unscopedKind;

        Operation(String meterName, ContentionKind unscopedKind) {
            this.meterName = meterName;
            this.unscopedKind = unscopedKind;
        }

        /**
         * The operation a call performs. The public {@code do*} methods of Spring AI's stores are covered
         * too, so calling them directly does not bypass the scope; {@code accept}/{@code write} are the
         * {@code DocumentWriter} spellings of {@code add}.
         */
        static Operation of(Method method, Object[] args) {
            if (args.length != 1) {
                return null;
            }
            Object arg = args[0];
            return switch (method.getName()) {
                case "add", "doAdd", "accept", "write" -> (arg instanceof List<?>) ? ADD : null;
                case "delete", "doDelete" -> {
                    if (arg instanceof List<?>) {
                        yield DELETE_IDS;
                    }
                    if (arg instanceof String) {
                        // VectorStore.delete(String) takes a filter expression in text form, not an id.
                        yield DELETE_FILTER_TEXT;
                    }
                    yield (arg instanceof Filter.Expression) ? DELETE_FILTER : null;
                }
                case "similaritySearch", "doSimilaritySearch" -> {
                    if (arg instanceof SearchRequest) {
                        yield SEARCH;
                    }
                    yield (arg instanceof String && method.getName().equals("similaritySearch")) ? SEARCH_TEXT : null;
                }
                default -> null;
            };
        }
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
