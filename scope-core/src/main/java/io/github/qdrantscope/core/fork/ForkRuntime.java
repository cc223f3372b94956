package io.github.qdrantscope.core.fork;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;

import io.github.qdrantscope.core.metrics.ContentionKind;
import io.github.qdrantscope.core.metrics.ForkReport;
import io.github.qdrantscope.core.metrics.ForkReportWriter;
import io.github.qdrantscope.core.metrics.JvmScopeMeters;
import io.github.qdrantscope.core.metrics.ScopeMetrics;
import io.github.qdrantscope.core.server.JvmExit;
import io.github.qdrantscope.core.server.QdrantEndpoint;
import io.github.qdrantscope.core.identity.ForkIdentity;
import io.github.qdrantscope.core.lease.ForkCollectionClaimer;
import io.github.qdrantscope.core.lease.LeaseHeartbeat;
import io.github.qdrantscope.core.lease.LeaseOwner;
import io.github.qdrantscope.core.lease.LeaseReaper;
import io.github.qdrantscope.core.lease.LeaseSettings;

/**
 * The fork's collections over the life of the JVM: claims each one once (whatever number of Spring
 * contexts or JUnit test classes bind it), drops them at JVM exit unless {@code qdrant-scope.keep-collections=true},
 * and writes the per-fork report. It renews the fork's leases while the JVM runs ({@link LeaseHeartbeat}, stopped
 * before the collections are dropped) and, on its first claim on a server, reaps what gone JVMs left there
 * ({@link LeaseReaper}). Administrative calls use a client of its own per server, so they outlive the
 * application's clients (which may be closed at exit, concurrently with this) and are never counted as unscoped
 * access. Spring-free: the Spring glue and the JUnit extension both drive the one {@link #jvm()} instance.
 */
public final class ForkRuntime {

    private static final System.Logger logger = System.getLogger(ForkRuntime.class.getName());

    private static volatile ForkRuntime jvm;

    private final ForkIdentity identity;
    private final LeaseOwner self;
    private final JvmScopeMeters meters;
    private final AdminClients adminClients = new AdminClients();
    private final Map<String, Claim> claims = new ConcurrentHashMap<>();
    private final ForkNamespaces namespaces;
    private final Set<String> modes = new ConcurrentSkipListSet<>();
    private final Clock clock;
    private final LeaseHeartbeat heartbeat = new LeaseHeartbeat();
    private final Set<String> reaped = new ConcurrentSkipListSet<>();

    /**
     * An unshared runtime (tests, and code driving its own exit work); everything else uses {@link #jvm()}, which
     * registers the JVM-exit work.
     */
    public ForkRuntime(ForkIdentity identity, LeaseOwner self, JvmScopeMeters meters) {
        this(identity, self, meters, Clock.systemUTC());
    }

    /** An unshared runtime whose leases are written and judged by {@code clock} (tests of expiry). */
    public ForkRuntime(ForkIdentity identity, LeaseOwner self, JvmScopeMeters meters, Clock clock) {
        this.identity = identity;
        this.self = self;
        this.meters = meters;
        this.clock = clock;
        this.namespaces = new ForkNamespaces(self, adminClients, clock, heartbeat);
    }

    /** This JVM's runtime, created on first use with the exit work registered. */
    public static ForkRuntime jvm() {
        ForkRuntime current = jvm;
        if (current == null) {
            synchronized (ForkRuntime.class) {
                current = jvm;
                if (current == null) {
                    ForkIdentity identity = ForkIdentity.jvm();
                    current = new ForkRuntime(identity, LeaseOwner.self(identity), JvmScopeMeters.jvm());
                    ForkRuntime runtime = current;
                    JvmExit.register(JvmExit.Phase.REPORT, "writing the qdrant-scope fork report", runtime::writeReport);
                    JvmExit.register(JvmExit.Phase.COLLECTIONS, "dropping the fork's collections", runtime::dropAll);
                    jvm = current;
                }
            }
        }
        return current;
    }

    /** The runtime if something in this JVM already used it, else {@code null}. */
    public static ForkRuntime jvmIfStarted() {
        return jvm;
    }

