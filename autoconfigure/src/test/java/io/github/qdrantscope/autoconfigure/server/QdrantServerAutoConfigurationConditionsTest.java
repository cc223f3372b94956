package io.github.qdrantscope.autoconfigure.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.qdrant.client.QdrantClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The class conditions of {@link QdrantServerAutoConfiguration} and the back-off of its connection check.
 * An external host is configured throughout, so no embedded server is started.
 */
@Execution(ExecutionMode.CONCURRENT)
class QdrantServerAutoConfigurationConditionsTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(QdrantServerAutoConfiguration.class))
            .withPropertyValues("spring.ai.vectorstore.qdrant.host=qdrant.internal");

    @Test
    void contributesSelectorAndCheckWhenBothClassesArePresent() {
        runner.run(context -> assertThat(context).hasSingleBean(QdrantServerSelector.class)
                .hasSingleBean(QdrantConnectionCheck.class)
                .hasSingleBean(QdrantServerChoice.class));
    }

    @Test
    void offWithoutTheQdrantClient() {
        runner.withClassLoader(new FilteredClassLoader(QdrantClient.class)).run(context -> assertThat(context)
                .doesNotHaveBean(QdrantServerSelector.class).doesNotHaveBean(QdrantConnectionCheck.class)
                .doesNotHaveBean(QdrantServerChoice.class));
    }

    @Test
    void onWithoutSpringAi() {
        runner.withClassLoader(new FilteredClassLoader("org.springframework.ai")).run(context -> assertThat(context)
                .hasSingleBean(QdrantServerSelector.class).hasSingleBean(QdrantConnectionCheck.class)
                .hasSingleBean(QdrantServerChoice.class));
    }

    @Test
    void connectionCheckBacksOffWhenTheApplicationDefinesItsOwn() {
        runner.withUserConfiguration(OwnCheck.class).run(context -> {
            assertThat(context).hasSingleBean(QdrantConnectionCheck.class).hasBean("myCheck");
            assertThat(context.getBean(QdrantConnectionCheck.class)).isSameAs(OwnCheck.INSTANCE);
            // the selector is independent of the check and stays
            assertThat(context).hasSingleBean(QdrantServerSelector.class);
        });
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnCheck {

        static final QdrantConnectionCheck INSTANCE = new QdrantConnectionCheck();

        @Bean
        static QdrantConnectionCheck myCheck() {
            return INSTANCE;
        }
    }
}
