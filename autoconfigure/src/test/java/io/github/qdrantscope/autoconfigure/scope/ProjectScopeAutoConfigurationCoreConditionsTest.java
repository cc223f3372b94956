package io.github.qdrantscope.autoconfigure.scope;

import io.github.qdrantscope.core.wire.ProjectScopeInterceptor;

import io.github.qdrantscope.core.ProjectScope;
import io.github.qdrantscope.core.ScopedProject;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.github.qdrantscope.autoconfigure.embedding.QdrantScopeEmbeddingAutoConfiguration;
import io.github.qdrantscope.autoconfigure.fork.ForkCollectionBinder;
import io.github.qdrantscope.autoconfigure.fork.QdrantScopeForkAutoConfiguration;
import io.github.qdrantscope.autoconfigure.metrics.QdrantScopeMetricsAutoConfiguration;
import io.github.qdrantscope.core.metrics.ScopeMetrics;
import io.github.qdrantscope.autoconfigure.server.QdrantServerAutoConfiguration;
import io.github.qdrantscope.autoconfigure.server.QdrantServerSelector;
import io.qdrant.client.QdrantClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

import org.springframework.ai.document.Document;
import org.springframework.ai.vectorstore.SearchRequest;
import org.springframework.ai.vectorstore.qdrant.QdrantVectorStore;
import org.springframework.ai.vectorstore.qdrant.autoconfigure.QdrantVectorStoreAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The conditions of {@link ProjectScopeAutoConfiguration}'s own beans that do not depend on the web stack:
 * the raw-client call counter needs the Qdrant client, and the scoping itself does not depend on
 * {@code qdrant-scope.enabled}.
 */
@Execution(ExecutionMode.CONCURRENT)
class ProjectScopeAutoConfigurationCoreConditionsTest {

    private static final ProjectScope A = new ProjectScope("a-0000000a", ScopedProject.DEFAULT_KEY);

    private static final ProjectScope B = new ProjectScope("b-0000000b", ScopedProject.DEFAULT_KEY);

    @Test
    void noClientScopingWithoutTheQdrantClientButVectorStoreScopingStays() {
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(ProjectScopeAutoConfiguration.class))
            .withClassLoader(new FilteredClassLoader(QdrantClient.class))
            .run(context -> assertThat(context).hasNotFailed()
                .doesNotHaveBean(ProjectScopeInterceptor.class)
                .doesNotHaveBean(ScopedQdrantClientPostProcessor.class)
                .hasSingleBean(ScopedVectorStorePostProcessor.class)
                .hasSingleBean(CurrentProject.class));
    }

    @Test
    void disabledQdrantScopeStillScopesTheVectorStore() {
        String collection = "scope_disabled_" + UUID.randomUUID().toString().substring(0, 8);
        // every qdrant-scope auto-configuration, as the starter registers them, on Spring AI's own client
        new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(QdrantVectorStoreAutoConfiguration.class,
                    QdrantServerAutoConfiguration.class, QdrantScopeForkAutoConfiguration.class,
                    QdrantScopeMetricsAutoConfiguration.class, ProjectScopeAutoConfiguration.class,
                    InstrumentedQdrantClientAutoConfiguration.class, QdrantScopeEmbeddingAutoConfiguration.class))
            .withBean(FakeEmbeddingModel.class)
            .withPropertyValues("qdrant-scope.enabled=false",
                    "spring.ai.vectorstore.qdrant.host=" + TestQdrant.server().host(),
                    "spring.ai.vectorstore.qdrant.port=" + TestQdrant.server().grpcPort(),
                    "spring.ai.vectorstore.qdrant.initialize-schema=true",
                    "spring.ai.vectorstore.qdrant.collection-name=" + collection)
            .run(context -> {
                // the parts enabled=false switches off are off
                assertThat(context).doesNotHaveBean(QdrantServerSelector.class)
                    .doesNotHaveBean(ForkCollectionBinder.class)
                    .doesNotHaveBean(ScopeMetrics.class);
                assertThat(context.getBeanFactory().getBeanDefinition("qdrantClient").getFactoryBeanName())
                    .isEqualTo(QdrantVectorStoreAutoConfiguration.class.getName());

                QdrantVectorStore store = context.getBean(QdrantVectorStore.class);
                assertThat(ScopedVectorStorePostProcessor.scopingAdvice(store)).isNotNull();
                try (ProjectScope.Binding ignored = ProjectScope.open(A)) {
                    store.add(List.of(new Document("doc-1", "red apple", Map.of("owner", "a"))));
                }
                try (ProjectScope.Binding ignored = ProjectScope.open(B)) {
                    store.add(List.of(new Document("doc-1", "red apple", Map.of("owner", "b"))));
                    assertThat(store.similaritySearch(SearchRequest.builder().query("apple").topK(10).build()))
                        .singleElement()
                        .satisfies(doc -> {
                            assertThat(doc.getId()).isEqualTo("doc-1");
                            assertThat(doc.getMetadata()).containsEntry("owner", "b")
                                .doesNotContainKey(ScopedProject.DEFAULT_KEY);
                        });
                }
                QdrantClient raw = context.getBean(QdrantClient.class);
                assertThat(raw.countAsync(collection).get()).isEqualTo(2);
                raw.deleteCollectionAsync(collection).get();
            });
    }
}
