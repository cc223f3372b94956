package io.github.qdrantscope.core.metrics;

import io.github.qdrantscope.core.metrics.ContentionKind;
import io.github.qdrantscope.core.metrics.ScopeMetrics;

/**
 * A {@link ScopeMetrics} that records nothing: what the scoping uses when the context has no
 * {@code ScopeMetrics} bean (the metrics auto-configuration excluded), and a ready-made bean for a test
 * or application that wants the meters off.
 */
public enum NoOpScopeMetrics implements ScopeMetrics {

    /** The instance. */
    INSTANCE;

    @Override
    public void recordOperation(String operation, boolean scoped, long nanos) {
    }

    @Override
    public void contention(ContentionKind kind, String project, String collection, String detail) {
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
    }

    @Override
    public void leaseLost(String collection, String detail) {
    }
}
