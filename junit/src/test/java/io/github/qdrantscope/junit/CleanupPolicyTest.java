package io.github.qdrantscope.junit;

import static io.github.qdrantscope.junit.Documents.get;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.qdrantscope.core.ProjectScope;
import io.github.qdrantscope.core.ScopedProject;
import io.github.qdrantscope.core.metrics.JvmScopeMeters;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.qdrant.client.QdrantClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * The three cleanup policies, seen from outside the scenario class that uses each: what stays on the server, and
 * the exact cleanup meters (the meters are per JVM: {@code @Isolated} keeps every other test of this fork away).
 */
@Isolated
@ExtendWith(QdrantScopeExtension.class)
class CleanupPolicyTest {

    /** The projects the running scenario opened, in order. */
    static final List<ProjectScope> PROJECTS = new CopyOnWriteArrayList<>();

    /** What a scenario saw on the server during its own run. */
    static final List<Long> SEEN = new CopyOnWriteArrayList<>();

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    private final ServerView server;

    CleanupPolicyTest(QdrantScopeEndpoint endpoint) {
        this.server = new ServerView(endpoint);
        JvmScopeMeters.jvm().bindTo(this.registry);
    }

    @BeforeEach
    void reset() {
        PROJECTS.clear();
        SEEN.clear();
    }

    @AfterEach
    void close() {
        this.server.close();
    }

    @Test
    void afterEachTestRemovesEveryProjectsPointsRightAfterItsTest() throws Exception {
        double cleanups = cleanups();
        double points = cleanedPoints();

        assertSucceeded(Scenarios.run(AfterEachTestScenario.class, Map.of()), 2);

        // the second test saw the first one's points gone already
        assertThat(SEEN).containsExactly(0L);
        assertThat(PROJECTS).hasSize(2);
        for (ProjectScope scope : PROJECTS) {
            assertThat(this.server.count(Documents.COLLECTION, scope)).isZero();
        }
        assertThat(cleanups() - cleanups).isEqualTo(2);
        assertThat(cleanedPoints() - points).isEqualTo(8);
    }

    @Test
    void afterClassKeepsEachTestsOwnProjectUntilTheClassIsDone() throws Exception {
        double cleanups = cleanups();
        double points = cleanedPoints();

        assertSucceeded(Scenarios.run(AfterClassScenario.class, Map.of()), 2);

        // during the class the first test's points were still there, in their own project
        assertThat(SEEN).containsExactly(4L);
        assertThat(PROJECTS).hasSize(2).doesNotHaveDuplicates();
        for (ProjectScope scope : PROJECTS) {
            assertThat(this.server.count(Documents.COLLECTION, scope)).isZero();
        }
        assertThat(cleanups() - cleanups).isEqualTo(2);
        assertThat(cleanedPoints() - points).isEqualTo(8);
    }

    @Test
    void afterClassAlsoCleansTheInvocationsOfARepeatedTest() throws Exception {
        double cleanups = cleanups();
        double points = cleanedPoints();

        assertSucceeded(Scenarios.run(AfterClassRepeatedScenario.class, Map.of()), 3);

        // the invocations' parent is the template, not the class: they are still cleaned when the class ends
        assertThat(PROJECTS).hasSize(3).doesNotHaveDuplicates();
        for (ProjectScope scope : PROJECTS) {
            assertThat(this.server.count(Documents.COLLECTION, scope)).isZero();
        }
        assertThat(cleanups() - cleanups).isEqualTo(3);
        assertThat(cleanedPoints() - points).isEqualTo(12);
    }

    @Test
    void neverLeavesThePointsForInspection() throws Exception {
        double cleanups = cleanups();

        assertSucceeded(Scenarios.run(NeverScenario.class, Map.of()), 1);

        assertThat(this.server.count(Documents.COLLECTION, PROJECTS.get(0))).isEqualTo(4);
        assertThat(cleanups() - cleanups).isZero();
        this.server.delete(Documents.COLLECTION, PROJECTS.get(0));
    }

    private static void assertSucceeded(TestExecutionSummary summary, int tests) {
        assertThat(Scenarios.failures(summary)).isEmpty();
        assertThat(summary.getTestsSucceededCount()).isEqualTo(tests);
    }

    private double cleanups() {
        return this.registry.get("qdrant.scope.cleanup").functionTimer().count();
    }

    private double cleanedPoints() {
        return this.registry.get("qdrant.scope.cleanup.points").functionCounter().count();
    }

    /** Writes the four fixed points into the test's project and records it. */
    static void write(QdrantClient client, ProjectScope scope) throws Exception {
        Documents.ensureCollection(client);
        get(client.upsertAsync(Documents.COLLECTION, Documents.points(scope.name())));
        PROJECTS.add(scope);
    }

    @Scenarios.Scenario
    @QdrantScopeTest
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class AfterEachTestScenario {

        @Test
        @Order(1)
        void first(QdrantClient client, ProjectScope scope) throws Exception {
            write(client, scope);
        }

        @Test
        @Order(2)
        void second(QdrantClient client, ProjectScope scope, QdrantScopeEndpoint endpoint) throws Exception {
            try (ServerView server = new ServerView(endpoint)) {
                SEEN.add(server.count(Documents.COLLECTION, PROJECTS.get(0)));
            }
            write(client, scope);
        }
    }

    @Scenarios.Scenario
    @QdrantScopeTest
    @ScopedProject(cleanup = ScopedProject.Cleanup.AFTER_CLASS)
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class AfterClassScenario {

        @Test
        @Order(1)
        void first(QdrantClient client, ProjectScope scope) throws Exception {
            write(client, scope);
        }

        @Test
        @Order(2)
        void second(QdrantClient client, ProjectScope scope, QdrantScopeEndpoint endpoint) throws Exception {
            try (ServerView server = new ServerView(endpoint)) {
                SEEN.add(server.count(Documents.COLLECTION, PROJECTS.get(0)));
            }
            write(client, scope);
            assertThat(get(client.countAsync(Documents.COLLECTION))).isEqualTo(4);
        }
    }

    @Scenarios.Scenario
    @QdrantScopeTest
    @ScopedProject(cleanup = ScopedProject.Cleanup.AFTER_CLASS)
    static class AfterClassRepeatedScenario {

        @RepeatedTest(3)
        void each(QdrantClient client, ProjectScope scope) throws Exception {
            write(client, scope);
        }
    }

    @Scenarios.Scenario
    @QdrantScopeTest
    @ScopedProject(cleanup = ScopedProject.Cleanup.NEVER)
    static class NeverScenario {

        @Test
        void writes(QdrantClient client, ProjectScope scope) throws Exception {
            write(client, scope);
        }
    }
}
