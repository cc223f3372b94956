package io.github.qdrantscope.core.lease;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import io.github.qdrantscope.core.metrics.LeaseReapKind;
import io.github.qdrantscope.core.metrics.ScopeMetrics;
import io.qdrant.client.QdrantClient;

/**
 * Drops what JVMs that are gone left on a server: run once per JVM and server when the fork runtime first claims
 * there ({@code qdrant-scope.reaper-enabled}). It lists the collections starting with {@code <prefix>_} and, for
 * each that carries a qdrant-scope lease — a fork's collection (its lease point), or a namespace's
 * {@code <namespace>_lease} collection (its lease point, plus the namespace's {@code <namespace>__*} collections) —
 * drops it when the holder is gone ({@link LeaseOwner#goneBecause}).
 *
 * <p>Never anything else: not a collection without the prefix (never even read), not a prefixed collection without
 * a readable lease (left, and logged), not a live lease. The lease is first taken over by compare-and-set
 * ({@link ForkCollectionClaimer#takeLease}), so two JVMs reaping at once, or a JVM claiming the same collection, never
 * both act on it. Bounded: it stops at {@code qdrant-scope.reaper-timeout} and after reaping
 * {@code qdrant-scope.reaper-max-collections} leases, leaving the rest to a later start. Every drop, every lease left
 * and every stop is logged.
 */
public final class LeaseReaper {

    private static final System.Logger logger = System.getLogger(LeaseReaper.class.getName());

    private final QdrantClient client;
    private final ForkCollectionClaimer claimer;
    private final Duration timeout;
    private final Duration ttl;
    private final Clock clock;
    private final LeaseOwner self;
    private final ScopeMetrics metrics;
    private final Function<String, List<String>> dropNamespace;

    /**
     * @param client an administrative client of the server
     * @param timeout the deadline of each call
     * @param ttl how long after its last renewal a lease of another host counts as live
     * @param clock what "now" is, for expiry and for the reaper's own deadline
     * @param self this JVM: it takes each lease before dropping
     * @param metrics where each reaped lease is counted ({@code qdrant.scope.lease.reaped}, kind {@code reaper})
     * @param dropNamespace drops the collections {@code <namespace>__*} (and such aliases) of the namespace given,
     *     returning their names
     */
    public LeaseReaper(QdrantClient client, Duration timeout, Duration ttl, Clock clock, LeaseOwner self,
            ScopeMetrics metrics, Function<String, List<String>> dropNamespace) {
        this.client = client;
        this.timeout = timeout;
        this.ttl = ttl;
        this.clock = clock;
        this.self = self;
        this.metrics = metrics;
        this.dropNamespace = dropNamespace;
        this.claimer = new ForkCollectionClaimer(client, timeout, ttl, clock, metrics);
    }

    /**
     * Reaps the gone holders' leases under {@code prefix}; returns the collections dropped, in order.
     *
     * @param budget how long it may take ({@code qdrant-scope.reaper-timeout})
     * @param maxLeases how many leases it may reap ({@code qdrant-scope.reaper-max-collections})
     */
    public List<String> reap(String prefix, Duration budget, int maxLeases) {
        Instant deadline = clock.instant().plus(budget);
        List<String> dropped = new ArrayList<>();
        int reaped = 0;
        List<String> names = new ArrayList<>(await(client.listCollectionsAsync(timeout)));
        names.sort(null);
        for (String name : names) {
            if (!name.startsWith(prefix + "_")) {
                continue;
            }
            String rest = name.substring(prefix.length() + 1);
            if (rest.contains("__")) {
                // a namespace's collection: reaped with its namespace's lease, never on its own
                continue;
            }
            if (!clock.instant().isBefore(deadline)) {
                logger.log(System.Logger.Level.INFO, "qdrant-scope reaper: stopping at " + LeaseSettings.REAPER_TIMEOUT
                        + "=" + budget + " before '" + name + "'; the rest is left for a later start");
                break;
            }
            try {
                if (reaped == maxLeases) {
                    if (isReapable(name)) {
                        logger.log(System.Logger.Level.INFO, "qdrant-scope reaper: stopping after " + maxLeases
                                + " leases (" + LeaseSettings.REAPER_MAX_COLLECTIONS + ") before '" + name
                                + "'; the rest is left for a later start");
                        break;
                    }
                    continue;
                }
                List<String> done = reapOne(name, rest.endsWith(NamespaceLease.SUFFIX));
                if (!done.isEmpty()) {
                    dropped.addAll(done);
                    reaped++;
                }
            }
            catch (RuntimeException ex) {
                logger.log(System.Logger.Level.WARNING, "qdrant-scope reaper: left '" + name + "': " + ex);
            }
        }
        return dropped;
    }

    private boolean isReapable(String name) {
        LeaseOwner holder = claimer.readLease(name);
        return holder != null && !holder.sameProcess(self)
                && holder.goneBecause(self.host(), clock.instant(), ttl) != null;
    }

    private List<String> reapOne(String name, boolean namespaceLease) {
        LeaseOwner holder = claimer.readLease(name);
        if (holder == null) {
            logger.log(System.Logger.Level.INFO, "qdrant-scope reaper: left '" + name
                    + "': it has no qdrant-scope lease to judge its owner by");
            return List.of();
        }
        if (holder.sameProcess(self)) {
            return List.of();
        }
        Instant now = clock.instant();
        String gone = holder.goneBecause(self.host(), now, ttl);
        if (gone == null) {
            logger.log(System.Logger.Level.DEBUG, "qdrant-scope reaper: left '" + name + "': held by "
                    + holder.describe() + ", live");
            return List.of();
        }
        if (!claimer.takeLease(name, holder, self.claimedAt(now), NamespaceLease.NOTE_FIELD)) {
            logger.log(System.Logger.Level.INFO, "qdrant-scope reaper: left '" + name
                    + "': another process took its lease first");
            return List.of();
        }
        List<String> dropped = new ArrayList<>();
        if (namespaceLease) {
            dropped.addAll(dropNamespace.apply(name.substring(0, name.length() - NamespaceLease.SUFFIX.length())));
        }
        await(client.deleteCollectionAsync(name, timeout));
        dropped.add(name);
        String detail = "dropped " + dropped + " of " + holder.describe() + ": " + gone;
        logger.log(System.Logger.Level.INFO, "qdrant-scope reaper: " + detail);
        metrics.leaseReaped(LeaseReapKind.REAPER, name, detail);
        return dropped;
    }

    private <T> T await(Future<T> future) {
        try {
            return future.get(timeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("qdrant-scope reaper: interrupted", ex);
        }
        catch (ExecutionException | java.util.concurrent.TimeoutException ex) {
            throw new IllegalStateException("qdrant-scope reaper: Qdrant call failed: "
                    + (ex.getCause() != null ? ex.getCause() : ex), ex);
        }
    }
}