    /** Who this JVM is. */
    public ForkIdentity identity() {
        return identity;
    }

    /** This JVM as lease owner. */
    public LeaseOwner self() {
        return self;
    }

    /** The heartbeat renewing this runtime's leases. */
    public LeaseHeartbeat heartbeat() {
        return heartbeat;
    }

    /**
     * Claims {@code collection} on {@code endpoint} for this fork, the first time only (taking it over, cleared, from
     * a gone holder; then renewing the lease every {@code lease.heartbeat()}); later calls (other contexts of the
     * fork) just check the dimension. A collection without the prefix is never touched. The first claim on a server
     * runs the reaper there, unless {@code lease.reaperEnabled()} is false.
     */
    public void claim(QdrantEndpoint endpoint, String collection, String prefix, int dimension, String projectKey,
            String contentField, boolean keep, Duration timeout, LeaseSettings lease, ScopeMetrics metrics) {
        if (!CollectionNames.isOwnedBy(prefix, collection)) {
            throw new IllegalArgumentException("qdrant-scope: refusing to claim collection '" + collection
                    + "': it does not start with qdrant-scope.collection-prefix '" + prefix + "_'");
        }
        modes.add(endpoint.mode().toString());
        String key = AdminClients.key(endpoint) + "/" + collection;
        Claim existing = claims.get(key);
        if (existing != null) {
            if (existing.dimension() != dimension) {
                throw new IllegalStateException("qdrant-scope: collection '" + collection + "' was created with dimension "
                        + existing.dimension() + " by an earlier context of this fork, but this context's EmbeddingModel "
                        + "produces " + dimension + ". Set a different qdrant-scope.collection-prefix for this context.");
            }
            return;
        }
        synchronized (this) {
            if (claims.containsKey(key)) {
                claim(endpoint, collection, prefix, dimension, projectKey, contentField, keep, timeout, lease, metrics);
                return;
            }
            ForkCollectionClaimer claimer = new ForkCollectionClaimer(adminClients.of(endpoint, timeout), timeout,
                    lease.ttl(), clock, metrics);
            claimer.claim(collection, dimension, projectKey, contentField, self);
            claims.put(key, new Claim(endpoint, collection, prefix, dimension, keep, timeout, lease.ttl()));
            // the fork's collection is its namespace: losing it refuses the calls of the fork's clients
            heartbeat.add(collection, collection, claimer, dimension, contentField, self, lease.heartbeat(), metrics);
            reapOnce(endpoint, prefix, timeout, lease, metrics);
        }
    }

    /**
     * Declares that the fork's clients map application collection names into {@code namespace} on
     * {@code endpoint} (see {@link ForkCollections}): the first time, checks that the server answers and leases the
     * namespace to this JVM ({@link io.github.qdrantscope.core.lease.NamespaceLease}), so two JVMs never share it;
     * the collections the application creates there are listed in the report and dropped at JVM exit unless
     * {@code keep}. A namespace whose holder is gone is taken over after its collections are dropped; the lease is
     * renewed every {@code lease.heartbeat()}; the first lease on a server runs the reaper there (see
     * {@link #claim}).
     *
     * @param prefix the collection prefix the namespace starts with ({@code <prefix>_}), under which the reaper looks
     * @throws io.github.qdrantscope.core.server.QdrantUnreachableException when the server does not answer
     * @throws io.github.qdrantscope.core.lease.CollectionClaimedException when another live JVM holds the namespace
     */
    public void mapsInto(QdrantEndpoint endpoint, String prefix, String namespace, boolean keep, Duration timeout,
            LeaseSettings lease, ScopeMetrics metrics) {
        if (!CollectionNames.isOwnedBy(prefix, namespace)) {
            throw new IllegalArgumentException("qdrant-scope: refusing to lease namespace '" + namespace
                    + "': it does not start with qdrant-scope.collection-prefix '" + prefix + "_'");
        }
        modes.add(endpoint.mode().toString());
        if (namespaces.lease(endpoint, namespace, keep, timeout, lease, metrics)) {
            reapOnce(endpoint, prefix, timeout, lease, metrics);
        }
    }

