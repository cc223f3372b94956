/**
 * Spring glue for the contention metrics: the context's {@code ScopeMetrics} bean ({@link
 * io.github.qdrantscope.autoconfigure.metrics.ContextScopeMetrics}) and the {@code MeterBinder} that shows the
 * JVM's meters in each context's {@code MeterRegistry}. The meters and the per-fork report are scope-core's
 * ({@code io.github.qdrantscope.core.metrics}).
 */
package io.github.qdrantscope.autoconfigure.metrics;
