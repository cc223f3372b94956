package io.github.qdrantscope.autoconfigure.scope;

import io.github.qdrantscope.core.wire.ScopedProjects;

import io.github.qdrantscope.core.ProjectScope;
import io.github.qdrantscope.core.ScopedProject;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;

import io.qdrant.client.ConditionFactory;
import io.qdrant.client.QdrantClient;
import io.qdrant.client.grpc.Common;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

import org.springframework.ai.document.Document;
import org.springframework.ai.vectorstore.VectorStore;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestContextManager;

import io.github.qdrantscope.core.ScopedProject.Cleanup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Drives Spring's {@link TestContextManager} through a fixture class's lifecycle (exactly what the
 * SpringExtension does) and checks the listener's effect on Qdrant between the steps, with an independent
 * client: which points exist after each test method and after the class, per cleanup policy.
 */
@Execution(ExecutionMode.SAME_THREAD)
class ScopedProjectListenerTest {

    @Test
    void afterEachTestRemovesTheProjectsPointsRightAfterTheMethod() throws Exception {
        Lifecycle run = new Lifecycle(AfterEachFixture.class);
        String project = run.method("writesThree", 3);
        assertThat(run.pointsOf(project)).isZero();
        run.finishClass();
        RecordingScopeMetrics metrics = run.context.getBean(RecordingScopeMetrics.class);
        assertThat(metrics.cleanups).extracting(RecordingScopeMetrics.Cleanup::pointsRemoved).contains(3L);
        assertThat(run.recordedProjects()).isZero();
    }

    @Test
    void afterClassKeepsPointsUntilTheClassEndsAndGivesEachMethodItsOwnProject() throws Exception {
        Lifecycle run = new Lifecycle(AfterClassFixture.class);
        String first = run.method("writesThree", 3);
        String second = run.method("writesThree", 3);
        assertThat(first).isNotEqualTo(second);
        assertThat(run.pointsOf(first)).isEqualTo(3);
        assertThat(run.pointsOf(second)).isEqualTo(3);
        assertThat(run.recordedProjects()).isEqualTo(2);
        run.finishClass();
        assertThat(run.pointsOf(first)).isZero();
        assertThat(run.pointsOf(second)).isZero();
        assertThat(run.recordedProjects()).isZero();
    }

    @Test
    void neverLeavesThePointsInPlace() throws Exception {
        Lifecycle run = new Lifecycle(NeverFixture.class);
        String project = run.method("writesThree", 3);
        run.finishClass();
        assertThat(run.pointsOf(project)).isEqualTo(3);
        // kept points, forgotten writes: the record of a NEVER project does not outlive its test
        assertThat(run.recordedProjects()).isZero();
    }

    @Test
    void invalidAnnotationFailsTheTestNamingAnnotationAttributeAndMethod() throws Exception {
        TestContextManager manager = new TestContextManager(BadKeyFixture.class);
        BadKeyFixture instance = new BadKeyFixture();
        manager.beforeTestClass();
        manager.prepareTestInstance(instance);
        Method method = BadKeyFixture.class.getMethod("writesThree");
        assertThatIllegalArgumentException().isThrownBy(() -> manager.beforeTestMethod(instance, method))
            .withMessageContaining("@ScopedProject(key = \"bad key\")")
            .withMessageContaining(BadKeyFixture.class.getName() + "#writesThree");
        assertThat(ProjectScope.current()).isEmpty();
    }

    @Test
    void unannotatedClassGetsNoScope() throws Exception {
        TestContextManager manager = new TestContextManager(UnscopedFixture.class);
        UnscopedFixture instance = new UnscopedFixture();
        manager.beforeTestClass();
        manager.prepareTestInstance(instance);
        Method method = UnscopedFixture.class.getMethod("writesThree");
        manager.beforeTestMethod(instance, method);
        assertThat(ProjectScope.current()).isEmpty();
        manager.afterTestMethod(instance, method, null);
        manager.afterTestClass();
    }

    /** One fixture class run through the TestContext lifecycle on this thread. */
    private static final class Lifecycle {

        private final TestContextManager manager;

        private final Object instance;

        private final ApplicationContext context;

        private final List<String> projects = new java.util.ArrayList<>();

        Lifecycle(Class<?> fixture) throws Exception {
            this.manager = new TestContextManager(fixture);
            this.instance = fixture.getDeclaredConstructor().newInstance();
            this.manager.beforeTestClass();
            this.manager.prepareTestInstance(this.instance);
            this.context = this.manager.getTestContext().getApplicationContext();
        }

        /** Runs one test method that writes {@code count} points; returns its project. */
        String method(String name, int count) throws Exception {
            Method method = this.instance.getClass().getMethod(name);
            this.manager.beforeTestMethod(this.instance, method);
            String project = ProjectScope.current().orElseThrow().name();
            this.projects.add(project);
            VectorStore store = this.context.getBean(VectorStore.class);
            for (int i = 0; i < count; i++) {
                store.add(List.of(new Document("fixed-" + i, "text " + i, Map.of())));
            }
            assertThat(pointsOf(project)).isEqualTo(count);
            this.manager.afterTestMethod(this.instance, method, null);
            assertThat(ProjectScope.current()).isEmpty();
            return project;
        }

        /**
         * This run's projects whose writes are still remembered, by the wire or by the store (all cleaned up or
         * forgotten between tests).
         */
        int recordedProjects() {
            return (int) this.projects.stream().filter(ScopedProjects.jvm()::isRecorded).count()
                    + ScopedVectorStorePostProcessor.scopingAdvice(this.context.getBean(VectorStore.class))
                        .recordedProjects();
        }

        void finishClass() throws Exception {
            this.manager.afterTestClass();
        }

        long pointsOf(String project) throws Exception {
            QdrantClient client = this.context.getBean(QdrantClient.class);
            String collection = this.context.getEnvironment()
                .getProperty("spring.ai.vectorstore.qdrant.collection-name");
            return client.countAsync(collection, Common.Filter.newBuilder()
                .addMust(ConditionFactory.matchKeyword(ScopedProject.DEFAULT_KEY, project))
                .build(), true).get();
        }
    }

    @SpringBootTest(classes = ScopeTestApplication.class,
            properties = "spring.ai.vectorstore.qdrant.collection-name=scope_listener")
    abstract static class Fixture extends ScopeTestApplication.OnEmbeddedQdrant {

        public void writesThree() {
        }
    }

    @ScopedProject
    static class AfterEachFixture extends Fixture {
    }

    @ScopedProject(cleanup = Cleanup.AFTER_CLASS)
    static class AfterClassFixture extends Fixture {
    }

    @ScopedProject(cleanup = Cleanup.NEVER)
    static class NeverFixture extends Fixture {
    }

    @ScopedProject(key = "bad key")
    static class BadKeyFixture extends Fixture {
    }

    static class UnscopedFixture extends Fixture {
    }
}
