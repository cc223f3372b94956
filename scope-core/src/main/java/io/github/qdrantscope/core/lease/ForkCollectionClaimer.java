package io.github.qdrantscope.core.lease;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.github.qdrantscope.core.metrics.ContentionKind;
import io.github.qdrantscope.core.metrics.LeaseReapKind;
import io.github.qdrantscope.core.metrics.ScopeMetrics;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.qdrant.client.QdrantClient;
import io.qdrant.client.grpc.Collections.CollectionInfo;
import io.qdrant.client.grpc.Collections.Distance;
import io.qdrant.client.grpc.Collections.KeywordIndexParams;
import io.qdrant.client.grpc.Collections.PayloadIndexParams;
import io.qdrant.client.grpc.Collections.PayloadSchemaType;
import io.qdrant.client.grpc.Collections.VectorParams;
import io.qdrant.client.grpc.Collections.VectorsConfig;

/**
 * Prepares and claims the fork's collection on a Qdrant server: creates it with the embedding dimension
 * and cosine distance when missing, checks the dimension when present, ensures the keyword payload index
 * on the project key (with {@code is_tenant=true}, so Qdrant lays out each project's points together), and
 * takes the ownership lease — failing, after counting {@code collection_claim} contention, when another
 * live JVM holds it; taking it over, after clearing what the gone holder left, when its holder is gone
 * ({@link LeaseOwner#goneBecause}).
 *
 * <p>A lease is written and read back; two JVMs racing on one name may both pass the first read, but
 * at most one of them reads back its own lease. Taking over and renewing are compare-and-set writes
 * ({@link CollectionLease#heldBy}): they change the lease only while the holder they read still holds it.
 * Every call carries a deadline.
 */
public class ForkCollectionClaimer {

    private static final System.Logger logger = System.getLogger(ForkCollectionClaimer.class.getName());

    private final QdrantClient client;
    private final Duration timeout;
    private final Duration leaseTtl;
    private final Clock clock;
    private final ScopeMetrics metrics;

    /** A claimer judging time by the system clock. */
    public ForkCollectionClaimer(QdrantClient client, Duration timeout, Duration leaseTtl, ScopeMetrics metrics) {
        this(client, timeout, leaseTtl, Clock.systemUTC(), metrics);
    }

    /**
     * @param client an administrative client (not the application's, so its calls are not counted as
     *     unscoped access)
     * @param timeout deadline of each call
     * @param leaseTtl how long after its last renewal a lease of another host counts as live
     * @param clock what "now" is when leases are written and judged
     * @param metrics where {@code collection_claim} contention and takeovers are counted, or {@code null} for
     *     calls that neither claim nor take over (dropping)
     */
    public ForkCollectionClaimer(QdrantClient client, Duration timeout, Duration leaseTtl, Clock clock,
            ScopeMetrics metrics) {
        this.client = client;
        this.timeout = timeout;
        this.leaseTtl = leaseTtl;
        this.clock = clock;
        this.metrics = metrics;
    }

    /** {@link #claim(String, int, String, String, LeaseOwner, Runnable)} of a collection holding data points. */
    public void claim(String collection, int dimension, String projectKey, String contentField, LeaseOwner self) {
        claim(collection, dimension, projectKey, contentField, self, null);
    }

    /**
     * Creates or checks {@code collection}, indexes {@code projectKey} and claims the lease for {@code self}.
     * A lease whose holder is gone is taken over, then what the holder left is cleared before this returns: by
     * {@code clearing}, or when it is {@code null} by deleting every point of the collection but the lease.
     *
     * @param projectKey the payload key to index for projects, or {@code null} for a collection that holds no
     *     projects' points (a {@link NamespaceLease})
     * @throws CollectionClaimedException when another live JVM holds the lease
     * @throws IllegalStateException when the existing collection's dimension is not {@code dimension}
     */
    public void claim(String collection, int dimension, String projectKey, String contentField, LeaseOwner self,
            Runnable clearing) {
        if (!await(client.collectionExistsAsync(collection, timeout))) {
            create(collection, dimension);
        }
        else {
            checkDimension(collection, dimension);
        }
        if (projectKey != null) {
            await(client.createPayloadIndexAsync(collection, projectKey, PayloadSchemaType.Keyword,
                    PayloadIndexParams.newBuilder()
                            .setKeywordIndexParams(KeywordIndexParams.newBuilder().setIsTenant(true).build())
                            .build(),
                    true, null, timeout));
        }
        LeaseOwner holder = readLease(collection);
        Instant now = clock.instant();
        LeaseOwner mine = self.claimedAt(now);
        if (holder != null && !holder.sameProcess(self)) {
            String gone = holder.goneBecause(self.host(), now, leaseTtl);
            if (gone == null) {
                contended(collection, holder, self);
            }
            if (!takeLease(collection, holder, mine, contentField)) {
                contended(collection, readLease(collection), self);
            }
            if (clearing != null) {
                clearing.run();
            }
            else {
                await(client.deleteAsync(collection, CollectionLease.allButLease(), timeout));
            }
            String detail = "took over '" + collection + "' from " + holder.describe() + " (" + gone
                    + ") and cleared what it left";
            logger.log(System.Logger.Level.INFO, "qdrant-scope: " + detail);
            if (metrics != null) {
                metrics.leaseReaped(LeaseReapKind.TAKEOVER, collection, detail);
            }
            return;
        }
        await(client.upsertAsync(collection, List.of(CollectionLease.toPoint(mine, dimension, contentField)), timeout));
        LeaseOwner written = readLease(collection);
        if (written == null || !written.sameProcess(self)) {
            contended(collection, written, self);
        }
    }

