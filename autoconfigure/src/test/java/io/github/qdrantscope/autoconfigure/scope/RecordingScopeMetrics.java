package io.github.qdrantscope.autoconfigure.scope;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import io.github.qdrantscope.core.metrics.ContentionKind;
import io.github.qdrantscope.core.metrics.LeaseReapKind;
import io.github.qdrantscope.core.metrics.ScopeMetrics;

/** Records every report so tests can assert exact values; one instance per application context. */
class RecordingScopeMetrics implements ScopeMetrics {

    record Contention(ContentionKind kind, String project, String collection, String detail) {
    }

    record Operation(String operation, boolean scoped) {
    }

    record Cleanup(long nanos, long pointsRemoved) {
    }

    final List<Contention> contentions = new CopyOnWriteArrayList<>();

    final List<Operation> operations = new CopyOnWriteArrayList<>();

    final List<Cleanup> cleanups = new CopyOnWriteArrayList<>();

    final AtomicLong opened = new AtomicLong();

    final AtomicLong closed = new AtomicLong();

    @Override
    public void recordOperation(String operation, boolean scoped, long nanos) {
        this.operations.add(new Operation(operation, scoped));
    }

    @Override
    public void contention(ContentionKind kind, String project, String collection, String detail) {
        this.contentions.add(new Contention(kind, project, collection, detail));
    }

    @Override
    public void cleanup(long nanos, long pointsRemoved) {
        this.cleanups.add(new Cleanup(nanos, pointsRemoved));
    }

    @Override
    public void projectOpened() {
        this.opened.incrementAndGet();
    }

    @Override
    public void projectClosed() {
        this.closed.incrementAndGet();
    }

    @Override
    public void leaseReaped(LeaseReapKind kind, String collection, String detail) {
        throw new AssertionError("no scoping test reaps a lease, but " + collection + " was: " + detail);
    }

    @Override
    public void leaseLost(String collection, String detail) {
        throw new AssertionError("no scoping test loses a lease, but " + collection + " was: " + detail);
    }

    /** Contentions of {@code kind}, optionally only those reported for {@code project}. */
    List<Contention> of(ContentionKind kind, String project) {
        return this.contentions.stream()
            .filter(c -> c.kind() == kind && (project == null || project.equals(c.project())))
            .toList();
    }

    Map<ContentionKind, Long> countsByKind() {
        Map<ContentionKind, Long> counts = new ConcurrentHashMap<>();
        this.contentions.forEach(c -> counts.merge(c.kind(), 1L, Long::sum));
        return counts;
    }
}
