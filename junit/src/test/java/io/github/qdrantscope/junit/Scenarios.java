package io.github.qdrantscope.junit;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * Runs a scenario class (a static nested class of a test) through a JUnit launcher of its own, in this JVM, with
 * configuration parameters of its own: how the extension is tested with other options (an external server, bad
 * input) and after its classes finish (cleanup). Scenario classes are marked {@link Scenario} and run only there.
 */
final class Scenarios {

    static final String PARAMETER = "qdrant-scope-junit-tests.scenario";

    private Scenarios() {
    }

    /** Runs {@code scenario} with {@code parameters} (plus the scenario marker); returns what happened. */
    static TestExecutionSummary run(Class<?> scenario, Map<String, String> parameters) {
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
            .selectors(selectClass(scenario))
            .configurationParameter(PARAMETER, "true")
            // one thread: scenarios assert in method order
            .configurationParameter("junit.jupiter.execution.parallel.enabled", "false")
            .configurationParameters(parameters)
            .build();
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        LauncherFactory.create().execute(request, listener);
        return listener.getSummary();
    }

    /** The messages of every failure (tests and containers) of {@code summary}. */
    static List<String> failures(TestExecutionSummary summary) {
        return summary.getFailures().stream().map(failure -> failure.getException().getMessage()).toList();
    }

    /** A class run only by {@link Scenarios#run}, never by the build's own discovery. */
    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @ExtendWith(OnlyInScenario.class)
    @interface Scenario {
    }

    /** Disables a {@link Scenario} class unless its own launcher runs it. */
    static final class OnlyInScenario implements ExecutionCondition {

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            return context.getConfigurationParameter(PARAMETER).map(Boolean::parseBoolean).orElse(false)
                    ? ConditionEvaluationResult.enabled("run as a scenario")
                    : ConditionEvaluationResult.disabled("a scenario, run by its test through Scenarios.run");
        }
    }
}
