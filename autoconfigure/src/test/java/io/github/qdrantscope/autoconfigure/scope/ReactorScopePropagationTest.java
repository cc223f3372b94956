package io.github.qdrantscope.autoconfigure.scope;

import io.github.qdrantscope.core.ProjectNames;
import io.github.qdrantscope.core.ProjectScope;
import io.github.qdrantscope.core.ScopedProject;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import reactor.core.publisher.Hooks;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.reactor.autoconfigure.ReactorAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the user guide promises for Reactor pipelines a test runs itself: the test's scope reaches work that
 * Reactor moves to another thread, through Micrometer's context-propagation and the registered
 * {@link ProjectScopeThreadLocalAccessor}. Reactor's automatic mode is a JVM-wide switch that nothing turns
 * off again, so no test here relies on it being off.
 */
@Execution(ExecutionMode.CONCURRENT)
class ReactorScopePropagationTest {

    /** Generous bound for "does not hang". */
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final ProjectScope scope = new ProjectScope(ProjectNames.newName("reactor"), ScopedProject.DEFAULT_KEY);

    @Test
    void handleAfterContextCaptureSeesTheScopeInEitherMode() {
        try (ProjectScope.Binding ignored = ProjectScope.open(this.scope)) {
            String seen = Mono.just("ignored")
                .subscribeOn(Schedulers.boundedElastic())
                .<String>handle((value, sink) -> sink.next(threadAndProject()))
                .contextCapture()
                .block(TIMEOUT);
            assertSeenOnAnotherThreadInTheScope(seen);
        }
    }

    @Test
    void withAutomaticPropagationEveryOperatorSeesTheScope() {
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(ReactorAutoConfiguration.class))
            .withPropertyValues("spring.reactor.context-propagation=auto")
            .run(context -> {
                assertThat(Hooks.isAutomaticContextPropagationEnabled()).isTrue();
                try (ProjectScope.Binding ignored = ProjectScope.open(this.scope)) {
                    // block() captures the caller's thread-locals itself
                    assertSeenOnAnotherThreadInTheScope(Mono.fromCallable(ReactorScopePropagationTest::threadAndProject)
                        .subscribeOn(Schedulers.boundedElastic())
                        .block(TIMEOUT));
                    assertSeenOnAnotherThreadInTheScope(Mono.just("ignored")
                        .publishOn(Schedulers.parallel())
                        .map(value -> threadAndProject())
                        .block(TIMEOUT));
                    // a non-blocking subscription needs contextCapture()
                    assertSeenOnAnotherThreadInTheScope(Mono.fromCallable(ReactorScopePropagationTest::threadAndProject)
                        .subscribeOn(Schedulers.boundedElastic())
                        .contextCapture()
                        .toFuture()
                        .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS));
                }
            });
    }

    private void assertSeenOnAnotherThreadInTheScope(String threadAndProject) {
        String[] parts = threadAndProject.split("\\|", -1);
        assertThat(parts[0]).isNotEqualTo(Thread.currentThread().getName());
        assertThat(parts[1]).isEqualTo(this.scope.name());
    }

    private static String threadAndProject() {
        return Thread.currentThread().getName() + "|" + ProjectScope.current().map(ProjectScope::name).orElse("none");
    }
}
