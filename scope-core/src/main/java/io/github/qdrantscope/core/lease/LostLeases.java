package io.github.qdrantscope.core.lease;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The namespaces whose lease this JVM lost to another process (a heartbeat found it held by someone else, or its
 * collection dropped): JVM-wide, because the fork's clients (whose interceptor refuses every further call into a
 * lost namespace, {@code ForkCollectionsInterceptor}) and the heartbeat that notices the loss share nothing else.
 * Refusing is the defensible choice: the new holder clears and fills the collection for its own tests, so anything
 * this JVM wrote or read there from now on would mix two forks' data.
 */
public final class LostLeases {

    private static final Map<String, String> LOST = new ConcurrentHashMap<>();

    private LostLeases() {
    }

    /** Records that the lease covering {@code namespace} is lost; {@code message} says to whom and what to do. */
    public static void record(String namespace, String message) {
        LOST.putIfAbsent(namespace, message);
    }

    /** Why calls into {@code namespace} are refused, or {@code null} while its lease is this JVM's. */
    public static String of(String namespace) {
        return LOST.get(namespace);
    }
}
