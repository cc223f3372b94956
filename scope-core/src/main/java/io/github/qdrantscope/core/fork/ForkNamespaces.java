package io.github.qdrantscope.core.fork;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.TimeUnit;

import io.github.qdrantscope.core.lease.ForkCollectionClaimer;
import io.github.qdrantscope.core.lease.LeaseHeartbeat;
import io.github.qdrantscope.core.lease.LeaseOwner;
import io.github.qdrantscope.core.lease.LeaseSettings;
import io.github.qdrantscope.core.lease.NamespaceLease;
import io.github.qdrantscope.core.metrics.ScopeMetrics;
import io.github.qdrantscope.core.server.QdrantEndpoint;
import io.github.qdrantscope.core.server.QdrantHealthCheck;

/**
 * The fork's namespaces: the prefixes {@code <namespace>__} under which the application's collection names are
 * mapped ({@link ForkCollections}). Each is leased to this JVM before its first use ({@link NamespaceLease}), its
 * collections are listed for the report, and at exit they are dropped while the lease is still this JVM's.
 */
final class ForkNamespaces {

    private static final System.Logger logger = System.getLogger(ForkNamespaces.class.getName());

    private final LeaseOwner self;

    private final AdminClients admin;

    private final Map<String, Namespace> namespaces = new ConcurrentHashMap<>();

    /** Every collection seen under a namespace: one the application created and later dropped still counts. */
    private final Set<String> seen = new ConcurrentSkipListSet<>();

    private final Clock clock;

    private final LeaseHeartbeat heartbeat;

    ForkNamespaces(LeaseOwner self, AdminClients admin, Clock clock, LeaseHeartbeat heartbeat) {
        this.self = self;
        this.admin = admin;
        this.clock = clock;
        this.heartbeat = heartbeat;
    }

    /**
     * Leases {@code namespace} on {@code endpoint} to this JVM the first time (a health check first, so an
     * unreachable server fails as such; a gone holder's collections dropped before the lease is taken over) and
     * renews it from then on; later calls return at once. Returns whether this call leased it.
     */
    boolean lease(QdrantEndpoint endpoint, String namespace, boolean keep, Duration timeout, LeaseSettings lease,
            ScopeMetrics metrics) {
        String key = AdminClients.key(endpoint) + "/" + namespace;
        if (this.namespaces.containsKey(key)) {
            return false;
        }
        synchronized (this) {
            if (this.namespaces.containsKey(key)) {
                return false;
            }
            QdrantHealthCheck.check(this.admin.of(endpoint, timeout), endpoint, timeout,
                    "qdrant-scope.connect-timeout");
            ForkCollectionClaimer claimer = new ForkCollectionClaimer(this.admin.of(endpoint, timeout), timeout,
                    lease.ttl(), this.clock, metrics);
            NamespaceLease.claim(claimer, namespace, this.self,
                    () -> new ForkCollections(namespace).dropAll(this.admin.of(endpoint, timeout), timeout));
            this.namespaces.put(key, new Namespace(endpoint, namespace, keep, timeout, lease.ttl()));
            this.heartbeat.add(namespace, NamespaceLease.collectionOf(namespace), claimer, NamespaceLease.DIMENSION,
                    NamespaceLease.NOTE_FIELD, this.self, lease.heartbeat(), metrics);
            return true;
        }
    }

    /** Whether any namespace is leased. */
    boolean isEmpty() {
        return this.namespaces.isEmpty();
    }

    /**
     * The server names of the collections under every namespace, as listed now plus any listed before; a server
     * that cannot be listed (already gone at exit) leaves what was seen before.
     */
    List<String> collections() {
        for (Namespace namespace : this.namespaces.values()) {
            ForkCollections rule = new ForkCollections(namespace.name());
            try {
                for (String name : this.admin.of(namespace.endpoint(), namespace.timeout())
                    .listCollectionsAsync(namespace.timeout())
                    .get(namespace.timeout().toMillis() + 1000, TimeUnit.MILLISECONDS)) {
                    if (rule.isCreatedByFork(name)) {
                        this.seen.add(name);
                    }
                }
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                return new ArrayList<>(this.seen);
            }
            catch (Exception ex) {
                logger.log(System.Logger.Level.DEBUG, "qdrant-scope: could not list the collections of namespace '"
                        + namespace.name() + "' for the report: " + ex);
            }
        }
        return new ArrayList<>(this.seen);
    }

    /**
     * Drops each namespace's collections, then its lease collection, unless kept or leased to another process
     * meanwhile (whose data they now are).
     */
    void dropAll() {
        for (Namespace namespace : new ArrayList<>(this.namespaces.values())) {
            if (namespace.keep()) {
                logger.log(System.Logger.Level.INFO, "qdrant-scope: keeping the collections the application created"
                        + " under '" + namespace.name() + "__' and the lease collection '"
                        + NamespaceLease.collectionOf(namespace.name()) + "' (qdrant-scope.keep-collections=true)");
                continue;
            }
            try {
                drop(namespace);
            }
            catch (RuntimeException ex) {
                // one server gone (a test's own, stopped before exit) must not keep the others' collections
                logger.log(System.Logger.Level.WARNING, "qdrant-scope: could not drop the collections under '"
                        + namespace.name() + "__' on " + namespace.endpoint() + ": " + ex);
            }
        }
        this.namespaces.clear();
    }

    private void drop(Namespace namespace) {
        ForkCollectionClaimer claimer = new ForkCollectionClaimer(this.admin.of(namespace.endpoint(),
                namespace.timeout()), namespace.timeout(), namespace.leaseTtl(), null);
        if (NamespaceLease.heldByAnother(claimer, namespace.name(), this.self)) {
            logger.log(System.Logger.Level.WARNING, "qdrant-scope: not dropping the collections under '"
                    + namespace.name() + "__': another process holds its lease now");
            return;
        }
        List<String> dropped = new ForkCollections(namespace.name())
            .dropAll(this.admin.of(namespace.endpoint(), namespace.timeout()), namespace.timeout());
        claimer.dropIfOwned(NamespaceLease.collectionOf(namespace.name()), this.self);
        if (!dropped.isEmpty()) {
            logger.log(System.Logger.Level.DEBUG, "qdrant-scope: dropped the fork's application collections "
                    + dropped);
        }
    }

    private record Namespace(QdrantEndpoint endpoint, String name, boolean keep, Duration timeout,
            Duration leaseTtl) {
    }
}
