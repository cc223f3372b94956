package io.github.qdrantscope.autoconfigure.scope;

import io.github.qdrantscope.autoconfigure.metrics.ContentionKind;
import io.github.qdrantscope.autoconfigure.metrics.ScopeMetrics;

/** Used only when the context has no {@link ScopeMetrics} bean (metrics auto-configuration excluded). */
enum NoOpScopeMetrics implements ScopeMetrics {

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
}