    /** Runs the reaper on {@code endpoint} under {@code prefix}, the first time only; a failure is logged. */
    private void reapOnce(QdrantEndpoint endpoint, String prefix, Duration timeout, LeaseSettings lease,
            ScopeMetrics metrics) {
        if (!lease.reaperEnabled() || !reaped.add(AdminClients.key(endpoint) + "/" + prefix)) {
            return;
        }
        var admin = adminClients.of(endpoint, timeout);
        try {
            new LeaseReaper(admin, timeout, lease.ttl(), clock, self, metrics,
                    namespace -> new ForkCollections(namespace).dropAll(admin, timeout))
                .reap(prefix, lease.reaperTimeout(), lease.reaperMaxCollections());
        }
        catch (RuntimeException ex) {
            logger.log(System.Logger.Level.WARNING, "qdrant-scope reaper: could not reap under '" + prefix + "_' on "
                    + endpoint + ": " + ex);
        }
    }

    /**
     * The collections of this fork: those it claimed and those the application created under its namespaces
     * (server names, {@code <namespace>__<name>}), sorted.
     */
    public List<String> collections() {
        List<String> all = new ArrayList<>(claims.values().stream().map(Claim::collection).toList());
        all.addAll(namespaces.collections());
        return all.stream().distinct().sorted().toList();
    }

    /** The report of this fork as of now. */
    public ForkReport report() {
        return new ForkReport(identity.fork().value(), identity.fork().source(), identity.run().value(),
                identity.run().source(), modes.isEmpty() ? null : String.join(",", modes), collections(),
                ForkReport.snapshot(meters));
    }

    /** Writes {@code fork-<id>.json} under {@code <build dir>/qdrant-scope}; returns the file. */
    public Path writeReport() {
        return writeReport(report());
    }

    /** Writes {@code report} as this fork's {@code fork-<id>.json}; returns the file. */
    public Path writeReport(ForkReport report) {
        return new ForkReportWriter(identity.buildDirectory().resolve("qdrant-scope")).write(report);
    }

    /** The one-line summary printed at the end of the JUnit run. */
    public String summary() {
        return summary(report());
    }

    /** The one-line summary of {@code report} (its collections: listing them asks the server). */
    public String summary(ForkReport report) {
        StringBuilder contention = new StringBuilder();
        for (ContentionKind kind : ContentionKind.values()) {
            long count = meters.contentionCount(kind);
            if (count > 0) {
                contention.append(contention.length() == 0 ? "" : ", ").append(kind.tag()).append('=').append(count);
            }
        }
        return "qdrant-scope fork " + identity.fork().value() + " (run " + identity.run().value() + "): "
                + meters.operationTotal() + " operations, contention "
                + (contention.length() == 0 ? "none" : contention) + ", collections " + report.collections();
    }

    /**
     * Stops the heartbeat, drops every collection this runtime claimed or whose namespace it mapped, unless kept or
     * leased to another process, and closes its administrative clients: what JVM exit runs for {@link #jvm()}.
     */
    public void dropAll() {
        // before dropping: a renewal must not race the drop, nor write a lease into a collection being deleted
        heartbeat.stop();
        List<Claim> all = new ArrayList<>(claims.values());
        for (Claim claim : all) {
            if (claim.keep()) {
                logger.log(System.Logger.Level.INFO, "qdrant-scope: keeping collection '" + claim.collection() + "' (qdrant-scope.keep-collections=true)");
                continue;
            }
            if (!CollectionNames.isOwnedBy(claim.prefix(), claim.collection())) {
                continue;
            }
            try {
                new ForkCollectionClaimer(adminClients.of(claim.endpoint(), claim.timeout()), claim.timeout(),
                        claim.leaseTtl(), null).dropIfOwned(claim.collection(), self);
            }
            catch (RuntimeException ex) {
                logger.log(System.Logger.Level.WARNING, "qdrant-scope: could not drop collection '"
                        + claim.collection() + "' on " + claim.endpoint() + ": " + ex);
            }
        }
        claims.clear();
        namespaces.dropAll();
        adminClients.closeAll();
    }

    private record Claim(QdrantEndpoint endpoint, String collection, String prefix, int dimension, boolean keep,
            Duration timeout, Duration leaseTtl) {
    }
}
