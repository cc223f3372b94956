package io.github.qdrantscope.core.lease;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

import io.github.qdrantscope.core.identity.ForkIdentity;

/**
 * Who holds the ownership lease of a collection: a fork of a run, in one process on one host.
 *
 * @param run the run id
 * @param fork the fork id
 * @param host the host name
 * @param pid the process id
 * @param processStart when that process started (tells a live process from a later one reusing the pid),
 *     or {@code null} when unknown
 * @param claimedAt when the lease was written
 * @param renewedAt when the lease was last renewed by its holder's heartbeat ({@code claimedAt} until then)
 */
public record LeaseOwner(String run, String fork, String host, long pid, Instant processStart, Instant claimedAt,
        Instant renewedAt) {

    /** An owner whose lease was not renewed since it was claimed. */
    public LeaseOwner(String run, String fork, String host, long pid, Instant processStart, Instant claimedAt) {
        this(run, fork, host, pid, processStart, claimedAt, claimedAt);
    }

    /** This JVM as owner of a lease claimed now. */
    public static LeaseOwner self(ForkIdentity identity) {
        return self(identity, Clock.systemUTC());
    }

    /** This JVM as owner of a lease claimed at {@code clock}'s now. */
    public static LeaseOwner self(ForkIdentity identity, Clock clock) {
        ProcessHandle me = ProcessHandle.current();
        return new LeaseOwner(identity.run().value(), identity.fork().value(), identity.host(), me.pid(),
                me.info().startInstant().orElse(null), clock.instant());
    }

    /** This owner, claiming at {@code now} (a lease written anew). */
    public LeaseOwner claimedAt(Instant now) {
        return new LeaseOwner(run, fork, host, pid, processStart, now, now);
    }

    /** Whether {@code other} is the same process (and so the same owner), whenever either claimed. */
    public boolean sameProcess(LeaseOwner other) {
        return host.equals(other.host) && pid == other.pid && Objects.equals(processStart, other.processStart);
    }

    /**
     * Whether this lease still counts, judged from {@code observerHost} at {@code now}: see {@link #goneBecause}.
     */
    public boolean isLive(String observerHost, Instant now, Duration ttl) {
        return goneBecause(observerHost, now, ttl) == null;
    }

    /**
     * Why this lease no longer counts, judged from {@code observerHost} at {@code now}, or {@code null} while it
     * does. On the same host the process table decides, whatever the last renewal: the lease is live exactly while
     * its process runs (a process paused in a debugger keeps it), and gone once the pid is not running or belongs
     * to a process started at another time. From another host (no way to look) it is live until {@code ttl} after
     * its last renewal.
     */
    public String goneBecause(String observerHost, Instant now, Duration ttl) {
        if (host.equals(observerHost)) {
            ProcessHandle process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive).orElse(null);
            if (process == null) {
                return "process " + pid + " on " + host + " is not running";
            }
            Instant started = process.info().startInstant().orElse(null);
            if (processStart != null && started != null && !processStart.equals(started)) {
                return "pid " + pid + " on " + host + " now belongs to a process started at " + started
                        + ", not the holder started at " + processStart;
            }
            return null;
        }
        if (renewedAt.plus(ttl).isAfter(now)) {
            return null;
        }
        return "last renewed at " + renewedAt + ", more than the lease TTL " + ttl + " before " + now;
    }

    /** A readable description for failure messages. */
    public String describe() {
        return "run " + run + " fork " + fork + " (pid " + pid + " on " + host + ", claimed " + claimedAt
                + (renewedAt.equals(claimedAt) ? "" : ", renewed " + renewedAt) + ")";
    }
}
