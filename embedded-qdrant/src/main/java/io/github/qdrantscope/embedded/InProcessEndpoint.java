package io.github.qdrantscope.embedded;

import io.grpc.ManagedChannelBuilder;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An embedded server's registration on gRPC's in-process transport, whose calls run on the calling thread: the
 * server's handler and then the client's callbacks, with no hand-off to a pool thread and back (the hand-offs were
 * half the time of a filtered search over 10k points, docs/benchmarks.md, issue 11).
 */
final class InProcessEndpoint {

    /** Makes in-process names unique in the JVM, also while a closed server with the same port drains. */
    private static final AtomicLong INSTANCES = new AtomicLong();

    /**
     * Runs an in-process call's steps where the call is driven: on the caller's thread, or on the thread that cancels
     * it. Not {@code directExecutor()}: grpc-java then wraps it per call in its thread-safe {@code SerializingExecutor},
     * so a cancellation from another thread waits for the running step instead of overlapping it.
     */
    private static final Executor CALLING_THREAD = Runnable::run;

    private InProcessEndpoint() {
    }

    /** A new name, unique in the JVM. */
    static String newName() {
        return "embedded-qdrant-" + INSTANCES.incrementAndGet();
    }

    /** The server side, its handlers on the calling thread; services are added by the caller. */
    static InProcessServerBuilder server(String name, int maxInboundMetadataBytes) {
        return InProcessServerBuilder.forName(name).executor(CALLING_THREAD)
                .maxInboundMetadataSize(maxInboundMetadataBytes);
    }

    /** A client channel to {@code name}, its callbacks on the calling thread, with {@code authority} as its own. */
    static ManagedChannelBuilder<?> channel(String name, String authority) {
        return InProcessChannelBuilder.forName(name).overrideAuthority(authority).executor(CALLING_THREAD);
    }
}
