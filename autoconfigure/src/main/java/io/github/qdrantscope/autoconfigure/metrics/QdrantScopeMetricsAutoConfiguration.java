package io.github.qdrantscope.autoconfigure.metrics;

import io.github.qdrantscope.core.metrics.JvmScopeMeters;

import io.github.qdrantscope.core.metrics.ScopeMetrics;

import io.github.qdrantscope.autoconfigure.QdrantScopeProperties;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * The context's {@link ScopeMetrics} (counting into the JVM-wide {@link JvmScopeMeters}) and the
 * {@link QdrantScopeMeterBinder} that shows those meters in the context's {@code MeterRegistry}.
 * Each bean backs off when the application defines its own. Off with {@code qdrant-scope.enabled=false}.
 */
@AutoConfiguration
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnProperty(prefix = "qdrant-scope", name = "enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(QdrantScopeProperties.class)
public class QdrantScopeMetricsAutoConfiguration {

    /** Counts into this JVM's meters; throws on contention when {@code qdrant-scope.fail-on-contention=true}. */
    @Bean
    @ConditionalOnMissingBean(ScopeMetrics.class)
    public ContextScopeMetrics qdrantScopeMetrics(QdrantScopeProperties properties) {
        return new ContextScopeMetrics(JvmScopeMeters.jvm(), properties.failOnContention());
    }

    /** Binds this JVM's qdrant-scope meters into the context's registries. */
    @Bean
    @ConditionalOnMissingBean(QdrantScopeMeterBinder.class)
    public QdrantScopeMeterBinder qdrantScopeMeterBinder() {
        return new QdrantScopeMeterBinder(JvmScopeMeters.jvm());
    }
}
