package io.github.qdrantscope.autoconfigure.scope;

import io.github.qdrantscope.core.wire.ProjectCleanup;
import io.github.qdrantscope.core.wire.ScopedProjects;
import io.qdrant.client.PointIdFactory;
import io.qdrant.client.VectorsFactory;
import io.qdrant.client.grpc.Points.PointStruct;
import java.time.Duration;

import io.github.qdrantscope.core.ProjectNames;
import io.github.qdrantscope.core.ProjectScope;
import io.github.qdrantscope.core.ScopedProject;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.qdrantscope.autoconfigure.fork.QdrantScopeContextCustomizer;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.MethodDescriptor;
import io.qdrant.client.ConditionFactory;
import io.qdrant.client.QdrantClient;
import io.qdrant.client.grpc.Collections.PayloadSchemaInfo;
import io.qdrant.client.grpc.Collections.PayloadSchemaType;
import io.qdrant.client.grpc.Common;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

import org.springframework.ai.document.Document;
import org.springframework.ai.vectorstore.SearchRequest;
import org.springframework.ai.vectorstore.filter.FilterExpressionBuilder;
import org.springframework.ai.vectorstore.qdrant.QdrantVectorStore;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatRuntimeException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Cleanup of a project (what {@link ScopedProjectTestExecutionListener} calls after a test: the wire's
 * {@link ProjectCleanup} over what {@link ScopedProjects} recorded) and custom project keys, on Spring AI's real
 * QdrantVectorStore against the embedded server: which calls reach Qdrant, how many points are reported removed,
 * and what is left. Each run has its own collection, and a recording
 * gRPC interceptor on the starter's client shows the calls cleanup makes.
 */
@Execution(ExecutionMode.CONCURRENT)
class ProjectCleanupTest {

    private final String collection = TestQdrant.uniqueCollection("scope_cleanup");

    private final ApplicationContextRunner runner = TestQdrant.scopedStoreRunner(this.collection)
        .withUserConfiguration(RecordedCallsConfiguration.class);

    /** Project names are unique in a JVM, and the registry of what they wrote is the JVM's. */
    private final ProjectScope A = new ProjectScope(ProjectNames.newName("a"), ScopedProject.DEFAULT_KEY);

    private final ProjectScope B = new ProjectScope(ProjectNames.newName("b"), ScopedProject.DEFAULT_KEY);

    @Test
    void pointsWrittenThroughTheStoreAreRemovedWithOneDeleteAndCountedWithoutAskingQdrant() {
        this.runner.run(context -> {
            QdrantVectorStore store = context.getBean(QdrantVectorStore.class);
            inScope(A, () -> {
                store.add(List.of(doc("one"), doc("two"), doc("three")));
                // the same id again is an overwrite, not a fourth point
                store.add(List.of(doc("two")));
                store.delete(List.of("three", "never-written"));
            });
            inScope(B, () -> store.add(List.of(doc("one"))));
            RecordedCalls calls = context.getBean(RecordedCalls.class);
            calls.clear();

            assertThat(remove(context, A)).isEqualTo(2);

            assertThat(calls.methods()).containsExactly("qdrant.Points/Delete");
            assertThat(points(context, A)).isZero();
            assertThat(points(context, B)).isEqualTo(1);
            // A's record is gone with its cleanup, B's is still there
            assertThat(ScopedProjects.jvm().take(A.name())).isEmpty();
            assertThat(ScopedProjects.jvm().take(B.name())).hasSize(1);
        });
    }

    @Test
    void aForgottenProjectIsLeftAsItIsAndNothingIsSent() {
        this.runner.run(context -> {
            QdrantVectorStore store = context.getBean(QdrantVectorStore.class);
            // cleanup = NEVER forgets the project: its points stay for inspection
            inScope(A, () -> store.add(List.of(doc("one"))));
            ScopedProjects.jvm().forget(A.name());
            RecordedCalls calls = context.getBean(RecordedCalls.class);
            calls.clear();

            assertThat(remove(context, A)).isZero();

            assertThat(calls.methods()).isEmpty();
            assertThat(points(context, A)).isEqualTo(1);
        });
    }

