package io.github.qdrantscope.autoconfigure.scope;

import io.github.qdrantscope.core.UnscopedPolicy;
import io.github.qdrantscope.core.wire.ProjectScopeInterceptor;
import io.github.qdrantscope.core.wire.ScopedProjects;
import io.github.qdrantscope.core.wire.UnscopedAccessGuard;

import io.github.qdrantscope.core.metrics.NoOpScopeMetrics;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.restclient.RestTemplateCustomizer;
import org.springframework.boot.resttestclient.autoconfigure.RestTestClientBuilderCustomizer;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webtestclient.autoconfigure.WebTestClientBuilderCustomizer;
import org.springframework.core.task.support.ContextPropagatingTaskDecorator;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.server.WebFilter;

import static org.assertj.core.api.Assertions.assertThat;

/** Which beans {@link ProjectScopeAutoConfiguration} contributes under which conditions. */
@Execution(ExecutionMode.CONCURRENT)
class ProjectScopeAutoConfigurationConditionsTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(ProjectScopeAutoConfiguration.class));

    @Test
    void coreBeansArePresent() {
        this.runner.run(context -> assertThat(context).hasSingleBean(ScopedVectorStorePostProcessor.class)
            .hasSingleBean(CurrentProject.class)
            .hasSingleBean(ProjectScopeInterceptor.class)
            .hasSingleBean(ScopedQdrantClientPostProcessor.class)
            .hasSingleBean(ContextPropagatingTaskDecorator.class)
            .hasSingleBean(RestTemplateCustomizer.class)
            .hasSingleBean(RestTestClientBuilderCustomizer.class)
            .hasSingleBean(WebTestClientBuilderCustomizer.class)
            .doesNotHaveBean(FilterRegistrationBean.class)
            .doesNotHaveBean(ProjectScopeWebFilter.class));
    }

    @Test
    void servletFilterOnlyInServletApplications() {
        new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ProjectScopeAutoConfiguration.class))
            .run(context -> {
                assertThat(context.getBean(FilterRegistrationBean.class).getFilter())
                    .isInstanceOf(ProjectScopeServletFilter.class);
                assertThat(context).doesNotHaveBean(ProjectScopeWebFilter.class);
            });
    }

    @Test
    void webFilterOnlyInReactiveApplications() {
        new ReactiveWebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ProjectScopeAutoConfiguration.class))
            .run(context -> assertThat(context).hasSingleBean(ProjectScopeWebFilter.class)
                .doesNotHaveBean(FilterRegistrationBean.class));
    }

    @Test
    void webFilterBacksOffWithoutWebFluxClassesOrForTheUsersOwn() {
        ReactiveWebApplicationContextRunner reactive = new ReactiveWebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ProjectScopeAutoConfiguration.class));
        reactive.withClassLoader(new FilteredClassLoader(WebFilter.class))
            .run(context -> assertThat(context).hasSingleBean(CurrentProject.class)
                .doesNotHaveBean(ProjectScopeWebFilter.class));
        reactive.withBean("myWebFilter", ProjectScopeWebFilter.class, ProjectScopeWebFilter::new)
            .run(context -> assertThat(context).hasSingleBean(ProjectScopeWebFilter.class).hasBean("myWebFilter"));
    }

    @Test
    void webTestClientCustomizerNeedsBothBootsWebTestClientSupportAndWebFlux() {
        this.runner.withClassLoader(new FilteredClassLoader(WebTestClientBuilderCustomizer.class))
            .run(context -> assertThat(context).hasSingleBean(CurrentProject.class)
                .doesNotHaveBean(WebTestClientBuilderCustomizer.class));
        this.runner.withClassLoader(new FilteredClassLoader(ExchangeFilterFunction.class))
            .run(context -> assertThat(context).hasSingleBean(CurrentProject.class)
                .doesNotHaveBean(WebTestClientBuilderCustomizer.class));
    }

    @Test
    void webTestClientCustomizerPutsTheScopeFilterFirst() {
        ExchangeFilterFunction applications = (request, next) -> next.exchange(request);
        this.runner.run(context -> {
            WebTestClient.Builder builder = WebTestClient.bindToServer().filter(applications);
            context.getBean(WebTestClientBuilderCustomizer.class).customize(builder);
            List<ExchangeFilterFunction> filters = new ArrayList<>();
            builder.filters(filters::addAll);
            assertThat(filters).hasSize(2);
            assertThat(filters.get(0)).isInstanceOf(ProjectScopeExchangeFilter.class);
            assertThat(filters.get(1)).isSameAs(applications);
        });
    }

    @Test
    void withoutSpringAiOnlyTheVectorStorePartBacksOff() {
        this.runner.withClassLoader(new FilteredClassLoader("org.springframework.ai"))
            .run(context -> assertThat(context).doesNotHaveBean(ScopedVectorStorePostProcessor.class)
                .hasSingleBean(CurrentProject.class)
                .hasSingleBean(ProjectScopeInterceptor.class)
                .hasSingleBean(ScopedQdrantClientPostProcessor.class));
    }

    @Test
    void optionalPartsBackOffWithoutTheirClasses() {
        this.runner
            .withClassLoader(new FilteredClassLoader(RestTemplateCustomizer.class, RestTestClientBuilderCustomizer.class,
                    io.micrometer.context.ContextSnapshotFactory.class))
            .run(context -> assertThat(context).hasSingleBean(CurrentProject.class)
                .doesNotHaveBean(RestTemplateCustomizer.class)
                .doesNotHaveBean(RestTestClientBuilderCustomizer.class)
                .doesNotHaveBean(ContextPropagatingTaskDecorator.class));
    }

    @Test
    void userBeansWin() {
        this.runner.withBean("mine", ContextPropagatingTaskDecorator.class, ContextPropagatingTaskDecorator::new)
            .withBean("myInterceptor", ProjectScopeInterceptor.class,
                    () -> new ProjectScopeInterceptor(new ScopedProjects(), new UnscopedAccessGuard(
                            UnscopedPolicy.ALLOW, () -> NoOpScopeMetrics.INSTANCE), name -> false))
            .run(context -> assertThat(context).hasSingleBean(ContextPropagatingTaskDecorator.class)
                .hasBean("mine")
                .hasSingleBean(ProjectScopeInterceptor.class)
                .hasBean("myInterceptor"));
    }
}
