package io.github.qdrantscope.core;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Marks the calling thread while the scoping proxy talks to Qdrant, so the gRPC interceptor does not
 * count (a second time) calls the proxy already accounted for. gRPC creates a unary call on the calling
 * thread, which is what makes a thread-local marker sufficient.
 */
public final class ProxiedCalls {

    private static final ThreadLocal<Boolean> ACTIVE = new ThreadLocal<>();

    private ProxiedCalls() {
    }

    public static boolean active() {
        return Boolean.TRUE.equals(ACTIVE.get());
    }

    public static <T> T run(Supplier<T> call) {
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

    private static final long BACKSTOP_MARGIN_MILLIS = 5_000;

    /**
     * Starts one of qdrant-scope's own raw-client calls (so it is not counted as unscoped) and waits for its
     * result five seconds longer than the call's own {@code deadline}, so that the call's deadline, not the local
     * wait, reports a timeout: the local wait is only a backstop, and on a loaded machine the deadline's failure
     * can take more than a second to arrive.
     *
     * @param what what the call does, for the error: "Could not <what>"
     */
    public static <T> T await(Supplier<Future<T>> call, Duration deadline, String what) {
        Future<T> future = run(call);
        try {
            return future.get(deadline.toMillis() + BACKSTOP_MARGIN_MILLIS, TimeUnit.MILLISECONDS);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while trying to " + what, ex);
        }
        catch (ExecutionException ex) {
            // the cause's status names the server, the test and the deadline (ServerWatch)
            throw new IllegalStateException("Could not " + what + ": " + ex.getCause(), ex);
        }
        catch (TimeoutException ex) {
            throw new IllegalStateException("Could not " + what + ": no answer within " + deadline, ex);
        }
    }
}
