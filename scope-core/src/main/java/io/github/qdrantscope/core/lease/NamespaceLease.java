package io.github.qdrantscope.core.lease;

/**
 * The ownership lease of a fork's <em>namespace</em>: the collections {@code <namespace>__<name>} that the
 * application's own clients create through the fork's name mapping ({@code ForkCollections}).
 *
 * <p>A Spring AI store's collection carries its lease point inside it ({@link CollectionLease}); the namespace has no
 * collection of its own until the application creates one, and the application may create, drop and list any number
 * of them. So the namespace's lease lives in one small collection of its own, {@code <namespace>_lease} (one
 * dimension, holding only the {@link CollectionLease} point), claimed before the fork's clients send their first
 * request, exactly as a store's collection is claimed: created when missing, failing with
 * {@link CollectionClaimedException} (and counting {@code collection_claim} contention) when another live JVM holds
 * it. Why a collection of its own, and under that name:
 * <ul>
 * <li>the name is outside the application's mapped space ({@code <namespace>__...}), so the application never lists,
 * drops or overwrites it, and its listings stay exactly its own collections;</li>
 * <li>it cannot be another fork's namespace or lease: a namespace ends in {@code _f<fork id>}, and fork ids have no
 * {@code _};</li>
 * <li>it starts with the collection prefix, so it is only ever touched by qdrant-scope, and a later run can find every
 * namespace on a shared server and reap those whose holder is gone ({@link LeaseOwner#goneBecause}): on this host a
 * dead pid, from another host a lease not renewed for {@code qdrant-scope.lease-ttl} ({@link LeaseReaper}).</li>
 * </ul>
 * A JVM leasing a namespace whose holder is gone drops the namespace's collections, then takes the lease over. While
 * the JVM runs its heartbeat renews the lease ({@link LeaseHeartbeat}). At JVM exit the namespace's collections are
 * dropped only while this JVM still holds the lease, then the lease collection itself.
 */
public final class NamespaceLease {

    /** Appended to the namespace to name its lease collection. */
    public static final String SUFFIX = "_lease";

    /** The lease collection's vector size: the lease point's zero vector is all it stores. */
    public static final int DIMENSION = 1;

    /** The payload field describing the holder in words, for a person browsing the server. */
    public static final String NOTE_FIELD = "qdrant_scope_lease_note";

    private NamespaceLease() {
    }

    /** The lease collection of {@code namespace}. */
    public static String collectionOf(String namespace) {
        return namespace + SUFFIX;
    }

    /**
     * Claims {@code namespace} for {@code self} through {@code claimer}; see the class comment.
     *
     * @param dropCollections drops the namespace's collections {@code <namespace>__*}: run when a gone holder's
     *     lease is taken over, before this returns
     */
    public static void claim(ForkCollectionClaimer claimer, String namespace, LeaseOwner self,
            Runnable dropCollections) {
        claimer.claim(collectionOf(namespace), DIMENSION, null, NOTE_FIELD, self, dropCollections);
    }

    /** Whether the namespace's lease is held by another process than {@code self} (so its data is not ours). */
    public static boolean heldByAnother(ForkCollectionClaimer claimer, String namespace, LeaseOwner self) {
        LeaseOwner holder = claimer.readLeaseIfExists(collectionOf(namespace));
        return holder != null && !holder.sameProcess(self);
    }
}
