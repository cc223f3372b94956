package io.github.qdrantscope.autoconfigure.scope;

import io.github.qdrantscope.core.UnscopedAccessException;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.github.qdrantscope.core.metrics.ContentionKind;
import io.qdrant.client.QdrantClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

import org.springframework.ai.document.Document;
import org.springframework.ai.vectorstore.VectorStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The unscoped policy where unscoped calls really happen: an application that seeds its vector store while
 * the context starts (no test method, so no project scope is open yet). {@code warn} and {@code allow} let
 * it start, counted; {@code fail} stops the context with the policy's message.
 */
@Execution(ExecutionMode.CONCURRENT)
class UnscopedAtStartupTest {

    private final String collection = TestQdrant.uniqueCollection("scope_startup");

    private final ApplicationContextRunner runner = TestQdrant.scopedStoreRunner(this.collection)
        .withUserConfiguration(SeedingApplication.class);

    @Test
    void warnLetsAStartupSeedThroughAndCountsIt() {
        this.runner.run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(RecordingScopeMetrics.class).countsByKind())
                .isEqualTo(Map.of(ContentionKind.UNSCOPED_WRITE, 1L));
            assertThat(context.getBean(QdrantClient.class).countAsync(this.collection).get()).isEqualTo(2);
        });
    }

    @Test
    void failStopsTheContextNamingTheOperationTheCollectionAndThePolicy() {
        this.runner.withPropertyValues("qdrant-scope.unscoped=fail").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure())
                .isInstanceOf(UnscopedAccessException.class)
                .hasMessageContaining("VectorStore.add on collection '" + this.collection + "'")
                .hasMessageContaining("qdrant-scope.unscoped=fail");
        });
    }

    /** An application that loads reference data into its store once all beans exist. */
    @Configuration(proxyBeanMethods = false)
    static class SeedingApplication {

        @Bean
        SmartInitializingSingleton seedReferenceData(ObjectProvider<VectorStore> store) {
            return () -> store.getObject()
                .add(List.of(new Document(new UUID(0, 1).toString(), "reference one", Map.of()),
                        new Document(new UUID(0, 2).toString(), "reference two", Map.of())));
        }
    }
}
