package io.github.qdrantscope.core.metrics;

/**
 * A {@link ScopeMetrics} that counts into the JVM-wide {@link JvmScopeMeters} and applies one
 * {@code qdrant-scope.fail-on-contention} setting: a Spring context's (its {@code ContextScopeMetrics} bean) or the
 * JUnit extension's. Several instances with different settings count into the same meters.
 */
public class CountingScopeMetrics implements ScopeMetrics {

    private static final System.Logger logger = System.getLogger(CountingScopeMetrics.class.getName());

    private final JvmScopeMeters meters;
    private final boolean failOnContention;

    /**
     * @param meters where the counts go (normally {@link JvmScopeMeters#jvm()})
     * @param failOnContention whether {@link #contention} throws after counting
     */
    public CountingScopeMetrics(JvmScopeMeters meters, boolean failOnContention) {
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
        if (logger.isLoggable(System.Logger.Level.DEBUG)) {
            logger.log(System.Logger.Level.DEBUG, "qdrant-scope contention " + kind.tag() + " in '" + collection + "' (project "
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

    /** Counts the reaping; the caller logs it (it knows what was cleared). */
    @Override
    public void leaseReaped(LeaseReapKind kind, String collection, String detail) {
        meters.leaseReaped(kind);
    }

    /** Counts the loss; the heartbeat that saw it logs it. */
    @Override
    public void leaseLost(String collection, String detail) {
        meters.leaseLost();
    }

    /** Whether contention fails at once. */
    public boolean failOnContention() {
        return failOnContention;
    }
}
