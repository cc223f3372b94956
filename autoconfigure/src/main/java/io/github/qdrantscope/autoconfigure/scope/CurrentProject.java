package io.github.qdrantscope.autoconfigure.scope;

import io.github.qdrantscope.core.ProjectScope;
import io.github.qdrantscope.core.ScopedProject;

/**
 * Injectable access to the project of the running test, for assertions and for tests that talk to
 * Qdrant directly:
 *
 * <pre>{@code
 * @Autowired CurrentProject project;
 *
 * @Test void stampsDocuments() {
 *     assertThat(project.name()).startsWith("OrderSearchTest-findsByCustomer-");
 * }
 * }</pre>
 *
 * It is a singleton that reads the calling thread's {@link ProjectScope}, so it is safe to inject into
 * tests that run in parallel.
 */
public class CurrentProject {

    /** The current project's name; fails when called outside a {@link ScopedProject @ScopedProject} test. */
    public String name() {
        return scope().name();
    }

    /** The payload key carrying the project on stored points. */
    public String key() {
        return scope().key();
    }

    /** The current scope; fails with a clear message when there is none. */
    public ProjectScope scope() {
        return ProjectScope.current().orElseThrow(() -> new IllegalStateException(
                "No project scope is open on thread '" + Thread.currentThread().getName()
                        + "': annotate the test class or method with @ScopedProject"));
    }
}
