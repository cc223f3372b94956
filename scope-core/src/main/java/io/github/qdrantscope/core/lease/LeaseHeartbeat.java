package io.github.qdrantscope.core.lease;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import io.github.qdrantscope.core.metrics.ScopeMetrics;

/**
 * Renews this JVM's leases while it runs, so that another host judges them live ({@link LeaseOwner#goneBecause}):
 * one daemon thread, each lease renewed every {@code qdrant-scope.lease-heartbeat}. Owned by the fork runtime,
 * which stops it at JVM exit before it drops the collections.
 *
 * <p>A renewal that finds the lease held by another process (which judged this JVM gone and took the collection
 * over), or the collection dropped, never writes it back: it logs the loss naming the new holder, counts it
 * ({@code qdrant.scope.lease.lost}), records the namespace in {@link LostLeases} so the fork's clients refuse every
 * further call into it, and stops renewing that lease. A renewal that fails (server unreachable) is logged and
 * retried at the next beat; it says nothing about who holds the lease.
 */
public final class LeaseHeartbeat {

    private static final System.Logger logger = System.getLogger(LeaseHeartbeat.class.getName());

    private final List<Lease> leases = new CopyOnWriteArrayList<>();

    private ScheduledExecutorService executor;

    private boolean stopped;

    /**
     * Renews {@code collection}'s lease, covering {@code namespace}, every {@code interval} from now on.
     *
     * @param claimer the claimer of the collection's server (its clock times the renewals)
     * @param dimension and {@code contentField}: how the lease point is written again if the application deleted it
     * @param metrics where a loss is counted
     */
    public synchronized void add(String namespace, String collection, ForkCollectionClaimer claimer, int dimension,
            String contentField, LeaseOwner self, Duration interval, ScopeMetrics metrics) {
        if (stopped) {
            return;
        }
        if (executor == null) {
            ScheduledThreadPoolExecutor pool = new ScheduledThreadPoolExecutor(1, task -> {
                Thread thread = new Thread(task, "qdrant-scope-lease-heartbeat");
                thread.setDaemon(true);
                return thread;
            });
            pool.setRemoveOnCancelPolicy(true);
            executor = pool;
        }
        Lease lease = new Lease(namespace, collection, claimer, dimension, contentField, self, metrics);
        leases.add(lease);
        lease.future = executor.scheduleWithFixedDelay(lease::renew, interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** Renews every lease still held once, now, on the calling thread (what each beat does). */
    public void renewNow() {
        for (Lease lease : leases) {
            lease.renew();
        }
    }

    /** The collections whose lease is renewed, in the order added. */
    public List<String> collections() {
        return leases.stream().filter(lease -> !lease.lost).map(lease -> lease.collection).toList();
    }

    /** Stops renewing, waiting for a renewal under way; later {@link #add} calls are ignored. */
    public void stop() {
        ScheduledExecutorService running;
        synchronized (this) {
            stopped = true;
            running = executor;
        }
        if (running == null) {
            return;
        }
        running.shutdownNow();
        try {
            if (!running.awaitTermination(10, TimeUnit.SECONDS)) {
                logger.log(System.Logger.Level.WARNING, "qdrant-scope: a lease renewal is still running after 10s");
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    private static final class Lease {

        final String namespace;
        final String collection;
        final ForkCollectionClaimer claimer;
        final int dimension;
        final String contentField;
        final LeaseOwner self;
        final ScopeMetrics metrics;
        volatile ScheduledFuture<?> future;
        volatile boolean lost;

        Lease(String namespace, String collection, ForkCollectionClaimer claimer, int dimension, String contentField,
                LeaseOwner self, ScopeMetrics metrics) {
            this.namespace = namespace;
            this.collection = collection;
            this.claimer = claimer;
            this.dimension = dimension;
            this.contentField = contentField;
            this.self = self;
            this.metrics = metrics;
        }

        synchronized void renew() {
            if (lost) {
                return;
            }
            String why;
            try {
                why = claimer.renew(collection, dimension, contentField, self);
            }
            catch (RuntimeException ex) {
                logger.log(System.Logger.Level.WARNING, "qdrant-scope: could not renew the lease of '" + collection
                        + "'; retrying at the next beat: " + ex);
                return;
            }
            if (why == null) {
                return;
            }
            lost = true;
            String message = "qdrant-scope: this JVM, " + self.describe() + ", lost its lease of '" + collection
                    + "': " + why + ". Another process judged this JVM gone (a pause longer than "
                    + "qdrant-scope.lease-ttl?) and took the data over; every further call into namespace '"
                    + namespace + "' is refused. Raise qdrant-scope.lease-ttl if this JVM was only slow.";
            logger.log(System.Logger.Level.WARNING, message);
            LostLeases.record(namespace, message);
            metrics.leaseLost(collection, why);
            ScheduledFuture<?> scheduled = future;
            if (scheduled != null) {
                scheduled.cancel(false);
            }
        }
    }
}
