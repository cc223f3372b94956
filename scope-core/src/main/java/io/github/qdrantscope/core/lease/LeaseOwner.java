package io.github.qdrantscope.core.lease;

import java.time.Duration;
import java.time.Instant;

import io.github.qdrantscope.core.identity.ForkIdentity;
import java.util.Objects;

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
 */
public record LeaseOwner(String run, String fork, String host, long pid, Instant processStart, Instant claimedAt) {

    /** This JVM as owner of a lease claimed now. */
    public static LeaseOwner self(ForkIdentity identity) {
        ProcessHandle me = ProcessHandle.current();
        return new LeaseOwner(identity.run().value(), identity.fork().value(), identity.host(), me.pid(),
                me.info().startInstant().orElse(null), Instant.now());
    }

    /** Whether {@code other} is the same process (and so the same owner), whenever either claimed. */
    public boolean sameProcess(LeaseOwner other) {
        return host.equals(other.host) && pid == other.pid && Objects.equals(processStart, other.processStart);
    }

    /**
     * Whether this lease still counts, judged from {@code observerHost} at {@code now}: on the same host,
     * exactly while the process runs; from another host (no way to look), while younger than {@code ttl}.
     */
    public boolean isLive(String observerHost, Instant now, Duration ttl) {
        if (host.equals(observerHost)) {
            return ProcessHandle.of(pid)
                    .filter(ProcessHandle::isAlive)
                    .map(p -> processStart == null || p.info().startInstant().map(processStart::equals).orElse(true))
                    .orElse(false);
        }
        return claimedAt.plus(ttl).isAfter(now);
    }

    /** A readable description for failure messages. */
    public String describe() {
        return "run " + run + " fork " + fork + " (pid " + pid + " on " + host + ", claimed " + claimedAt + ")";
    }
}
