package io.github.qdrantscope.core.metrics;

/**
 * What the scoping and fork-binding code reports. One instance lives per JVM (so counts add up
 * across every Spring context of a fork) and is bound into each context's {@code MeterRegistry}.
 */
public interface ScopeMetrics {

    /**
     * One vector-store operation went through the scoping proxy.
     *
     * @param operation {@code add}, {@code search}, {@code delete}, ...
     * @param scoped whether a project scope was open
     * @param nanos how long it took
     */
    void recordOperation(String operation, boolean scoped, long nanos);

    /**
     * Contention was seen. Implementations count it and, when configured to fail on contention,
     * throw an exception whose message names the project, collection and kind.
     *
     * @param kind what happened
     * @param project the project scope open at the time, or {@code null}
     * @param collection the collection involved
     * @param detail a human-readable detail for logs and failure messages
     */
    void contention(ContentionKind kind, String project, String collection, String detail);

    /** A project's points were cleaned up. */
    void cleanup(long nanos, long pointsRemoved);

    /** A project scope was opened. */
    void projectOpened();

    /** A project scope was closed. */
    void projectClosed();

    /**
     * The lease of a gone holder was reclaimed: its data cleared and the collection taken over, or dropped.
     *
     * @param kind how
     * @param collection the fork collection or namespace lease collection
     * @param detail who the holder was and why it counts as gone, for logs
     */
    void leaseReaped(LeaseReapKind kind, String collection, String detail);

    /**
     * A heartbeat found this JVM's lease held by another process: renewal stopped, and the fork refuses further
     * calls to what it lost.
     *
     * @param collection the fork collection or namespace lease collection
     * @param detail who holds it now, for logs
     */
    void leaseLost(String collection, String detail);
}
