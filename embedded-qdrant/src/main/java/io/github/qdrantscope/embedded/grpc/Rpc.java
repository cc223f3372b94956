package io.github.qdrantscope.embedded.grpc;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Runs one unary call: answers with the result, or with the error as a gRPC status. */
final class Rpc {

    private static final Logger LOG = Logger.getLogger(Rpc.class.getName());

    private Rpc() {
    }

    /**
     * Computes a response and sends it. {@code body} receives a clock reading the seconds elapsed
     * since the call started, for the responses' {@code time} field.
     */
    static <T> void respond(StreamObserver<T> observer, Body<T> body) {
        long start = System.nanoTime();
        T response;
        try {
            response = body.run(() -> (System.nanoTime() - start) / 1e9);
        } catch (StatusRuntimeException e) {
            observer.onError(e);
            return;
        } catch (RuntimeException e) {
            // A bug of ours, not bad input: say so instead of hiding it behind UNKNOWN.
            LOG.log(Level.WARNING, "Embedded Qdrant failed on a request", e);
            observer.onError(Status.INTERNAL.withDescription("Embedded Qdrant internal error: " + e)
                    .withCause(e).asRuntimeException());
            return;
        }
        observer.onNext(response);
        observer.onCompleted();
    }

    /** Seconds elapsed since the call started. */
    interface Clock {
        double seconds();
    }

    /** A call's work. */
    interface Body<T> {
        T run(Clock clock);
    }
}
