package io.github.qdrantscope.autoconfigure.fork;

import io.github.qdrantscope.autoconfigure.FakeEmbeddingModel;
import org.junit.jupiter.api.Test;

import org.springframework.ai.embedding.EmbeddingModel;
import org.springframework.ai.vectorstore.VectorStore;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.TestContextManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Two test configurations of one fork whose embedding models disagree on the dimension, with the same
 * collection prefix: the first context creates the fork's collection, the second fails to load — as a
 * {@code @SpringBootTest} would — naming the collection, both dimensions and the property that separates
 * them. Loaded through Spring's {@link TestContextManager}, exactly as JUnit's SpringExtension loads them.
 */
class DimensionMismatchAtStartupTest {

    private static final String PREFIX = "qdrant-scope.collection-prefix=dimension_check";

    @Test
    void aSecondContextWithAnotherDimensionFailsToLoadNamingCollectionDimensionsAndPrefix() throws Exception {
        ApplicationContext first = new TestContextManager(EightDimensions.class).getTestContext()
            .getApplicationContext();
        String collection = first.getEnvironment().getRequiredProperty("spring.ai.vectorstore.qdrant.collection-name");
        assertThat(collection).startsWith("dimension_check_");
        assertThat(first.getBean(VectorStore.class)).isNotNull();

        TestContextManager second = new TestContextManager(SixteenDimensions.class);
        assertThatIllegalStateException().isThrownBy(() -> second.getTestContext().getApplicationContext())
            .withStackTraceContaining("'" + collection + "' was created with dimension 8")
            .withStackTraceContaining("produces 16")
            .withStackTraceContaining("qdrant-scope.collection-prefix");
    }

    @SpringBootTest(classes = ForkTestApplication.class, properties = PREFIX)
    static class EightDimensions {
    }

    @SpringBootTest(classes = SixteenDimensionApplication.class, properties = PREFIX)
    static class SixteenDimensions {
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class SixteenDimensionApplication {

        @Bean
        EmbeddingModel embeddingModel() {
            return new FakeEmbeddingModel(16);
        }
    }
}