    /**
     * Replaces {@code holder}'s lease of {@code collection} by {@code taker}'s, only if {@code holder}'s claim is
     * still the one there (compare-and-set); returns whether {@code taker} holds it now.
     */
    public boolean takeLease(String collection, LeaseOwner holder, LeaseOwner taker, String contentField) {
        await(client.setPayloadAsync(collection, CollectionLease.payload(taker, contentField),
                CollectionLease.heldBy(holder, true), true, null, timeout));
        LeaseOwner now = readLease(collection);
        return now != null && now.sameProcess(taker);
    }

    /**
     * Renews {@code self}'s lease of {@code collection} (sets its {@code renewed_at} to now, only while
     * {@code self} holds it); a lease point removed by the application is written again. Returns {@code null} when
     * {@code self} holds the lease afterwards, else why it does not (for the log: who holds it, or that the
     * collection is gone); a failed call throws, and says nothing about who holds the lease.
     */
    public String renew(String collection, int dimension, String contentField, LeaseOwner self) {
        if (!await(client.collectionExistsAsync(collection, timeout))) {
            return "collection '" + collection + "' no longer exists: another process dropped it";
        }
        await(client.setPayloadAsync(collection, CollectionLease.renewal(clock.instant()),
                CollectionLease.heldBy(self, false), true, null, timeout));
        LeaseOwner holder = readLease(collection);
        if (holder == null) {
            logger.log(System.Logger.Level.INFO, "qdrant-scope: the lease point of '" + collection
                    + "' was deleted (by an unscoped delete?); writing it again");
            await(client.upsertAsync(collection,
                    List.of(CollectionLease.toPoint(self.claimedAt(clock.instant()), dimension, contentField)),
                    timeout));
            holder = readLease(collection);
        }
        if (holder != null && holder.sameProcess(self)) {
            return null;
        }
        return "'" + collection + "' is now held by " + (holder == null ? "nobody" : holder.describe());
    }

    /** The lease holder of {@code collection}, or {@code null} when it has none. */
    public LeaseOwner readLease(String collection) {
        return CollectionLease.fromPoints(await(client.retrieveAsync(collection, List.of(CollectionLease.pointId()),
                io.qdrant.client.WithPayloadSelectorFactory.enable(true),
                io.qdrant.client.WithVectorsSelectorFactory.enable(false), null, timeout)));
    }

    /** The lease holder of {@code collection}, or {@code null} when it has none or does not exist. */
    public LeaseOwner readLeaseIfExists(String collection) {
        return await(client.collectionExistsAsync(collection, timeout)) ? readLease(collection) : null;
    }

    /**
     * Drops {@code collection} unless another process holds its lease; returns whether it was dropped. A
     * missing lease (removed by an unscoped delete of the application) does not keep the collection alive.
     */
    public boolean dropIfOwned(String collection, LeaseOwner self) {
        if (!await(client.collectionExistsAsync(collection, timeout))) {
            return false;
        }
        LeaseOwner holder = readLease(collection);
        if (holder != null && !holder.sameProcess(self)) {
            return false;
        }
        await(client.deleteCollectionAsync(collection, timeout));
        return true;
    }

    private void create(String collection, int dimension) {
        try {
            await(client.createCollectionAsync(collection,
                    VectorParams.newBuilder().setDistance(Distance.Cosine).setSize(dimension).build(), timeout));
        }
        catch (QdrantCallException ex) {
            if (!isAlreadyExists(ex)) {
                throw ex;
            }
            // another JVM created it between our check and create: its lease decides who owns it
            checkDimension(collection, dimension);
        }
    }

    private void checkDimension(String collection, int dimension) {
        CollectionInfo info = await(client.getCollectionInfoAsync(collection, timeout));
        VectorsConfig vectors = info.getConfig().getParams().getVectorsConfig();
        if (!vectors.hasParams()) {
            throw new IllegalStateException("qdrant-scope: collection '" + collection + "' uses named vectors; "
                    + "Spring AI's QdrantVectorStore needs one unnamed vector of dimension " + dimension
                    + ". Drop the collection or choose another qdrant-scope.collection-prefix.");
        }
        long existing = vectors.getParams().getSize();
        if (existing != dimension) {
            throw new IllegalStateException("qdrant-scope: collection '" + collection + "' holds vectors of dimension "
                    + existing + " but the EmbeddingModel produces " + dimension + ". Use one embedding dimension per "
                    + "collection prefix: set a different qdrant-scope.collection-prefix for this context.");
        }
    }

    private void contended(String collection, LeaseOwner holder, LeaseOwner self) {
        LeaseOwner named = holder != null ? holder
                : new LeaseOwner("?", "?", "?", -1, null, clock.instant());
        String message = CollectionClaimedException.message(collection, named, self);
        metrics.contention(ContentionKind.COLLECTION_CLAIM, null, collection, message);
        throw new CollectionClaimedException(collection, named, self);
    }

    private static boolean isAlreadyExists(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof StatusRuntimeException status
                    && status.getStatus().getCode() == Status.Code.ALREADY_EXISTS) {
                return true;
            }
            if (t.getMessage() != null && t.getMessage().contains("already exists")) {
                return true;
            }
        }
        return false;
    }

    private <T> T await(Future<T> future) {
        try {
            return future.get(timeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new QdrantCallException(ex);
        }
        catch (ExecutionException ex) {
            throw new QdrantCallException(ex.getCause());
        }
        catch (java.util.concurrent.TimeoutException ex) {
            throw new QdrantCallException(ex);
        }
    }

    /** A Qdrant call of the claimer failed. */
    static final class QdrantCallException extends IllegalStateException {

        private static final long serialVersionUID = 1L;

        QdrantCallException(Throwable cause) {
            super("qdrant-scope: Qdrant call failed: " + cause, cause);
        }
    }
}
