package io.github.qdrantscope.rawdemo;

import java.util.concurrent.ExecutionException;

import com.google.common.util.concurrent.ListenableFuture;

/** Waits for the client's futures, turning failures into {@link KnowledgeBaseException}s. */
final class Qdrant {

    private Qdrant() {
    }

    static <T> T await(ListenableFuture<T> future, String what) {
        try {
            return future.get();
        }
        catch (ExecutionException ex) {
            throw new KnowledgeBaseException("Could not " + what, ex.getCause());
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new KnowledgeBaseException("Interrupted while trying to " + what, ex);
        }
    }
}
