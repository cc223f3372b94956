package io.github.qdrantscope.demo.reproduction;

import io.github.qdrantscope.core.ScopedProject;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import io.github.qdrantscope.core.metrics.ContentionKind;
import io.github.qdrantscope.core.metrics.JvmScopeMeters;
import io.github.qdrantscope.demo.reproduction.scenarios.CollectionPool;
import io.github.qdrantscope.demo.reproduction.scenarios.LegacyPoolScenarios;
import io.github.qdrantscope.demo.reproduction.scenarios.PoolScenarios;
import io.github.qdrantscope.demo.reproduction.scenarios.Rendezvous;
import io.github.qdrantscope.demo.reproduction.scenarios.ScopedPoolScenarios;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * Runs the same scenarios twice, in-process, two at a time: first the legacy way (no scoping, a round-robin
 * pool of collections that every worker walks from the same start, clearing the collection it was handed),
 * then with {@code @ScopedProject}. The legacy run must fail and be counted as contention; the scoped run
 * must pass with no contention. Runs in a JVM of its own (the {@code reproduction} Surefire execution), so
 * the contention it provokes never mixes with the main suite's numbers.
 */
class ReproductionTest {

    @Test
    void theLegacyPoolInterferesAndIsDetectedWhileScopingPreventsBoth() {
        Run legacy = launch(LegacyPoolScenarios.class);
        Run scoped = launch(ScopedPoolScenarios.class);
        System.out.println("qdrant-scope reproduction: legacy " + legacy + "; scoped " + scoped);

        assertThat(legacy.summary().getTestsStartedCount()).isEqualTo(PoolScenarios.SCENARIOS);
        // Both scenarios of each pair clear the shared collection, then both write, then both read: each
        // reads its partner's memories too.
        assertThat(legacy.summary().getTestsFailedCount()).isEqualTo(PoolScenarios.SCENARIOS);
        assertThat(legacy.summary().getFailures()).allSatisfy(failure -> assertThat(failure.getException())
            .isInstanceOf(AssertionError.class)
            .hasMessageContaining("but the following elements were unexpected"));
        assertThat(legacy.contention()).containsExactlyInAnyOrderEntriesOf(Map.of(
                ContentionKind.COLLECTION_CLAIM, 0L,
                ContentionKind.FOREIGN_POINT, 0L,
                ContentionKind.UNSCOPED_READ, (long) PoolScenarios.SCENARIOS,
                ContentionKind.UNSCOPED_WRITE, (long) PoolScenarios.SCENARIOS,
                ContentionKind.UNSCOPED_DELETE, (long) PoolScenarios.SCENARIOS));

        assertThat(scoped.summary().getTestsStartedCount()).isEqualTo(PoolScenarios.SCENARIOS);
        assertThat(scoped.summary().getFailures()).isEmpty();
        assertThat(scoped.summary().getTestsSucceededCount()).isEqualTo(PoolScenarios.SCENARIOS);
        assertThat(scoped.contention().values()).containsOnly(0L);
    }

    private static Run launch(Class<?> scenarios) {
        CollectionPool.rewind();
        Rendezvous.reset();
        Map<ContentionKind, Long> before = contention();
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
            .selectors(selectClass(scenarios))
            .configurationParameter("junit.jupiter.execution.parallel.enabled", "true")
            .configurationParameter("junit.jupiter.execution.parallel.mode.default", "concurrent")
            .configurationParameter("junit.jupiter.execution.parallel.mode.classes.default", "concurrent")
            .configurationParameter("junit.jupiter.execution.parallel.config.strategy", "fixed")
            .configurationParameter("junit.jupiter.execution.parallel.config.fixed.parallelism",
                    String.valueOf(Rendezvous.PARTIES))
            .configurationParameter("junit.jupiter.execution.parallel.config.fixed.max-pool-size",
                    String.valueOf(Rendezvous.PARTIES))
            .build();
        Launcher launcher = LauncherFactory.create();
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        launcher.execute(request, listener);
        Map<ContentionKind, Long> after = contention();
        Map<ContentionKind, Long> delta = new EnumMap<>(ContentionKind.class);
        after.forEach((kind, count) -> delta.put(kind, count - before.get(kind)));
        return new Run(listener.getSummary(), delta);
    }

    private static Map<ContentionKind, Long> contention() {
        Map<ContentionKind, Long> counts = new EnumMap<>(ContentionKind.class);
        for (ContentionKind kind : ContentionKind.values()) {
            counts.put(kind, JvmScopeMeters.jvm().contentionCount(kind));
        }
        return counts;
    }

    private record Run(TestExecutionSummary summary, Map<ContentionKind, Long> contention) {

        @Override
        public String toString() {
            List<String> kinds = contention.entrySet().stream().filter(e -> e.getValue() > 0)
                .map(e -> e.getKey().tag() + "=" + e.getValue()).toList();
            return summary.getTestsStartedCount() + " run, " + summary.getTestsFailedCount() + " failed, contention "
                    + (kinds.isEmpty() ? "none" : String.join(" ", kinds));
        }
    }
}
