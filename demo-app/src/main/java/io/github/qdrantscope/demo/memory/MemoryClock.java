package io.github.qdrantscope.demo.memory;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.stereotype.Component;

/**
 * Creation timestamps that strictly increase within this application instance (at millisecond
 * resolution, running ahead of the wall clock under bursts), so "newest first" is a total order even for
 * memories stored in the same millisecond.
 */
@Component
public class MemoryClock {

    private final Clock clock;
    private final AtomicLong last = new AtomicLong();

    public MemoryClock() {
        this(Clock.systemUTC());
    }

    MemoryClock(Clock clock) {
        this.clock = clock;
    }

    /** The next creation time: now, or one millisecond after the previous one if that is later. */
    public Instant next() {
        long now = this.clock.millis();
        return Instant.ofEpochMilli(this.last.updateAndGet(previous -> Math.max(previous + 1, now)));
    }
}
