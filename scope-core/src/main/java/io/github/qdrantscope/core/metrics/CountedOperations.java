package io.github.qdrantscope.core.metrics;

/**
 * Marks the calling thread while an operation that is already counted as one {@code qdrant.scope.operations} runs
 * (a Spring AI {@code VectorStore} call through the scoping proxy), so that the Qdrant RPCs it makes underneath are
 * not counted a second time by the wire ({@code ProjectScopeInterceptor}). gRPC creates a unary call on the calling
 * thread, which is what makes a thread-local marker sufficient. The RPCs are still scoped; only counting is skipped.
 */
public final class CountedOperations {

    private static final ThreadLocal<int[]> DEPTH = ThreadLocal.withInitial(() -> new int[1]);

    private CountedOperations() {
    }

    /** Whether the calling thread is inside a counted operation. */
    public static boolean active() {
        return DEPTH.get()[0] > 0;
    }

    /** Marks the calling thread until the returned marker is closed (nested markers unwind correctly). */
    public static Marker enter() {
        DEPTH.get()[0]++;
        return new Marker();
    }

    /** An open marker; close it on the thread that opened it. */
    public static final class Marker implements AutoCloseable {

        private boolean closed;

        private Marker() {
        }

        @Override
        public void close() {
            if (!this.closed) {
                this.closed = true;
                DEPTH.get()[0]--;
            }
        }
    }
}
