package io.github.qdrantscope.autoconfigure.scope;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.qdrantscope.core.ProjectScope;
import io.github.qdrantscope.core.ScopedProject;
import io.github.qdrantscope.core.UnscopedAccessException;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.github.qdrantscope.core.metrics.ContentionKind;
import io.qdrant.client.ConditionFactory;
import io.qdrant.client.PointIdFactory;
import io.qdrant.client.QdrantClient;
import io.qdrant.client.grpc.Common;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

import org.springframework.ai.document.Document;
import org.springframework.ai.vectorstore.SearchRequest;
import org.springframework.ai.vectorstore.filter.FilterExpressionBuilder;
import org.springframework.ai.vectorstore.qdrant.QdrantVectorStore;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Every property and condition of {@link ProjectScopeAutoConfiguration}, on Spring AI's real
 * QdrantVectorStore against the embedded server. Each run uses its own collection so runs in parallel
 * cannot disturb the exact counts asserted here.
 */
@ExtendWith(OutputCaptureExtension.class)
@Execution(ExecutionMode.CONCURRENT)
// Boot's output capture is one JVM-wide stack pushed and popped around each test: concurrent tests of this
// class would pop each other's captures, so they take System.out in turn
@ResourceLock(Resources.SYSTEM_OUT)
class ScopingAutoConfigurationTest {

    private final String collection = TestQdrant.uniqueCollection("scope_runner");

    private final ApplicationContextRunner runner = TestQdrant.scopedStoreRunner(this.collection);

    private static final ProjectScope A = new ProjectScope("a-0000000a", ScopedProject.DEFAULT_KEY);

    private static final ProjectScope B = new ProjectScope("b-0000000b", ScopedProject.DEFAULT_KEY);

    private static Document doc(String id, String text) {
        return new Document(id, text, Map.of("owner", text));
    }

    private static String uuid(int n) {
        return new UUID(0, n).toString();
    }

    @Test
    void unscopedAllowCountsEveryKindAndLetsCallsThrough(CapturedOutput output) {
        this.runner.withPropertyValues("qdrant-scope.unscoped=allow").run(context -> {
            QdrantVectorStore store = context.getBean(QdrantVectorStore.class);
            RecordingScopeMetrics metrics = context.getBean(RecordingScopeMetrics.class);
            store.add(List.of(doc(uuid(1), "plain one")));
            assertThat(store.similaritySearch("plain")).extracting(Document::getId).containsExactly(uuid(1));
            store.delete(List.of(uuid(1)));
            assertThat(metrics.countsByKind()).containsExactlyInAnyOrderEntriesOf(Map.of(
                    ContentionKind.UNSCOPED_WRITE, 1L, ContentionKind.UNSCOPED_READ, 1L,
                    ContentionKind.UNSCOPED_DELETE, 1L));
            assertThat(metrics.operations).containsExactly(new RecordingScopeMetrics.Operation("add", false),
                    new RecordingScopeMetrics.Operation("search", false),
                    new RecordingScopeMetrics.Operation("delete", false));
            assertThat(output).doesNotContain("collection '" + this.collection + "' outside");
        });
    }

    @Test
    void unscopedWarnIsTheDefaultAndLogsOncePerKind(CapturedOutput output) {
        this.runner.run(context -> {
            QdrantVectorStore store = context.getBean(QdrantVectorStore.class);
            RecordingScopeMetrics metrics = context.getBean(RecordingScopeMetrics.class);
            store.similaritySearch("first");
            store.similaritySearch("second");
            assertThat(metrics.of(ContentionKind.UNSCOPED_READ, null)).hasSize(2)
                .allSatisfy(c -> assertThat(c.collection()).isEqualTo(this.collection));
            String warning = "VectorStore.search on collection '" + this.collection
                    + "' outside any @ScopedProject scope";
            assertThat(output.toString().split(java.util.regex.Pattern.quote(warning), -1)).hasSize(2);
        });
    }

