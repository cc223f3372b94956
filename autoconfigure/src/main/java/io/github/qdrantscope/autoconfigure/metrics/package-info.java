/**
 * Contention metrics: the per-JVM {@link io.github.qdrantscope.autoconfigure.metrics.JvmScopeMeters}
 * behind every context's {@link io.github.qdrantscope.core.metrics.ScopeMetrics} bean, the
 * {@code MeterBinder} that shows them in each context's {@code MeterRegistry}, and the per-fork JSON report.
 */
package io.github.qdrantscope.autoconfigure.metrics;

import io.github.qdrantscope.core.metrics.ScopeMetrics;
