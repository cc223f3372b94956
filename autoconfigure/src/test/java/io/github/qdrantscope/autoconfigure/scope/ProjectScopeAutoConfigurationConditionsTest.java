package io.github.qdrantscope.autoconfigure.scope;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.restclient.RestTemplateCustomizer;
import org.springframework.boot.resttestclient.autoconfigure.RestTestClientBuilderCustomizer;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.core.task.support.ContextPropagatingTaskDecorator;

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
            .hasSingleBean(UnscopedQdrantCallCounter.class)
            .hasSingleBean(ContextPropagatingTaskDecorator.class)
            .hasSingleBean(RestTemplateCustomizer.class)
            .hasSingleBean(RestTestClientBuilderCustomizer.class)
            .doesNotHaveBean(FilterRegistrationBean.class));
    }

    @Test
    void servletFilterOnlyInServletApplications() {
        new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ProjectScopeAutoConfiguration.class))
            .run(context -> assertThat(context.getBean(FilterRegistrationBean.class).getFilter())
                .isInstanceOf(ProjectScopeServletFilter.class));
    }

    @Test
    void backsOffWithoutSpringAi() {
        this.runner.withClassLoader(new FilteredClassLoader("org.springframework.ai.vectorstore"))
            .run(context -> assertThat(context).doesNotHaveBean(ScopedVectorStorePostProcessor.class)
                .doesNotHaveBean(CurrentProject.class));
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
            .withBean("myCounter", UnscopedQdrantCallCounter.class,
                    () -> new UnscopedQdrantCallCounter(() -> NoOpScopeMetrics.INSTANCE, name -> false))
            .run(context -> assertThat(context).hasSingleBean(ContextPropagatingTaskDecorator.class)
                .hasBean("mine")
                .hasSingleBean(UnscopedQdrantCallCounter.class)
                .hasBean("myCounter"));
    }
}