    @Test
    void unscopedFailRejectsTheCallBeforeItReachesQdrant() {
        this.runner.withPropertyValues("qdrant-scope.unscoped=fail").run(context -> {
            QdrantVectorStore store = context.getBean(QdrantVectorStore.class);
            assertThatExceptionOfType(UnscopedAccessException.class)
                .isThrownBy(() -> store.add(List.of(doc(uuid(2), "rejected"))))
                .withMessageContaining("VectorStore.add")
                .withMessageContaining("'" + this.collection + "'")
                .withMessageContaining("qdrant-scope.unscoped=fail")
                .withMessageContaining("@ScopedProject");
            // the context's own client is scoped, and rejects unscoped calls too: look with an independent one
            try (QdrantClient independent = TestQdrant.client(context.getEnvironment())) {
                assertThat(independent.countAsync(this.collection).get()).isZero();
                assertThat(context.getBean(RecordingScopeMetrics.class).of(ContentionKind.UNSCOPED_WRITE, null))
                    .hasSize(1);
                try (ProjectScope.Binding ignored = ProjectScope.open(A)) {
                    store.add(List.of(doc("in-scope", "accepted")));
                }
                assertThat(independent.countAsync(this.collection).get()).isEqualTo(1);
            }
            QdrantClient raw = context.getBean(QdrantClient.class);
            assertThatThrownBy(() -> raw.countAsync(this.collection).get())
                .hasMessageContaining("FAILED_PRECONDITION")
                .hasMessageContaining("raw QdrantClient Count on collection '" + this.collection + "'")
                .hasMessageContaining("qdrant-scope.unscoped=fail");
        });
    }

    @Test
    void invalidUnscopedPolicyFailsStartupNamingTheProperty() {
        this.runner.withPropertyValues("qdrant-scope.unscoped=sometimes").run(context -> {
            assertThat(context).hasFailed();
            // bound from QdrantScopeProperties: Boot's bind failure names the property and the value
            assertThat(context.getStartupFailure())
                .hasStackTraceContaining("Failed to bind properties under 'qdrant-scope.unscoped'")
                .hasStackTraceContaining("sometimes");
        });
    }

