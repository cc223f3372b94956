package io.github.qdrantscope.core;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The test running now, so that a failing Qdrant call can say which test made it. Opened by the test integrations
 * (the Spring listener, the JUnit extension) around each test method; a call on another thread (an {@code @Async}
 * task, a {@code RANDOM_PORT} server thread) is named through its {@link ProjectScope}, which travels with it.
 */
public final class CurrentTest {

    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

    private static final Map<String, String> BY_PROJECT = new ConcurrentHashMap<>();

    private CurrentTest() {
    }

    /**
     * Marks {@code test} ({@code com.example.FooTest#bar}) as running on the calling thread, and as the test of
     * {@code scope}'s project when there is one, until the returned binding is closed.
     */
    public static Binding open(String test, ProjectScope scope) {
        String previous = CURRENT.get();
        CURRENT.set(test);
        if (scope != null) {
            BY_PROJECT.put(scope.name(), test);
        }
        return new Binding(previous, scope);
    }

    /** The test of the calling thread or of its project scope, or {@code null} outside any test. */
    public static String name() {
        String test = CURRENT.get();
        if (test != null) {
            return test;
        }
        ProjectScope scope = ProjectScope.currentOrNull();
        return scope == null ? null : BY_PROJECT.get(scope.name());
    }

    /** "in test X", or "outside any test" (context start, a thread nothing marked). */
    public static String describe() {
        String test = name();
        return test == null ? "outside any test" : "in test " + test;
    }

    /** An open mark; closing it restores the previous one on the thread that opened it. */
    public static final class Binding implements AutoCloseable {

        private final String previous;

        private final ProjectScope scope;

        private Binding(String previous, ProjectScope scope) {
            this.previous = previous;
            this.scope = scope;
        }

        @Override
        public void close() {
            if (this.previous == null) {
                CURRENT.remove();
            }
            else {
                CURRENT.set(this.previous);
            }
            if (this.scope != null) {
                BY_PROJECT.remove(this.scope.name());
            }
        }
    }
}
