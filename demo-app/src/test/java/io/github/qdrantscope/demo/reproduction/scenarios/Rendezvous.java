package io.github.qdrantscope.demo.reproduction.scenarios;

import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Makes two concurrently running scenarios overlap in a fixed order (both clear, then both write, then both
 * read), so the interference the legacy pool allows happens every time instead of by chance.
 */
public final class Rendezvous {

    /** Scenarios meet in pairs: the launcher runs them on two threads. */
    public static final int PARTIES = 2;

    private static volatile CyclicBarrier barrier = new CyclicBarrier(PARTIES);

    private Rendezvous() {
    }

    /** A fresh barrier for the next launch. */
    public static void reset() {
        barrier = new CyclicBarrier(PARTIES);
    }

    /** Waits until the partner scenario reaches the same point. */
    static void meet() {
        try {
            // Generous bound: it only guards against a hang if the launcher ever ran scenarios one at a time.
            barrier.await(60, TimeUnit.SECONDS);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
        catch (BrokenBarrierException | TimeoutException ex) {
            throw new IllegalStateException("The partner scenario never arrived; scenarios must run on "
                    + PARTIES + " threads", ex);
        }
    }
}
