package io.github.qdrantscope.autoconfigure.fork;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.springframework.ai.vectorstore.qdrant.QdrantVectorStore;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Which conditions of {@link QdrantScopeForkAutoConfiguration} contribute the {@link ForkCollectionBinder}. */
@Execution(ExecutionMode.CONCURRENT)
class QdrantScopeForkAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(QdrantScopeForkAutoConfiguration.class));

    /** What the context customizer puts into a bound context. */
    private final ApplicationContextRunner bound = runner
            .withPropertyValues(QdrantScopeContextCustomizer.BOUND_COLLECTION + "=qdrant_scope_r1_f1");

    @Test
    void binderInContextsTheCustomizerBound() {
        bound.run(context -> assertThat(context).hasSingleBean(ForkCollectionBinder.class)
                .hasBean("qdrantScopeForkCollectionBinder"));
    }

    @Test
    void noBinderInContextsTheCustomizerDidNotBind() {
        runner.run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(ForkCollectionBinder.class));
    }

    @Test
    void offWithQdrantScopeDisabled() {
        bound.withPropertyValues("qdrant-scope.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(ForkCollectionBinder.class));
    }

    @Test
    void offWithoutSpringAisQdrantStore() {
        bound.withClassLoader(new FilteredClassLoader(QdrantVectorStore.class))
                .run(context -> assertThat(context).doesNotHaveBean(ForkCollectionBinder.class));
    }

    @Test
    void backsOffWhenTheApplicationDefinesItsOwnBinder() {
        bound.withUserConfiguration(OwnBinder.class).run(context -> {
            assertThat(context).hasSingleBean(ForkCollectionBinder.class).hasBean("myBinder");
            assertThat(context.getBean(ForkCollectionBinder.class)).isSameAs(OwnBinder.INSTANCE);
        });
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnBinder {

        static final ForkCollectionBinder INSTANCE = new ForkCollectionBinder();

        @Bean
        static ForkCollectionBinder myBinder() {
            return INSTANCE;
        }
    }
}
