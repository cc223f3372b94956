package io.github.qdrantscope.autoconfigure.metrics;

import io.github.qdrantscope.core.metrics.JvmScopeMeters;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * Shows the JVM-wide qdrant-scope meters (see {@link JvmScopeMeters}) in a context's {@code MeterRegistry};
 * Spring Boot binds every {@code MeterBinder} bean, so they appear in {@code @SpringBootTest}'s
 * {@code SimpleMeterRegistry} and at {@code /actuator/metrics/qdrant.scope.contention}.
 */
public class QdrantScopeMeterBinder implements MeterBinder {

    private final JvmScopeMeters meters;

    /** @param meters the counters to show (normally {@link JvmScopeMeters#jvm()}) */
    public QdrantScopeMeterBinder(JvmScopeMeters meters) {
        this.meters = meters;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        meters.bindTo(registry);
    }
}
