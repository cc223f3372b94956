package io.github.qdrantscope.autoconfigure.embedding;

import org.junit.jupiter.api.Test;
import org.springframework.ai.embedding.EmbeddingModel;
import org.springframework.ai.vectorstore.qdrant.QdrantVectorStore;
import org.springframework.ai.vectorstore.qdrant.autoconfigure.QdrantVectorStoreAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

class QdrantScopeEmbeddingAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(QdrantScopeEmbeddingAutoConfiguration.class));

    @Test
    void providesNothingWithoutTheProperty() {
        runner.run(context -> assertThat(context).doesNotHaveBean(EmbeddingModel.class));
    }

    @Test
    void providesNothingWhenSetToNone() {
        runner.withPropertyValues("qdrant-scope.embedding=none")
            .run(context -> assertThat(context).doesNotHaveBean(EmbeddingModel.class));
    }

    @Test
    void providesTheHashingModelWhenAskedFor() {
        runner.withPropertyValues("qdrant-scope.embedding=hashing").run(context -> {
            assertThat(context).hasSingleBean(EmbeddingModel.class);
            assertThat(context.getBean(EmbeddingModel.class)).isInstanceOf(HashingEmbeddingModel.class);
            assertThat(context.getBean(EmbeddingModel.class).dimensions()).isEqualTo(384);
        });
    }

    @Test
    void providesNothingWithoutSpringAisEmbeddingModel() {
        runner.withPropertyValues("qdrant-scope.embedding=hashing")
            .withClassLoader(new FilteredClassLoader(EmbeddingModel.class))
            .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(HashingEmbeddingModel.class));
    }

    @Test
    void acceptsTheValueInAnyCase() {
        runner.withPropertyValues("qdrant-scope.embedding=HASHING")
            .run(context -> assertThat(context).hasSingleBean(HashingEmbeddingModel.class));
    }

    @Test
    void usesTheConfiguredDimensions() {
        runner.withPropertyValues("qdrant-scope.embedding=hashing", "qdrant-scope.embedding-dimensions=64")
            .run(context -> assertThat(context.getBean(EmbeddingModel.class).dimensions()).isEqualTo(64));
    }

    @Test
    void rejectsOutOfRangeDimensionsNamingTheProperty() {
        runner.withPropertyValues("qdrant-scope.embedding=hashing", "qdrant-scope.embedding-dimensions=0")
            .run(context -> assertThat(context).getFailure()
                .rootCause()
                .hasMessageContaining("qdrant-scope.embedding-dimensions must be between 1 and 65536, but was 0"));
    }

    @Test
    void rejectsAnUnknownModeNamingTheProperty() {
        runner.withPropertyValues("qdrant-scope.embedding=hashng")
            .run(context -> assertThat(context).getFailure()
                .rootCause()
                .hasMessageContaining("Invalid value 'hashng' for qdrant-scope.embedding")
                .hasMessageContaining("'hashing'"));
    }

    @Test
    void backsOffWhenTheApplicationDefinesAnEmbeddingModel() {
        runner.withPropertyValues("qdrant-scope.embedding=hashing")
            .withUserConfiguration(UserEmbeddingModel.class)
            .run(context -> {
                assertThat(context).hasSingleBean(EmbeddingModel.class);
                assertThat(context).doesNotHaveBean(HashingEmbeddingModel.class);
                assertThat(context).hasBean("userEmbeddingModel");
            });
    }

    @Test
    void canBeImportedWithoutTheProperty() {
        new ApplicationContextRunner().withUserConfiguration(ImportsHashing.class)
            .run(context -> assertThat(context).hasSingleBean(HashingEmbeddingModel.class));
    }

    @Test
    void feedsSpringAisQdrantVectorStoreWhicheverOrderTheyAreListedIn() {
        new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(QdrantVectorStoreAutoConfiguration.class,
                    QdrantScopeEmbeddingAutoConfiguration.class))
            .withPropertyValues("qdrant-scope.embedding=hashing")
            .run(context -> {
                assertThat(context).hasNotFailed();
                assertThat(context).hasSingleBean(QdrantVectorStore.class);
                assertThat(context).hasSingleBean(HashingEmbeddingModel.class);
            });
    }

    @Configuration(proxyBeanMethods = false)
    static class UserEmbeddingModel {

        @Bean
        EmbeddingModel userEmbeddingModel() {
            return mock(EmbeddingModel.class);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @Import(HashingEmbeddingConfiguration.class)
    static class ImportsHashing {
    }
}
