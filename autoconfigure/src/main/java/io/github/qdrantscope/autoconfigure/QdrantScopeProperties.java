package io.github.qdrantscope.autoconfigure;

import io.github.qdrantscope.core.UnscopedPolicy;
import io.github.qdrantscope.core.fork.CollectionNames;
import io.github.qdrantscope.core.identity.ForkIds;
import io.github.qdrantscope.core.lease.LeaseSettings;

import io.github.qdrantscope.core.ScopedProject;

import java.time.Duration;
import java.util.Locale;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of qdrant-scope, under the prefix {@code qdrant-scope}.
 *
 * <p>Invalid values are rejected when the Spring context starts, with a message naming the property.
 *
 * @param enabled Whether qdrant-scope chooses the Qdrant server, binds the fork's collection, instruments the
 *     QdrantClient and registers its meters. When false, Spring AI's Qdrant configuration is left untouched;
 *     @ScopedProject scoping of the VectorStore still applies.
 * @param unscoped What happens when the vector store is used outside a @ScopedProject scope: 'allow' (only
 *     counted), 'warn' (counted and logged) or 'fail' (counted and rejected).
 * @param audit Whether every scoped search and delete is also checked against what its unscoped version would
 *     have touched, counting 'foreign_point' contention. Costs one extra query per operation.
 * @param failOnContention Whether any counted contention fails the offending test at once, with a message
 *     naming the project, collection and kind.
 * @param keepCollections Whether the fork's collection is kept when the JVM ends (to inspect it) instead of
 *     being dropped.
 * @param forkId Fork id overriding the detected one: 1 to 32 characters of [A-Za-z0-9-]. It is resolved once
 *     per JVM, so set it as a system property or as the environment variable QDRANT_SCOPE_FORK_ID, not in a
 *     test's property files.
 * @param collectionPrefix First part of the fork's collection name '{prefix}_{run}_f{fork}': a letter followed
 *     by letters, digits, '_' or '-', at most 64 characters. qdrant-scope never drops a collection without it.
 * @param embedding Which EmbeddingModel qdrant-scope contributes when the application defines none: 'none' or
 *     'hashing' (a deterministic offline model for tests).
 * @param embeddingDimensions Vector size of the hashing embedding model, 1 to 65536.
 * @param connectTimeout How long to wait for the Qdrant server to answer a health check (and each
 *     administrative call) before failing the context.
 * @param callTimeout Deadline of qdrant-scope's cleanup calls after each test, and of every call of a scoped
 *     Qdrant client that has none of its own, so no call waits forever on a slow server. A deadline that fires
 *     fails the call with a message naming this property.
 * @param leaseTtl How long after its last renewal an ownership lease written by a JVM on another host counts as
 *     live; a lease not renewed for longer is taken over or reaped. Leases of this host are live exactly while
 *     their process runs. Must be more than twice lease-heartbeat.
 * @param leaseHeartbeat How often this JVM renews its ownership leases while it runs.
 * @param reaperEnabled Whether the first claim on a Qdrant server drops the collections (and namespaces) that
 *     JVMs which are gone left under the collection prefix. Only collections with a qdrant-scope lease whose
 *     holder is gone are dropped.
 * @param reaperTimeout How long that reaping may take; what is left is reaped by a later start.
 * @param reaperMaxCollections How many leases (a fork's collection, or a namespace with its collections) that
 *     reaping drops at most.
 */
@ConfigurationProperties(prefix = QdrantScopeProperties.PREFIX)
public record QdrantScopeProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("warn") UnscopedPolicy unscoped,
        @DefaultValue("false") boolean audit,
        @DefaultValue("false") boolean failOnContention,
        @DefaultValue("false") boolean keepCollections,
        String forkId,
        @DefaultValue(QdrantScopeProperties.DEFAULT_COLLECTION_PREFIX) String collectionPrefix,
        @DefaultValue("none") Embedding embedding,
        @DefaultValue("384") int embeddingDimensions,
        @DefaultValue("10s") Duration connectTimeout,
        @DefaultValue("60s") Duration callTimeout,
        @DefaultValue("2m") Duration leaseTtl,
        @DefaultValue("30s") Duration leaseHeartbeat,
        @DefaultValue("true") boolean reaperEnabled,
        @DefaultValue("10s") Duration reaperTimeout,
        @DefaultValue("50") int reaperMaxCollections) {

    /** The property prefix. */
    public static final String PREFIX = "qdrant-scope";

    /** The default collection prefix. */
    public static final String DEFAULT_COLLECTION_PREFIX = CollectionNames.DEFAULT_PREFIX;

    /** Longest accepted collection prefix. */
    public static final int MAX_PREFIX_LENGTH = CollectionNames.MAX_PREFIX_LENGTH;

    /** Largest vector size Qdrant accepts, and so the hashing model's. */
    public static final int MAX_EMBEDDING_DIMENSIONS = 65_536;

    /** The hashing model's default vector size. */
    public static final int DEFAULT_EMBEDDING_DIMENSIONS = 384;

    /** Validates every value and names the offending property. */
    public QdrantScopeProperties {
        if (unscoped == null) {
            unscoped = UnscopedPolicy.WARN;
        }
        if (embedding == null) {
            embedding = Embedding.NONE;
        }
        if (collectionPrefix == null) {
            collectionPrefix = DEFAULT_COLLECTION_PREFIX;
        }
        if (connectTimeout == null) {
            connectTimeout = Duration.ofSeconds(10);
        }
        if (leaseTtl == null) {
            leaseTtl = LeaseSettings.DEFAULT_TTL;
        }
        if (leaseHeartbeat == null) {
            leaseHeartbeat = LeaseSettings.DEFAULT_HEARTBEAT;
        }
        if (reaperTimeout == null) {
            reaperTimeout = LeaseSettings.DEFAULT_REAPER_TIMEOUT;
        }
        if (!CollectionNames.isValidPrefix(collectionPrefix)) {
            throw new IllegalArgumentException(PREFIX + ".collection-prefix='" + collectionPrefix
                    + "' is invalid: " + CollectionNames.PREFIX_RULE);
        }
        if (forkId != null && !forkId.isEmpty() && !ForkIds.isValid(forkId)) {
            throw new IllegalArgumentException(PREFIX + ".fork-id='" + forkId + "' is invalid: "
                    + ForkIds.RULE);
        }
        if (embeddingDimensions < 1 || embeddingDimensions > MAX_EMBEDDING_DIMENSIONS) {
            throw new IllegalArgumentException(PREFIX + ".embedding-dimensions must be between 1 and "
                    + MAX_EMBEDDING_DIMENSIONS + ", but was " + embeddingDimensions);
        }
        if (connectTimeout.isNegative() || connectTimeout.isZero()) {
            throw new IllegalArgumentException(PREFIX + ".connect-timeout=" + connectTimeout
                    + " is invalid: it must be positive");
        }
        if (callTimeout == null) {
            callTimeout = Duration.ofSeconds(60);
        }
        if (callTimeout.isNegative() || callTimeout.isZero()) {
            throw new IllegalArgumentException(PREFIX + ".call-timeout=" + callTimeout
                    + " is invalid: it must be positive");
        }
        if (leaseTtl.isNegative() || leaseTtl.isZero()) {
            throw new IllegalArgumentException(PREFIX + ".lease-ttl=" + leaseTtl + " is invalid: it must be positive");
        }
        new LeaseSettings(leaseTtl, leaseHeartbeat, reaperEnabled, reaperTimeout, reaperMaxCollections);
    }

    /** The lease settings: TTL, heartbeat and reaper. */
    public LeaseSettings leaseSettings() {
        return new LeaseSettings(leaseTtl, leaseHeartbeat, reaperEnabled, reaperTimeout, reaperMaxCollections);
    }

    /** The defaults, as if no property were set. */
    public static QdrantScopeProperties defaults() {
        return new QdrantScopeProperties(true, UnscopedPolicy.WARN, false, false, false, null,
                DEFAULT_COLLECTION_PREFIX, Embedding.NONE, DEFAULT_EMBEDDING_DIMENSIONS, Duration.ofSeconds(10),
                Duration.ofSeconds(60), LeaseSettings.DEFAULT_TTL, LeaseSettings.DEFAULT_HEARTBEAT, true,
                LeaseSettings.DEFAULT_REAPER_TIMEOUT, LeaseSettings.DEFAULT_REAPER_MAX_COLLECTIONS);
    }

    /** Which {@code EmbeddingModel} qdrant-scope contributes when the application has none. */
    public enum Embedding {
        /** None: the application provides its own. */
        NONE,
        /** A deterministic, offline hashing model (good enough for tests, not for meaning). */
        HASHING;

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
