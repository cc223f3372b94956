package io.github.qdrantscope.autoconfigure.scope;

import java.util.function.Supplier;

/**
 * Marks the calling thread while the scoping proxy talks to Qdrant, so the gRPC interceptor does not
 * count (a second time) calls the proxy already accounted for. gRPC creates a unary call on the calling
 * thread, which is what makes a thread-local marker sufficient.
 */
final class ProxiedCalls {

    private static final ThreadLocal<Boolean> ACTIVE = new ThreadLocal<>();

    private ProxiedCalls() {
    }

    static boolean active() {
        return Boolean.TRUE.equals(ACTIVE.get());
    }

    static <T> T run(Supplier<T> call) {
        Boolean previous = ACTIVE.get();
        ACTIVE.set(Boolean.TRUE);
        try {
            return call.get();
        }
        finally {
            if (previous == null) {
                ACTIVE.remove();
            }
        }
    }
}
