package io.github.qdrantscope.autoconfigure.scope;

import io.github.qdrantscope.core.ProjectScope;
import io.github.qdrantscope.core.metrics.ScopeMetrics;

import java.util.concurrent.CompletableFuture;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.scheduling.annotation.Async;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The application the {@code @SpringBootTest} suites run: Spring AI's auto-configured QdrantVectorStore on
 * the embedded server, a fake embedding model, a recording {@code ScopeMetrics}, and the starter's own
 * QdrantClient carrying the unscoped-call interceptor.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@EnableAsync
@Import(TestInfrastructure.class)
class ScopeTestApplication {

    @Bean
    AsyncProjectProbe asyncProjectProbe() {
        return new AsyncProjectProbe();
    }

    /** Reports the project scope seen on an {@code @Async} executor thread. */
    static class AsyncProjectProbe {

        @Async
        public CompletableFuture<String> projectOnExecutorThread() {
            return CompletableFuture.completedFuture(
                    Thread.currentThread().getName() + "|" + ProjectScope.current().map(ProjectScope::name).orElse(""));
        }
    }

    /** Base class wiring the embedded server into each suite's context. */
    abstract static class OnEmbeddedQdrant {

        @DynamicPropertySource
        static void qdrant(DynamicPropertyRegistry registry) {
            TestQdrant.register(registry);
        }
    }
}
