package io.github.qdrantscope.autoconfigure.scope;

import io.github.qdrantscope.core.ProjectScope;
import io.github.qdrantscope.core.client.ScopedQdrantClients;
import io.github.qdrantscope.core.wire.UnscopedAccessGuard;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import io.github.qdrantscope.autoconfigure.QdrantScopeProperties;
import io.github.qdrantscope.core.metrics.CountedOperations;
import io.github.qdrantscope.core.metrics.ScopeMetrics;
import io.qdrant.client.QdrantClient;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;

import org.springframework.ai.document.Document;
import org.springframework.ai.vectorstore.SearchRequest;
import org.springframework.ai.vectorstore.VectorStore;
import org.springframework.ai.vectorstore.filter.Filter;
import org.springframework.ai.vectorstore.observation.AbstractObservationVectorStore;
import org.springframework.ai.vectorstore.qdrant.QdrantVectorStore;

/**
 * The advice behind every scoped {@link VectorStore} proxy. Inside a {@link ProjectScope}:
 * <ul>
 * <li>for Spring AI's {@link QdrantVectorStore} on a scoped client (the normal case), only what is specific to
 * Spring AI: document ids that are not UUIDs ({@link DocumentIds}) and the {@code Filter.Group} fix
 * ({@link ScopeFilters#stripGroups}); the store's requests are stamped, namespaced and filtered at the wire by
 * the client's {@code ProjectScopeInterceptor}, the one place Qdrant requests are scoped, and cleaned up from its
 * records;</li>
 * <li>for any other store (one that does not talk to Qdrant through a scoped client), the documents themselves
 * carry the project ({@link DocumentScopedStore}).</li>
 * </ul>
 * Outside a scope it applies {@code qdrant-scope.unscoped}; with {@code qdrant-scope.audit} it also checks what
 * each scoped call would have done unscoped ({@link VectorStoreAudit}).
 */
final class ScopingVectorStoreInterceptor implements MethodInterceptor {

    private static final Duration CLEANUP_TIMEOUT = Duration.ofSeconds(60);

    private final VectorStore target;

    private final QdrantScopeProperties settings;

    private final Supplier<ScopeMetrics> metrics;

    private final UnscopedAccessGuard guard;

    private final TenantIndex tenantIndex;

    private final VectorStoreAudit audit;

    private final DocumentScopedStore documents;

    private volatile String collection;

    private volatile Boolean wire;

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
        this.audit = new VectorStoreAudit(target, metrics, this::qdrantClient, this::collection, CLEANUP_TIMEOUT);
        this.documents = new DocumentScopedStore(target, settings.audit() ? this.audit : null, this.tenantIndex,
                this::qdrantClient, this::collection, CLEANUP_TIMEOUT);
    }

    @Override
    public Object invoke(MethodInvocation invocation) throws Throwable {
        VectorStoreOperation operation = VectorStoreOperation.of(invocation.getMethod(), invocation.getArguments());
        if (operation == null) {
            return invocation.proceed();
        }
        Optional<ProjectScope> scope = ProjectScope.current();
        long start = System.nanoTime();
        // counted here as one operation: the store's RPCs underneath are not counted again by the wire
        try (CountedOperations.Marker counted = CountedOperations.enter()) {
            return scope.isPresent() ? scoped(operation, invocation, scope.get()) : unscoped(operation, invocation);
        }
        finally {
            this.metrics.get().recordOperation(operation.meterName, scope.isPresent(), System.nanoTime() - start);
        }
    }

    @SuppressWarnings("unchecked")
    private Object scoped(VectorStoreOperation operation, MethodInvocation invocation, ProjectScope scope) throws Throwable {
        return wire() ? scopedAtTheWire(operation, invocation, scope) : this.documents.scoped(operation, invocation, scope);
    }

    /** A Qdrant store whose client scopes its requests: only Spring AI's own ids and filter shapes are adapted. */
    @SuppressWarnings("unchecked")
    private Object scopedAtTheWire(VectorStoreOperation operation, MethodInvocation invocation, ProjectScope scope)
            throws Throwable {
        Object[] args = invocation.getArguments();
        switch (operation) {
            case ADD -> {
                args[0] = DocumentIds.toStore((List<Document>) args[0], scope);
                this.tenantIndex.ensure(scope.key());
                return invocation.proceed();
            }
            case DELETE_IDS -> {
                List<String> ids = DocumentIds.storeIds((List<String>) args[0]);
                if (this.settings.audit()) {
                    this.audit.deleteIds(ids, scope);
                }
                args[0] = ids;
                return invocation.proceed();
            }
            case DELETE_FILTER -> {
                if (this.settings.audit()) {
                    this.audit.delete((Filter.Expression) args[0], scope);
                }
                args[0] = ScopeFilters.stripGroups((Filter.Expression) args[0]);
                return invocation.proceed();
            }
            case DELETE_FILTER_TEXT -> {
                Filter.Expression parsed = SearchRequest.builder().filterExpression((String) args[0]).build()
                    .getFilterExpression();
                if (this.settings.audit()) {
                    this.audit.delete(parsed, scope);
                }
                this.target.delete(ScopeFilters.stripGroups(parsed));
                return null;
            }
            case SEARCH -> {
                SearchRequest request = (SearchRequest) args[0];
                if (this.settings.audit()) {
                    this.audit.search(request, scope);
                }
                args[0] = withoutGroups(request);
                return DocumentIds.restore((List<Document>) invocation.proceed());
            }
            case SEARCH_TEXT -> {
                SearchRequest request = SearchRequest.builder().query((String) args[0]).build();
                if (this.settings.audit()) {
                    this.audit.search(request, scope);
                }
                return DocumentIds.restore(this.target.similaritySearch(request));
            }
        }
        return invocation.proceed();
    }

    private static SearchRequest withoutGroups(SearchRequest request) {
        return request.getFilterExpression() == null ? request : SearchRequest.from(request)
            .filterExpression(ScopeFilters.stripGroups(request.getFilterExpression()))
            .build();
    }

    @SuppressWarnings("unchecked")
    private Object unscoped(VectorStoreOperation operation, MethodInvocation invocation) throws Throwable {
        this.guard.check(operation.unscopedKind, "VectorStore." + operation.meterName, collection(), "");
        Object result = DocumentScopedStore.proceed(invocation);
        if (operation == VectorStoreOperation.SEARCH || operation == VectorStoreOperation.SEARCH_TEXT) {
            return DocumentIds.restore(ScopedDocuments.unstampAnyProject((List<Document>) result));
        }
        return result;
    }

    /**
     * Removes every point of {@code scope} from this store's collection and returns how many there were, or
     * {@code -1} when that is not known; at the wire nothing: the listener removes what the wire recorded from
     * every collection at once.
     */
    long removeProject(ProjectScope scope) {
        return wire() ? 0 : this.documents.removeProject(scope);
    }

    /** Forgets what {@code scope} wrote, for a project whose points are kept ({@code cleanup = NEVER}). */
    void forgetProject(ProjectScope scope) {
        this.documents.forget(scope);
    }

    /** How many projects have writes recorded and not yet cleaned up or forgotten. */
    int recordedProjects() {
        return this.documents.recordedProjects();
    }

    /** Whether the store's requests are scoped at the wire: a Qdrant store on a scoped client. */
    boolean wire() {
        Boolean scopedClient = this.wire;
        if (scopedClient == null) {
            scopedClient = qdrantClient().map(ScopedQdrantClients::isScoped).orElse(false);
            this.wire = scopedClient;
        }
        return scopedClient;
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


}
