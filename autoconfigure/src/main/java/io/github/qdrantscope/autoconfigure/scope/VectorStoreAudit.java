package io.github.qdrantscope.autoconfigure.scope;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import io.github.qdrantscope.core.lease.CollectionLease;
import io.github.qdrantscope.core.ProjectNames;
import io.github.qdrantscope.core.ProjectScope;
import io.github.qdrantscope.core.ProxiedCalls;
import io.github.qdrantscope.core.metrics.ContentionKind;
import io.github.qdrantscope.core.metrics.ScopeMetrics;
import io.github.qdrantscope.core.wire.ScopedIds;
import io.github.qdrantscope.core.wire.ScopedProjects;
import io.qdrant.client.ConditionFactory;
import io.qdrant.client.PointIdFactory;
import io.qdrant.client.QdrantClient;
import io.qdrant.client.grpc.Common;

import org.springframework.ai.document.Document;
import org.springframework.ai.vectorstore.SearchRequest;
import org.springframework.ai.vectorstore.VectorStore;
import org.springframework.ai.vectorstore.filter.Filter;

/**
 * {@code qdrant-scope.audit}: before a scoped search or delete, asks what its unscoped version would have done
 * and counts it as {@code foreign_point} contention when that would have touched another project's points. The
 * probes bypass the scope ({@link ProxiedCalls}), so they see the collection as it really is.
 */
final class VectorStoreAudit {

    private final VectorStore target;

    private final Supplier<ScopeMetrics> metrics;

    private final Supplier<Optional<QdrantClient>> client;

    private final Supplier<String> collection;

    private final Duration timeout;

    VectorStoreAudit(VectorStore target, Supplier<ScopeMetrics> metrics, Supplier<Optional<QdrantClient>> client,
            Supplier<String> collection, Duration timeout) {
        this.target = target;
        this.metrics = metrics;
        this.client = client;
        this.collection = collection;
        this.timeout = timeout;
    }

    /** Would the same search without the project condition have returned another project's point? */
    void search(SearchRequest request, ProjectScope scope) {
        SearchRequest unscopedRequest = SearchRequest.from(request)
            .filterExpression(ScopeFilters.stripGroups(request.getFilterExpression()))
            .build();
        List<Document> seen = ProxiedCalls.run(() -> this.target.similaritySearch(unscopedRequest));
        long foreign = seen.stream()
            .filter(d -> !isLease(d))
            .filter(d -> !scope.name().equals(d.getMetadata().get(scope.key())))
            .count();
        if (foreign > 0) {
            contention(scope, "an unscoped similaritySearch would have returned " + foreign + " of " + seen.size()
                    + " points from outside project '" + scope.name() + "'");
        }
    }

    /**
     * Would the same delete without the project condition have removed another project's point? Two results are
     * asked for because the fork's lease point (which has no project) may take one of them.
     */
    void delete(Filter.Expression userFilter, ProjectScope scope) {
        SearchRequest probe = SearchRequest.builder()
            .query("qdrant-scope audit")
            .topK(2)
            .similarityThresholdAll()
            .filterExpression(ScopeFilters.and(ScopeFilters.outsideProject(scope), userFilter))
            .build();
        if (ProxiedCalls.run(() -> this.target.similaritySearch(probe)).stream().anyMatch(d -> !isLease(d))) {
            contention(scope, "an unscoped delete(filter) would have removed points from outside project '"
                    + scope.name() + "'");
        }
    }

    /**
     * Would the same {@code delete(ids)} without namespacing have removed a point that is not this project's:
     * another project's point written with one of these ids, or a point stored under one of them outside any
     * project? Counted exactly on the server; stores other than Qdrant are not audited here.
     *
     * <p>At the wire a project's point is stored under the project's id for it ({@link ScopedIds}), and nothing on
     * the server names the application's id: another project's points are found under their projects' ids, for
     * every project of this JVM that may have points ({@link ScopedProjects#withPoints()}: a fork's collection is
     * its own). A store scoped by its documents ({@link DocumentScopedStore}) keeps the id in
     * {@link ProjectNames#ORIGINAL_ID_KEY}.
     *
     * @param storedIds the ids as the store keeps them: UUIDs at the wire, the documents' ids otherwise
     */
    void deleteIds(List<String> storedIds, ProjectScope scope) {
        Optional<QdrantClient> qdrant = this.client.get();
        if (qdrant.isEmpty() || storedIds.isEmpty()) {
            return;
        }
        Common.Filter.Builder sameIds = Common.Filter.newBuilder()
            .addShould(ConditionFactory.matchKeywords(ProjectNames.ORIGINAL_ID_KEY, storedIds));
        List<Common.PointId> plainIds = storedIds.stream().filter(VectorStoreAudit::isUuid)
            .map(id -> PointIdFactory.id(UUID.fromString(id))).toList();
        if (!plainIds.isEmpty()) {
            List<Common.PointId> candidates = new ArrayList<>(plainIds);
            for (String project : ScopedProjects.jvm().withPoints()) {
                if (!project.equals(scope.name())) {
                    ScopedIds ids = ScopedIds.of(project);
                    plainIds.forEach(id -> candidates.add(ids.stored(id)));
                }
            }
            sameIds.addShould(ConditionFactory.hasId(candidates));
        }
        Common.Filter foreign = Common.Filter.newBuilder()
            .addMust(ConditionFactory.filter(sameIds.build()))
            .addMustNot(ConditionFactory.matchKeyword(scope.key(), scope.name()))
            .build();
        String name = this.collection.get();
        long count = ProxiedCalls.await(() -> qdrant.get().countAsync(name, foreign, true, this.timeout),
                this.timeout, "audit a delete of project '" + scope.name() + "' in collection '" + name + "'");
        if (count > 0) {
            contention(scope, "an unscoped delete(ids) would have removed " + count + " points from outside project '"
                    + scope.name() + "'");
        }
    }

    private void contention(ProjectScope scope, String detail) {
        this.metrics.get().contention(ContentionKind.FOREIGN_POINT, scope.name(), this.collection.get(), detail);
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
     * The fork's ownership lease point (see {@link CollectionLease}) has no project, so an unscoped search may
     * return it; it is qdrant-scope's own bookkeeping, not another test's data.
     */
    static boolean isLease(Document document) {
        return CollectionLease.POINT_ID.equals(document.getId())
                || document.getMetadata().containsKey(CollectionLease.MARKER_KEY);
    }
}
