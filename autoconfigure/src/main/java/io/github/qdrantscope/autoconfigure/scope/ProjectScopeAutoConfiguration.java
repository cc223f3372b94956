package io.github.qdrantscope.autoconfigure.scope;

import io.github.qdrantscope.core.metrics.NoOpScopeMetrics;

import io.github.qdrantscope.autoconfigure.QdrantScopeProperties;
import io.github.qdrantscope.core.metrics.ScopeMetrics;
import io.github.qdrantscope.core.server.ServerWatch;
import io.github.qdrantscope.core.wire.ProjectScopeInterceptor;
import io.github.qdrantscope.core.wire.ScopedProjects;
import io.github.qdrantscope.core.wire.UncoveredCallCheck;
import io.github.qdrantscope.core.wire.UnscopedAccessGuard;
import java.util.function.Supplier;
import org.springframework.boot.context.properties.bind.Binder;
import io.micrometer.context.ContextSnapshotFactory;
import jakarta.servlet.Filter;
import reactor.core.publisher.Mono;

import org.springframework.ai.vectorstore.VectorStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.restclient.RestTemplateCustomizer;
import org.springframework.boot.resttestclient.autoconfigure.RestTestClientBuilderCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webtestclient.autoconfigure.WebTestClientBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.core.task.support.ContextPropagatingTaskDecorator;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.server.WebFilter;

/**
 * Project scoping for every Qdrant client and, with Spring AI, every {@link VectorStore} bean: the scoping post-processor, the {@link CurrentProject}
 * bean, the gRPC {@link ProjectScopeInterceptor} that scopes every Qdrant client bean; with Micrometer's context-propagation present, a
 * task decorator so {@code @Async} work runs in the caller's project; for {@code RANDOM_PORT} tests, customizers
 * of {@code TestRestTemplate}, {@code RestTestClient} and {@code WebTestClient} that send the scope as HTTP
 * headers, and a servlet filter or (in reactive applications) a {@code WebFilter} that opens it on the server
 * side. Every optional part is conditional on its classes.
 */
@AutoConfiguration(afterName = "org.springframework.ai.vectorstore.qdrant.autoconfigure.QdrantVectorStoreAutoConfiguration")
public class ProjectScopeAutoConfiguration {

