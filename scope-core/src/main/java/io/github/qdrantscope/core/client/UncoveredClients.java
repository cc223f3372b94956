package io.github.qdrantscope.core.client;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

import com.google.protobuf.Message;
import io.grpc.CallOptions;

/**
 * Qdrant clients qdrant-scope could not cover: a {@code QdrantClient} an application builds inside a method
 * (never a bean, so no scope and no fork mapping was put on its channel). Every gRPC channel the JVM builds with
 * {@code ManagedChannelBuilder.forAddress/forTarget} or {@code Grpc.newChannelBuilder} (as
 * {@code QdrantGrpcClient.newBuilder(host, port, tls)} does) gets a watching interceptor
 * ({@link WatchingChannelProvider}); a {@code qdrant.Points} call that reaches it without having passed a
 * {@link ScopedChannel} is reported to the current {@link Observer}, with where the channel was built.
 *
 * <p>The observer is JVM-wide because channels are: the Spring integration and the JUnit extension register
 * one while they run (the latest registration wins until it is closed). With none registered, the watching
 * interceptor passes every call through untouched.
 */
public final class UncoveredClients {

    /** Marks a call that went through a {@link ScopedChannel}: it is covered. */
    static final CallOptions.Key<Boolean> COVERED = CallOptions.Key.createWithDefault("qdrant-scope.covered", false);

    private static final List<Observer> observers = new CopyOnWriteArrayList<>();

    private static final ThreadLocal<Boolean> exempt = new ThreadLocal<>();

    private UncoveredClients() {
    }

    /** What is done with a call of an uncovered client. */
    @FunctionalInterface
    public interface Observer {

        /**
         * A {@code qdrant.Points} call of a client qdrant-scope does not cover is about to be sent.
         *
         * @param site where the client's channel was built, e.g. {@code com.example.Ingest.run(Ingest.java:42)}
         * @param rpc the bare RPC name, e.g. {@code Search}
         * @param request the request as the application sent it
         * @throws CallRejection to refuse the call
         */
        void call(String site, String rpc, Message request);
    }

    /**
     * {@code options} marked as those of a covered call: interceptors that scope a call (the project scope's)
     * mark what they pass on, so the watching interceptor at the bottom of the channel lets it through.
     */
    public static CallOptions covered(CallOptions options) {
        return options.getOption(COVERED) ? options : options.withOption(COVERED, Boolean.TRUE);
    }

    /**
     * Makes {@code observer} the one calls are reported to, until the returned registration is closed (then
     * the one registered before it, if still open, takes over).
     */
    public static AutoCloseable observe(Observer observer) {
        observers.add(observer);
        return () -> observers.remove(observer);
    }

    /**
     * Runs {@code build} with the channels it builds left unwatched: for clients that look at the server as it
     * really is on purpose (qdrant-scope's own administrative clients, a test asserting what was stored).
     */
    public static <T> T exempt(Supplier<T> build) {
        Boolean before = exempt.get();
        exempt.set(Boolean.TRUE);
        try {
            return build.get();
        }
        finally {
            if (before == null) {
                exempt.remove();
            }
            else {
                exempt.set(before);
            }
        }
    }

    static boolean buildingExempt() {
        return Boolean.TRUE.equals(exempt.get());
    }

    /** The current observer, or {@code null}. */
    static Observer observer() {
        int size = observers.size();
        if (size == 0) {
            return null;
        }
        try {
            return observers.get(size - 1);
        }
        catch (IndexOutOfBoundsException removedMeanwhile) {
            return observers.isEmpty() ? null : observers.get(observers.size() - 1);
        }
    }
}
