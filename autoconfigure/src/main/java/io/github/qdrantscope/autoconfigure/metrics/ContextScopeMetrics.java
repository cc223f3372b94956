package io.github.qdrantscope.autoconfigure.metrics;

import io.github.qdrantscope.core.metrics.CountingScopeMetrics;
import io.github.qdrantscope.core.metrics.JvmScopeMeters;

/**
 * The {@code ScopeMetrics} bean of one Spring context: counts into the JVM-wide {@link JvmScopeMeters} and applies
 * this context's {@code qdrant-scope.fail-on-contention} setting. All of it is scope-core's
 * {@link CountingScopeMetrics}; the subclass keeps the bean's documented type.
 */
public class ContextScopeMetrics extends CountingScopeMetrics {

    /**
     * @param meters where the counts go (normally {@link JvmScopeMeters#jvm()})
     * @param failOnContention whether {@link #contention} throws after counting
     */
    public ContextScopeMetrics(JvmScopeMeters meters, boolean failOnContention) {
        super(meters, failOnContention);
    }
}
