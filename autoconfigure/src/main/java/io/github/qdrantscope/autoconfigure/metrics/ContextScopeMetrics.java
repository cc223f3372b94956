package io.github.qdrantscope.autoconfigure.metrics;

import io.github.qdrantscope.core.metrics.ContentionKind;
import io.github.qdrantscope.core.metrics.ScopeMetrics;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * The {@link ScopeMetrics} bean of one Spring context: counts into the JVM-wide {@link JvmScopeMeters}
 * and applies this context's {@code qdrant-scope.fail-on-contention} setting.
 */
public class ContextScopeMetrics implements ScopeMetrics {

    private static final Log logger = LogFactory.getLog(ContextScopeMetrics.class);

    private final JvmScopeMeters meters;
    private final boolean failOnContention;

    /**
     * @param meters where the counts go (normally {@link JvmScopeMeters#jvm()})
     * @param failOnContention whether {@link #contention} throws after counting
     */
    public ContextScopeMetrics(JvmScopeMeters meters, boolean failOnContention) {
        this.meters = meters;
        this.failOnContention = failOnContention;
    }

    @Override
    public void recordOperation(String operation, boolean scoped, long nanos) {
        meters.recordOperation(operation, scoped, nanos);
    }

    /**
     * Counts the contention, logs it, and throws a {@link ContentionException} when this context has
     * {@code qdrant-scope.fail-on-contention=true}.
     */
    @Override
    public void contention(ContentionKind kind, String project, String collection, String detail) {
        meters.contention(kind);
        if (failOnContention) {
            throw new ContentionException(kind, project, collection, detail);
        }
        if (logger.isDebugEnabled()) {
            logger.debug("qdrant-scope contention " + kind.tag() + " in '" + collection + "' (project "
                    + project + "): " + detail);
        }
    }

    @Override
    public void cleanup(long nanos, long pointsRemoved) {
        meters.cleanup(nanos, pointsRemoved);
    }

    @Override
    public void projectOpened() {
        meters.projectOpened();
    }

    @Override
    public void projectClosed() {
        meters.projectClosed();
    }

    /** Whether contention fails at once. */
    public boolean failOnContention() {
        return failOnContention;
    }
}
