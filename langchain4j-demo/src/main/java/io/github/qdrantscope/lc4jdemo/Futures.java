package io.github.qdrantscope.lc4jdemo;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/** Waits for the Qdrant client's futures, turning their checked exceptions into {@link LibraryException}. */
final class Futures {

    private Futures() {
    }

    static <T> T get(Future<T> future) {
        try {
            return future.get();
        }
        catch (ExecutionException ex) {
            throw new LibraryException("Qdrant call failed: " + ex.getCause().getMessage(), ex.getCause());
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new LibraryException("Interrupted while waiting for Qdrant", ex);
        }
    }
}