    @Test
    void invalidAuditValueFailsStartupNamingTheProperty() {
        this.runner.withPropertyValues("qdrant-scope.audit=yes please").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure())
                .hasStackTraceContaining("Failed to bind properties under 'qdrant-scope.audit'")
                .hasStackTraceContaining("yes please");
        });
    }

    @Test
    void auditCountsForeignPointsASearchOrDeleteWouldHaveTouched() {
        this.runner.withPropertyValues("qdrant-scope.audit=true").run(context -> {
            QdrantVectorStore store = context.getBean(QdrantVectorStore.class);
            RecordingScopeMetrics metrics = context.getBean(RecordingScopeMetrics.class);
            try (ProjectScope.Binding ignored = ProjectScope.open(A)) {
                store.add(List.of(doc("d1", "shared words here")));
            }
            try (ProjectScope.Binding ignored = ProjectScope.open(B)) {
                store.add(List.of(doc("d1", "shared words here")));
                assertThat(store.similaritySearch("shared words")).singleElement();
                store.delete(new FilterExpressionBuilder().eq("owner", "shared words here").build());
            }
            assertThat(metrics.of(ContentionKind.FOREIGN_POINT, B.name())).hasSize(2);
            assertThat(metrics.of(ContentionKind.FOREIGN_POINT, A.name())).isEmpty();
            try (ProjectScope.Binding ignored = ProjectScope.open(A)) {
                assertThat(store.similaritySearch("shared words")).extracting(Document::getId).containsExactly("d1");
            }
            // B's delete removed only B's point: A still finds its own and nothing foreign.
            assertThat(metrics.of(ContentionKind.FOREIGN_POINT, A.name())).isEmpty();
        });
    }

    @Test
    void withoutAuditNoForeignPointIsReported() {
        this.runner.run(context -> {
            QdrantVectorStore store = context.getBean(QdrantVectorStore.class);
            try (ProjectScope.Binding ignored = ProjectScope.open(A)) {
                store.add(List.of(doc("d1", "shared")));
            }
            try (ProjectScope.Binding ignored = ProjectScope.open(B)) {
                store.add(List.of(doc("d1", "shared")));
                store.similaritySearch("shared");
            }
            assertThat(context.getBean(RecordingScopeMetrics.class).of(ContentionKind.FOREIGN_POINT, null)).isEmpty();
        });
    }

    @Test
    void rawClientCallsInsideAScopeAreScopedAndOnlyUnscopedOnesAreCounted() {
        this.runner.withPropertyValues("qdrant-scope.unscoped=allow").run(context -> {
            QdrantVectorStore store = context.getBean(QdrantVectorStore.class);
            RecordingScopeMetrics metrics = context.getBean(RecordingScopeMetrics.class);
            QdrantClient raw = store.<QdrantClient>getNativeClient().orElseThrow();
            try (ProjectScope.Binding ignored = ProjectScope.open(B)) {
                store.add(List.of(doc("d1", "other project")));
            }
            try (ProjectScope.Binding ignored = ProjectScope.open(A)) {
                store.add(List.of(doc("d1", "scoped")));
                store.similaritySearch("scoped");
                store.delete(List.of("nothing"));
                // the store's native client is scoped like the store: it sees A's point only
                assertThat(raw.countAsync(this.collection).get()).isEqualTo(1);
                raw.deleteAsync(this.collection, List.of(PointIdFactory.id(UUID.randomUUID()))).get();
                assertThat(metrics.contentions).isEmpty();
            }
            assertThat(raw.countAsync(this.collection).get()).isEqualTo(2);
            assertThat(metrics.contentions).extracting(RecordingScopeMetrics.Contention::kind,
                    RecordingScopeMetrics.Contention::project)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(ContentionKind.UNSCOPED_READ, null));
        });
    }

    @Test
    void documentCarryingAnotherProjectIsRejectedAndNothingIsWritten() {
        this.runner.run(context -> {
            QdrantVectorStore store = context.getBean(QdrantVectorStore.class);
            Document foreign = new Document("d1", "text", Map.of(ScopedProject.DEFAULT_KEY, B.name()));
            try (ProjectScope.Binding ignored = ProjectScope.open(A)) {
                org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                    .isThrownBy(() -> store.add(List.of(doc("ok", "fine"), foreign)))
                    .withMessageContaining("'d1'")
                    .withMessageContaining(B.name())
                    .withMessageContaining(A.name());
            }
            assertThat(context.getBean(QdrantClient.class).countAsync(this.collection).get()).isZero();
        });
    }

    @Test
    void userDefinedCurrentProjectBeanWins() {
        this.runner.withBean("myCurrentProject", CurrentProject.class, CurrentProject::new).run(context -> {
            assertThat(context).hasSingleBean(CurrentProject.class);
            assertThat(context).hasBean("myCurrentProject");
        });
    }

    @Test
    void searchRequestFieldsOtherThanTheFilterAreKept() {
        this.runner.run(context -> {
            QdrantVectorStore store = context.getBean(QdrantVectorStore.class);
            try (ProjectScope.Binding ignored = ProjectScope.open(A)) {
                store.add(List.of(doc("1", "alpha"), doc("2", "alpha beta"), doc("3", "alpha beta gamma")));
                assertThat(store.similaritySearch(SearchRequest.builder().query("alpha").topK(2).build())).hasSize(2);
                assertThat(store.similaritySearch(SearchRequest.builder().query("alpha").topK(10)
                    .filterExpression("owner == 'alpha beta'").build())).extracting(Document::getId)
                    .containsExactly("2");
            }
        });
    }
}
