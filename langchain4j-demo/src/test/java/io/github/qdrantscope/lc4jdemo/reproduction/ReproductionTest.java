package io.github.qdrantscope.lc4jdemo.reproduction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectIteration;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.github.qdrantscope.core.metrics.ContentionKind;
import io.github.qdrantscope.core.metrics.JvmScopeMeters;
import io.github.qdrantscope.lc4jdemo.SourceDocument;
import io.github.qdrantscope.lc4jdemo.reproduction.scenarios.LegacyScenarios;
import io.github.qdrantscope.lc4jdemo.reproduction.scenarios.LibraryScenarios;
import io.github.qdrantscope.lc4jdemo.reproduction.scenarios.Rendezvous;
import io.github.qdrantscope.lc4jdemo.reproduction.scenarios.ScopedScenarios;
import io.github.qdrantscope.lc4jdemo.support.Corpus;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * PROOF that the suite's kind of test fails without qdrant-scope's projects: the same scenarios run twice,
 * in-process, all six at once, each on a thread of its own — first the legacy way (the extension maps the collection but opens no project: one
 * shared {@code segments} collection, emptied by each test before it writes), then with {@code @ScopedProject}.
 * The legacy run must fail, every scenario, and be counted as contention by the meters (and so in this JVM's
 * report, {@code target/qdrant-scope/fork-reproduction.json}); the scoped run must pass with no contention.
 * Runs in a JVM of its own (the {@code reproduction} Surefire execution), so the contention it provokes never
 * mixes with the main suite's numbers.
 */
class ReproductionTest {

    @Test
    void theSharedCollectionInterferesAndIsCountedWhileProjectsPreventBoth() {
        Run legacy = launch(LegacyScenarios.class);
        Run scoped = launch(ScopedScenarios.class);
        System.out.println("qdrant-scope reproduction (langchain4j-demo): legacy " + legacy + "; scoped " + scoped);

        assertThat(legacy.started()).isEqualTo(LibraryScenarios.SCENARIOS);
        // All scenarios empty the collection, then all ingest, then all read: each finds everyone's segments, the
        // whole corpus.
        assertThat(legacy.failures()).hasSize(LibraryScenarios.SCENARIOS).allSatisfy(failure -> assertThat(failure)
            .isInstanceOf(AssertionError.class)
            .hasMessageContaining("[segments in the library]")
            .hasMessageContaining("but was: " + Corpus.SEGMENTS));
        // Per scenario: removeAll() is one delete, ingest one upsert, count and search one read each.
        assertThat(legacy.contention()).containsExactlyInAnyOrderEntriesOf(Map.of(
                ContentionKind.COLLECTION_CLAIM, 0L,
                ContentionKind.FOREIGN_POINT, 0L,
                ContentionKind.UNSCOPED_READ, 2L * LibraryScenarios.SCENARIOS,
                ContentionKind.UNSCOPED_WRITE, (long) LibraryScenarios.SCENARIOS,
                ContentionKind.UNSCOPED_DELETE, (long) LibraryScenarios.SCENARIOS));

        assertThat(scoped.started()).isEqualTo(LibraryScenarios.SCENARIOS);
        assertThat(scoped.failures()).isEmpty();
        assertThat(scoped.succeeded()).isEqualTo(LibraryScenarios.SCENARIOS);
        assertThat(scoped.contention().values()).containsOnly(0L);
    }

    /**
     * Runs every scenario of {@code scenarios} at once, each through its own launcher on a thread of its own: a real
     * JUnit execution with the extension, in a thread that can wait at the {@link Rendezvous} without starving
     * another scenario (JUnit's fork-join pool may park a worker that joins a task its partner runs).
     */
    private static Run launch(Class<?> scenarios) {
        Rendezvous.reset();
        Map<ContentionKind, Long> before = contention();
        ExecutorService threads = Executors.newFixedThreadPool(LibraryScenarios.SCENARIOS);
        List<TestExecutionSummary> summaries = new ArrayList<>();
        try {
            List<Future<TestExecutionSummary>> runs = new ArrayList<>();
            for (int iteration = 0; iteration < LibraryScenarios.SCENARIOS; iteration++) {
                int index = iteration;
                runs.add(threads.submit(() -> launchOne(scenarios, index)));
            }
            for (Future<TestExecutionSummary> run : runs) {
                summaries.add(run.get(5, TimeUnit.MINUTES));
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
        catch (ExecutionException | TimeoutException ex) {
            throw new IllegalStateException("A scenario's launch did not complete", ex);
        }
        finally {
            threads.shutdownNow();
        }
        Map<ContentionKind, Long> after = contention();
        Map<ContentionKind, Long> delta = new EnumMap<>(ContentionKind.class);
        after.forEach((kind, count) -> delta.put(kind, count - before.get(kind)));
        return new Run(summaries, delta);
    }

    /** Launches invocation {@code index} (0-based) of the scenario method, in the calling thread. */
    private static TestExecutionSummary launchOne(Class<?> scenarios, int index) {
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
            .selectors(selectIteration(selectMethod(scenarios, "holdsAndFindsExactlyItsDocument",
                    SourceDocument.class.getName()), index))
            // the module's junit-platform.properties turns parallel execution on: not inside a scenario's launch
            .configurationParameter("junit.jupiter.execution.parallel.enabled", "false")
            .build();
        Launcher launcher = LauncherFactory.create();
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        launcher.execute(request, listener);
        return listener.getSummary();
    }

    private static Map<ContentionKind, Long> contention() {
        Map<ContentionKind, Long> counts = new EnumMap<>(ContentionKind.class);
        for (ContentionKind kind : ContentionKind.values()) {
            counts.put(kind, JvmScopeMeters.jvm().contentionCount(kind));
        }
        return counts;
    }

    /** The scenarios' launches together, and the contention counted meanwhile. */
    private record Run(List<TestExecutionSummary> summaries, Map<ContentionKind, Long> contention) {

        long started() {
            return this.summaries.stream().mapToLong(TestExecutionSummary::getTestsStartedCount).sum();
        }

        long succeeded() {
            return this.summaries.stream().mapToLong(TestExecutionSummary::getTestsSucceededCount).sum();
        }

        List<Throwable> failures() {
            return this.summaries.stream().flatMap(summary -> summary.getFailures().stream())
                .map(TestExecutionSummary.Failure::getException).toList();
        }

        @Override
        public String toString() {
            List<String> kinds = this.contention.entrySet().stream().filter(e -> e.getValue() > 0)
                .map(e -> e.getKey().tag() + "=" + e.getValue()).toList();
            return started() + " run, " + failures().size() + " failed, contention "
                    + (kinds.isEmpty() ? "none" : String.join(" ", kinds));
        }
    }
}