    @Test
    void aDeleteByFilterMakesCleanupCountThePointsOnTheServer() {
        this.runner.run(context -> {
            QdrantVectorStore store = context.getBean(QdrantVectorStore.class);
            inScope(A, () -> {
                store.add(List.of(doc("one", "colour", "red"), doc("two", "colour", "blue"),
                        doc("three", "colour", "blue")));
                store.delete(new FilterExpressionBuilder().eq("colour", "red").build());
            });
            RecordedCalls calls = context.getBean(RecordedCalls.class);
            calls.clear();

            assertThat(remove(context, A)).isEqualTo(2);

            assertThat(calls.methods()).containsExactly("qdrant.Points/Count", "qdrant.Points/Delete");
            assertThat(points(context, A)).isZero();
        });
    }

    @Test
    void anAddRefusedBeforeReachingQdrantLeavesTheRecordExact() {
        this.runner.run(context -> {
            QdrantVectorStore store = context.getBean(QdrantVectorStore.class);
            inScope(A, () -> {
                store.add(List.of(doc("one")));
                // Spring AI rejects the payload value while converting the batch: nothing is sent
                Document unsupported = new Document("two", "text", Map.of("at", Instant.EPOCH));
                assertThatRuntimeException().isThrownBy(() -> store.add(List.of(unsupported)))
                    .withRootCauseInstanceOf(IllegalArgumentException.class)
                    .withStackTraceContaining("Unsupported Qdrant value type");
            });
            RecordedCalls calls = context.getBean(RecordedCalls.class);
            calls.clear();

            assertThat(remove(context, A)).isEqualTo(1);

            assertThat(calls.methods()).containsExactly("qdrant.Points/Delete");
        });
    }

    @Test
    void aWriteQdrantRefusesMakesCleanupCountThePointsOnTheServer() {
        this.runner.run(context -> {
            QdrantVectorStore store = context.getBean(QdrantVectorStore.class);
            inScope(A, () -> {
                store.add(List.of(doc("one")));
                // a vector of the wrong dimension: Qdrant refuses the upsert, which may have been applied in part
                assertThatThrownBy(() -> client(context).upsertAsync(this.collection,
                        List.of(PointStruct.newBuilder().setId(PointIdFactory.id(7))
                            .setVectors(VectorsFactory.vectors(1f)).build())).get())
                    .hasMessageContaining("Vector dimension error");
            });
            RecordedCalls calls = context.getBean(RecordedCalls.class);
            calls.clear();

            assertThat(remove(context, A)).isEqualTo(1);

            assertThat(calls.methods()).containsExactly("qdrant.Points/Count", "qdrant.Points/Delete");
        });
    }

    @Test
    void aCustomKeyGetsATenantIndexInTheForksOwnCollectionBeforeItsFirstWrite() {
        ProjectScope custom = new ProjectScope(ProjectNames.newName("c"), "tenant_project");
        this.runner.withPropertyValues(QdrantScopeContextCustomizer.BOUND_COLLECTION + "=" + this.collection)
            .run(context -> {
                QdrantVectorStore store = context.getBean(QdrantVectorStore.class);
                inScope(custom, () -> store.add(List.of(doc("one"), doc("two"))));
                inScope(custom, () -> store.add(List.of(doc("three"))));

                Map<String, PayloadSchemaInfo> schema = client(context).getCollectionInfoAsync(this.collection)
                    .get().getPayloadSchemaMap();
                assertThat(schema).containsKey("tenant_project");
                assertThat(schema.get("tenant_project").getDataType()).isEqualTo(PayloadSchemaType.Keyword);
                assertThat(schema.get("tenant_project").getParams().getKeywordIndexParams().getIsTenant()).isTrue();
                assertThat(context.getBean(RecordedCalls.class).methods())
                    .filteredOn("qdrant.Points/CreateFieldIndex"::equals).hasSize(1);
            });
    }

