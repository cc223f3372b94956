package io.github.qdrantscope.core.metrics;

/**
 * The meters of a scoping test: contention goes to {@code sink}, operations, cleanups and projects are ignored,
 * and a lease event fails the test (no scoping test takes or loses a lease).
 */
public final class ContentionRecorder implements ScopeMetrics {

    /** Where each counted contention goes. */
    @FunctionalInterface
    public interface Sink {
        void contention(ContentionKind kind, String project, String collection);
    }

    private final Sink sink;

    public ContentionRecorder(Sink sink) {
        this.sink = sink;
    }

    @Override
    public void recordOperation(String operation, boolean scoped, long nanos) {
    }

    @Override
    public void contention(ContentionKind kind, String project, String collection, String detail) {
        this.sink.contention(kind, project, collection);
    }

    @Override
    public void cleanup(long nanos, long pointsRemoved) {
    }

    @Override
    public void projectOpened() {
    }

    @Override
    public void projectClosed() {
    }

    @Override
    public void leaseReaped(LeaseReapKind kind, String collection, String detail) {
        throw new AssertionError("no scoping test reaps a lease: " + detail);
    }

    @Override
    public void leaseLost(String collection, String detail) {
        throw new AssertionError("no scoping test loses a lease: " + detail);
    }
}
