package io.github.qdrantscope.autoconfigure.metrics;

import io.github.qdrantscope.core.metrics.JvmScopeMeters;

import io.github.qdrantscope.core.metrics.ContentionKind;
import io.github.qdrantscope.core.metrics.ScopeMetrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import io.github.qdrantscope.core.metrics.NoOpScopeMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Statistic;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.actuate.endpoint.MetricsEndpoint;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

class QdrantScopeMetricsAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(QdrantScopeMetricsAutoConfiguration.class));

    @Test
    void providesScopeMetricsAndBinder() {
        runner.run(context -> {
            assertThat(context).hasSingleBean(ScopeMetrics.class).hasSingleBean(QdrantScopeMeterBinder.class);
            assertThat(context.getBean(ContextScopeMetrics.class).failOnContention()).isFalse();
        });
    }

    @Test
    void failOnContentionPropertyReachesTheBean() {
        runner.withPropertyValues("qdrant-scope.fail-on-contention=true").run(context ->
                assertThat(context.getBean(ContextScopeMetrics.class).failOnContention()).isTrue());
    }

    @Test
    void backsOffWhenTheApplicationDefinesItsOwnScopeMetrics() {
        runner.withUserConfiguration(OwnMetrics.class).run(context -> {
            assertThat(context).hasSingleBean(ScopeMetrics.class).doesNotHaveBean(ContextScopeMetrics.class);
            assertThat(context.getBean(ScopeMetrics.class)).isSameAs(OwnMetrics.INSTANCE);
        });
    }

    @Test
    void backsOffWhenTheApplicationDefinesItsOwnBinder() {
        runner.withUserConfiguration(OwnBinder.class).run(context ->
                assertThat(context.getBean(QdrantScopeMeterBinder.class)).isSameAs(OwnBinder.INSTANCE));
    }

    @Test
    void disabled() {
        runner.withPropertyValues("qdrant-scope.enabled=false").run(context ->
                assertThat(context).doesNotHaveBean(ScopeMetrics.class).doesNotHaveBean(QdrantScopeMeterBinder.class));
    }

    @Test
    void offWithoutMicrometer() {
        runner.withClassLoader(new FilteredClassLoader(MeterRegistry.class)).run(context ->
                assertThat(context).hasNotFailed().doesNotHaveBean(ScopeMetrics.class)
                        .doesNotHaveBean(QdrantScopeMeterBinder.class));
    }

    @Test
    void metersShowInTheContextsMeterRegistry() {
        runner.withConfiguration(AutoConfigurations.of(MetricsAutoConfiguration.class,
                SimpleMetricsExportAutoConfiguration.class)).run(context -> {
            MeterRegistry registry = context.getBean(MeterRegistry.class);
            double before = registry.get("qdrant.scope.contention").tag("kind", "unscoped_delete").functionCounter().count();

            context.getBean(ScopeMetrics.class).contention(ContentionKind.UNSCOPED_DELETE, null, "c", "delete outside a scope");

            assertThat(registry.get("qdrant.scope.contention").tag("kind", "unscoped_delete").functionCounter().count())
                    .isEqualTo(before + 1);
        });
    }

    @Test
    void metersShowAtTheActuatorMetricsEndpoint() {
        runner.withConfiguration(AutoConfigurations.of(MetricsAutoConfiguration.class,
                SimpleMetricsExportAutoConfiguration.class)).run(context -> {
            MetricsEndpoint endpoint = new MetricsEndpoint(context.getBean(MeterRegistry.class));
            double before = endpoint.metric("qdrant.scope.contention", List.of("kind:foreign_point"))
                    .getMeasurements().get(0).getValue();

            context.getBean(ScopeMetrics.class).contention(ContentionKind.FOREIGN_POINT, "p", "c", "audit");

            MetricsEndpoint.MetricDescriptor contention = endpoint.metric("qdrant.scope.contention",
                    List.of("kind:foreign_point"));
            assertThat(contention.getMeasurements()).singleElement().satisfies(sample -> {
                assertThat(sample.getStatistic()).isEqualTo(Statistic.COUNT);
                assertThat(sample.getValue()).isEqualTo(before + 1);
            });
            assertThat(endpoint.metric("qdrant.scope.contention", List.of()).getAvailableTags())
                    .anySatisfy(tag -> assertThat(tag.getValues()).containsExactlyInAnyOrder("collection_claim",
                            "foreign_point", "unscoped_read", "unscoped_write", "unscoped_delete"));
            assertThat(endpoint.listNames().getNames()).contains("qdrant.scope.contention",
                    "qdrant.scope.cleanup", "qdrant.scope.cleanup.points", "qdrant.scope.projects.active");
        });
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnMetrics {

        // any ScopeMetrics of the user's will do: the do-nothing one the scoping falls back to
        static final ScopeMetrics INSTANCE = NoOpScopeMetrics.INSTANCE;

        @Bean
        ScopeMetrics myMetrics() {
            return INSTANCE;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnBinder {

        static final QdrantScopeMeterBinder INSTANCE = new QdrantScopeMeterBinder(new JvmScopeMeters());

        @Bean
        QdrantScopeMeterBinder myBinder() {
            return INSTANCE;
        }
    }
}