    @Test
    void anApplicationsOwnCollectionGetsNoIndex() {
        ProjectScope custom = new ProjectScope(ProjectNames.newName("c"), "tenant_project");
        this.runner.run(context -> {
            QdrantVectorStore store = context.getBean(QdrantVectorStore.class);
            inScope(custom, () -> store.add(List.of(doc("one"))));

            assertThat(client(context).getCollectionInfoAsync(this.collection).get().getPayloadSchemaMap())
                .doesNotContainKey("tenant_project");
            assertThat(context.getBean(RecordedCalls.class).methods())
                .doesNotContain("qdrant.Points/CreateFieldIndex");
        });
    }

    @Test
    void aCustomKeyIsRemovedFromWhatUnscopedReadsReturnAndCleanedUpOnItsOwnKey() {
        ProjectScope custom = new ProjectScope(ProjectNames.newName("c"), "tenant_project");
        this.runner.withPropertyValues("qdrant-scope.unscoped=allow").run(context -> {
            QdrantVectorStore store = context.getBean(QdrantVectorStore.class);
            inScope(custom, () -> store.add(List.of(doc("one", "colour", "red"))));

            List<Document> unscoped = store.similaritySearch(SearchRequest.builder().query("text").topK(5).build());
            assertThat(unscoped).singleElement().satisfies(document -> {
                assertThat(document.getId()).isEqualTo("one");
                assertThat(document.getMetadata()).containsOnlyKeys("colour", "distance");
            });

            assertThat(remove(context, custom)).isEqualTo(1);
            assertThat(client(context).countAsync(this.collection, Common.Filter.getDefaultInstance(), true).get())
                .isZero();
        });
    }

    @Test
    void theProjectKeyFieldIsReserved() {
        this.runner.run(context -> {
            QdrantVectorStore store = context.getBean(QdrantVectorStore.class);
            Document carrying = new Document("one", "text", Map.of(ProjectNames.PROJECT_KEY_KEY, "other_key"));
            inScope(A, () -> assertThatIllegalArgumentException().isThrownBy(() -> store.add(List.of(carrying)))
                .withMessageContaining("Document 'one'")
                .withMessageContaining("payload field '" + ProjectNames.PROJECT_KEY_KEY + "', which qdrant-scope reserves"));
            assertThatIllegalArgumentException()
                .isThrownBy(() -> new ProjectScope("c-0000000c", ProjectNames.PROJECT_KEY_KEY))
                .withMessageContaining(ProjectNames.PROJECT_KEY_KEY);
        });
    }

    /** What the listener does after a test. */
    private static long remove(AssertableApplicationContext context, ProjectScope scope) {
        return ProjectCleanup.remove(scope, ScopedProjects.jvm(), client(context), Duration.ofSeconds(30));
    }

    private static void inScope(ProjectScope scope, Runnable work) {
        try (ProjectScope.Binding ignored = ProjectScope.open(scope)) {
            work.run();
        }
    }

    private static Document doc(String id) {
        return new Document(id, "text " + id, Map.of());
    }

    private static Document doc(String id, String field, String value) {
        return new Document(id, "text " + id, Map.of(field, value));
    }

    private static QdrantClient client(AssertableApplicationContext context) {
        return context.getBean(QdrantClient.class);
    }

    private long points(AssertableApplicationContext context, ProjectScope scope) throws Exception {
        return client(context).countAsync(this.collection, Common.Filter.newBuilder()
            .addMust(ConditionFactory.matchKeyword(scope.key(), scope.name()))
            .build(), true).get();
    }

    /** Names of the gRPC methods the starter's client called, in order. */
    static final class RecordedCalls implements ClientInterceptor {

        private final List<String> methods = new CopyOnWriteArrayList<>();

        @Override
        public <Q, R> ClientCall<Q, R> interceptCall(MethodDescriptor<Q, R> method, CallOptions options,
                Channel next) {
            this.methods.add(method.getFullMethodName());
            return next.newCall(method, options);
        }

        List<String> methods() {
            return List.copyOf(this.methods);
        }

        void clear() {
            this.methods.clear();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class RecordedCallsConfiguration {

        @Bean
        RecordedCalls recordedCalls() {
            return new RecordedCalls();
        }
    }
}