    /** Spring AI's {@code VectorStore} beans, when Spring AI is there. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(VectorStore.class)
    static class VectorStoreConfiguration {

        /** Static: post-processors must be created before the beans they process. */
        @Bean
        static ScopedVectorStorePostProcessor qdrantScopeVectorStorePostProcessor() {
            return new ScopedVectorStorePostProcessor();
        }
    }

    /** The current test's project, injectable into tests. */
    @Bean
    @ConditionalOnMissingBean
    CurrentProject qdrantScopeCurrentProject() {
        return new CurrentProject();
    }

    /**
     * Puts the project scope on every {@code QdrantClient} bean and on the client inside Qdrant store beans.
     * Static: post-processors must be created before the beans they process.
     */
    @Bean
    @ConditionalOnClass(name = "io.qdrant.client.QdrantClient")
    static ScopedQdrantClientPostProcessor qdrantScopeClientPostProcessor() {
        return new ScopedQdrantClientPostProcessor();
    }

    /**
     * Scopes every {@code qdrant.Points} call of the context's Qdrant clients to the current project, on every
     * collection; outside a project, applies {@code qdrant-scope.unscoped} to calls that bypass projects. Gives
     * calls without a deadline {@code qdrant-scope.call-timeout}, and fails every call at once once the server is
     * known to be gone ({@link ServerWatch}).
     */
    @Bean
    @ConditionalOnClass(name = "io.qdrant.client.QdrantClient")
    @ConditionalOnMissingBean
    ProjectScopeInterceptor qdrantScopeInterceptor(ObjectProvider<ScopeMetrics> metrics, Environment environment) {
        QdrantScopeProperties properties = Binder.get(environment)
            .bindOrCreate(QdrantScopeProperties.PREFIX, QdrantScopeProperties.class);
        Supplier<ScopeMetrics> scopeMetrics = SingletonSupplier
            .of(() -> metrics.getIfAvailable(() -> NoOpScopeMetrics.INSTANCE));
        return new ProjectScopeInterceptor(ScopedProjects.jvm(),
                new UnscopedAccessGuard(properties.unscoped(), scopeMetrics), collection -> true, scopeMetrics,
                ServerWatch.forApplication(properties.connectTimeout(), properties.callTimeout()));
    }

    /**
     * Counts the calls of Qdrant clients the context could not cover (built inside a method, never a bean) under
     * the unscoped contention kinds, logs each such client once and, under {@code qdrant-scope.unscoped=fail},
     * refuses its calls, while the context runs.
     */
    @Bean
    @ConditionalOnClass(name = "io.qdrant.client.QdrantClient")
    @ConditionalOnMissingBean
    UncoveredClientsRegistration qdrantScopeUncoveredClients(ObjectProvider<ScopeMetrics> metrics,
            Environment environment) {
        QdrantScopeProperties properties = Binder.get(environment)
            .bindOrCreate(QdrantScopeProperties.PREFIX, QdrantScopeProperties.class);
        Supplier<ScopeMetrics> scopeMetrics = SingletonSupplier
            .of(() -> metrics.getIfAvailable(() -> NoOpScopeMetrics.INSTANCE));
        return new UncoveredClientsRegistration(new UncoveredCallCheck(properties.unscoped(), scopeMetrics));
    }

    /** Opens the test's scope on the server thread of {@code RANDOM_PORT} tests. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnClass({ OncePerRequestFilter.class, Filter.class })
    static class ServletConfiguration {

        @Bean
        FilterRegistrationBean<ProjectScopeServletFilter> qdrantScopeServletFilter() {
            FilterRegistrationBean<ProjectScopeServletFilter> registration = new FilterRegistrationBean<>(
                    new ProjectScopeServletFilter());
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
            return registration;
        }
    }

    /** Adds the scope headers to {@code TestRestTemplate} (built from the context's RestTemplateBuilder). */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass({ RestTemplateCustomizer.class, ClientHttpRequestInterceptor.class })
    static class RestTemplateConfiguration {

        @Bean
        RestTemplateCustomizer qdrantScopeRestTemplateCustomizer() {
            ProjectScopeHeaders headers = new ProjectScopeHeaders();
            return restTemplate -> restTemplate.getInterceptors().add(headers);
        }
    }

    /** Adds the scope headers to Boot's auto-configured {@code RestTestClient}. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass({ RestTestClientBuilderCustomizer.class, ClientHttpRequestInterceptor.class })
    static class RestTestClientConfiguration {

        @Bean
        RestTestClientBuilderCustomizer qdrantScopeRestTestClientCustomizer() {
            ProjectScopeHeaders headers = new ProjectScopeHeaders();
            return builder -> builder.requestInterceptor(headers);
        }
    }

    /**
     * Opens the test's scope for requests of {@code RANDOM_PORT} tests against a reactive (WebFlux) server,
     * through the Reactor context (see {@link ProjectScopeWebFilter} for what the application must enable).
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
    @ConditionalOnClass({ WebFilter.class, Mono.class })
    static class ReactiveConfiguration {

        @Bean
        @ConditionalOnMissingBean
        ProjectScopeWebFilter qdrantScopeWebFilter() {
            return new ProjectScopeWebFilter();
        }
    }

    /** Adds the scope headers to Boot's auto-configured {@code WebTestClient}. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass({ WebTestClientBuilderCustomizer.class, ExchangeFilterFunction.class })
    static class WebTestClientConfiguration {

        @Bean
        WebTestClientBuilderCustomizer qdrantScopeWebTestClientCustomizer() {
            ProjectScopeExchangeFilter filter = new ProjectScopeExchangeFilter();
            // First in the chain: it is then invoked synchronously on the test's thread (see the filter).
            return builder -> builder.filters(filters -> filters.add(0, filter));
        }
    }

    /** Carries the project scope (and any other registered thread-local) into {@code @Async} executors. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(ContextSnapshotFactory.class)
    static class ContextPropagationConfiguration {

        /** Boot composes every TaskDecorator bean, so this adds to (never replaces) the application's own. */
        @Bean
        @ConditionalOnMissingBean(ContextPropagatingTaskDecorator.class)
        ContextPropagatingTaskDecorator qdrantScopeContextPropagatingTaskDecorator() {
            return new ContextPropagatingTaskDecorator();
        }
    }
}
