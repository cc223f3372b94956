package io.github.qdrantscope.core.lease;

/**
 * Another live JVM holds the ownership lease of the collection this fork binds to; thrown before any test
 * runs, naming both owners, because sharing the collection would let the forks clear or fill each other's
 * data.
 */
public class CollectionClaimedException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception; the message names the collection and both owners. */
    public CollectionClaimedException(String collection, LeaseOwner holder, LeaseOwner claimant) {
        super(message(collection, holder, claimant));
    }

    static String message(String collection, LeaseOwner holder, LeaseOwner claimant) {
        return "qdrant-scope: collection '" + collection + "' is already claimed by " + holder.describe()
                + ", which is still live; this JVM, " + claimant.describe() + ", cannot share it. Two JVMs "
                + "resolved the same run and fork id: give each fork its own qdrant-scope.fork-id (Surefire: "
                + "${surefire.forkNumber}), or each build its own qdrant-scope.run-id.";
    }
}
