package io.github.qdrantscope.autoconfigure.scope;

import io.github.qdrantscope.core.ProjectScope;
import io.github.qdrantscope.core.ScopedProject;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.micrometer.context.ContextSnapshotFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

@Execution(ExecutionMode.CONCURRENT)
class ProjectScopeTest {

    private final ProjectScope a = new ProjectScope("a-00000001", "qdrant_scope_project");

    private final ProjectScope b = new ProjectScope("b-00000002", "qdrant_scope_project");

    @Test
    void nestedBindingsRestoreThePreviousScope() {
        assertThat(ProjectScope.current()).isEmpty();
        try (ProjectScope.Binding outer = ProjectScope.open(this.a)) {
            try (ProjectScope.Binding inner = ProjectScope.open(this.b)) {
                assertThat(ProjectScope.current()).contains(this.b);
            }
            assertThat(ProjectScope.current()).contains(this.a);
        }
        assertThat(ProjectScope.current()).isEmpty();
    }

    @Test
    void eachThreadHasItsOwnScope() throws Exception {
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try (ProjectScope.Binding ignored = ProjectScope.open(this.a)) {
            assertThat(executor.submit(() -> ProjectScope.current()).get()).isEmpty();
        }
        finally {
            executor.shutdownNow();
        }
    }

    @Test
    void closingOnAnotherThreadIsRejected() throws Exception {
        ProjectScope.Binding binding = ProjectScope.open(this.a);
        try {
            CompletableFuture<Throwable> failure = CompletableFuture.supplyAsync(() -> {
                try {
                    binding.close();
                    return null;
                }
                catch (IllegalStateException ex) {
                    return ex;
                }
            });
            assertThat(failure.get()).hasMessageContaining("a-00000001").hasMessageContaining("opened on thread");
        }
        finally {
            binding.close();
        }
    }

    @Test
    void contextPropagationCarriesTheScopeToAnotherThread() throws Exception {
        ExecutorService executor = Executors.newSingleThreadExecutor();
        ContextSnapshotFactory snapshots = ContextSnapshotFactory.builder().build();
        try (ProjectScope.Binding ignored = ProjectScope.open(this.a)) {
            java.util.concurrent.Callable<java.util.Optional<ProjectScope>> probe = snapshots.captureAll()
                .wrap(ProjectScope::current);
            assertThat(executor.submit(probe).get()).contains(this.a);
            assertThat(executor.submit(() -> ProjectScope.current()).get()).isEmpty();
        }
        finally {
            executor.shutdownNow();
        }
    }

    @Test
    void invalidNamesAndKeysAreRejected() {
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
            .isThrownBy(() -> new ProjectScope("no suffix", "k"))
            .withMessageContaining("'no suffix'");
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
            .isThrownBy(() -> new ProjectScope("a-00000001", "a.b"))
            .withMessageContaining("'a.b'");
    }

    @Test
    void currentProjectFailsClearlyOutsideAScope() {
        assertThatIllegalStateException().isThrownBy(() -> new CurrentProject().name())
            .withMessageContaining("@ScopedProject");
    }
}
