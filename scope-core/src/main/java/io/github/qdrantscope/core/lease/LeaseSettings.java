package io.github.qdrantscope.core.lease;

import java.time.Duration;

/**
 * How this JVM keeps and judges ownership leases: the same settings under Spring ({@code qdrant-scope.*}
 * properties) and the JUnit extension (configuration parameters of the same names).
 *
 * @param ttl how long after its last renewal a lease of another host counts as live ({@value #TTL})
 * @param heartbeat how often this JVM renews its leases ({@value #HEARTBEAT}); less than half of {@code ttl}, so
 *     one late or failed renewal does not let another host take a live JVM's collections
 * @param reaperEnabled whether the first claim on a server reaps the collections of dead holders
 *     ({@value #REAPER_ENABLED})
 * @param reaperTimeout how long that reaping may take ({@value #REAPER_TIMEOUT})
 * @param reaperMaxCollections how many leases (a fork's collection, or a namespace with its collections) it reaps
 *     at most ({@value #REAPER_MAX_COLLECTIONS})
 */
public record LeaseSettings(Duration ttl, Duration heartbeat, boolean reaperEnabled, Duration reaperTimeout,
        int reaperMaxCollections) {

    /** The TTL's property (and JUnit configuration parameter). */
    public static final String TTL = "qdrant-scope.lease-ttl";

    /** The heartbeat's property. */
    public static final String HEARTBEAT = "qdrant-scope.lease-heartbeat";

    /** The reaper switch's property. */
    public static final String REAPER_ENABLED = "qdrant-scope.reaper-enabled";

    /** The reaper deadline's property. */
    public static final String REAPER_TIMEOUT = "qdrant-scope.reaper-timeout";

    /** The reaper bound's property. */
    public static final String REAPER_MAX_COLLECTIONS = "qdrant-scope.reaper-max-collections";

    /** Default TTL: a dead holder on another host is reaped within minutes. */
    public static final Duration DEFAULT_TTL = Duration.ofMinutes(2);

    /** Default heartbeat: four renewals per default TTL. */
    public static final Duration DEFAULT_HEARTBEAT = Duration.ofSeconds(30);

    /** Default reaper deadline. */
    public static final Duration DEFAULT_REAPER_TIMEOUT = Duration.ofSeconds(10);

    /** Default reaper bound. */
    public static final int DEFAULT_REAPER_MAX_COLLECTIONS = 50;

    /**
     * Validates the settings.
     *
     * @throws IllegalArgumentException naming the property when a duration is not positive, the bound is below 1,
     *     or the TTL is not more than twice the heartbeat
     */
    public LeaseSettings {
        positive(TTL, ttl);
        positive(HEARTBEAT, heartbeat);
        positive(REAPER_TIMEOUT, reaperTimeout);
        if (reaperMaxCollections < 1) {
            throw new IllegalArgumentException("qdrant-scope: " + REAPER_MAX_COLLECTIONS + "=" + reaperMaxCollections
                    + " is invalid: it must be at least 1 (switch the reaper off with " + REAPER_ENABLED + "=false)");
        }
        if (ttl.compareTo(heartbeat.multipliedBy(2)) <= 0) {
            throw new IllegalArgumentException("qdrant-scope: " + TTL + "=" + ttl + " must be more than twice "
                    + HEARTBEAT + "=" + heartbeat + ", so that a live JVM renews its leases at least twice per TTL; "
                    + "raise " + TTL + " or lower " + HEARTBEAT);
        }
    }

    /** The defaults. */
    public static LeaseSettings defaults() {
        return new LeaseSettings(DEFAULT_TTL, DEFAULT_HEARTBEAT, true, DEFAULT_REAPER_TIMEOUT,
                DEFAULT_REAPER_MAX_COLLECTIONS);
    }

    private static void positive(String property, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("qdrant-scope: " + property + "=" + value
                    + " is invalid: it must be positive");
        }
    }
}
