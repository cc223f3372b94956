package io.github.qdrantscope.lc4jdemo.reproduction.scenarios;

import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Makes the concurrently running scenarios overlap in a fixed order (all empty the library, then all ingest, then
 * all read), so the interference a shared collection allows happens every time instead of by chance.
 *
 * <p>All scenarios meet at once, each launched on a thread of its own by the reproduction: on JUnit's fork-join
 * pool a worker that joins a task another worker runs may be parked, and the scenarios waiting at the barrier
 * then wait for nobody.
 */
public final class Rendezvous {

    /** Every scenario takes part. */
    public static final int PARTIES = LibraryScenarios.SCENARIOS;

    private static volatile CyclicBarrier barrier = new CyclicBarrier(PARTIES);

    private Rendezvous() {
    }

    /** A fresh barrier for the next launch. */
    public static void reset() {
        barrier = new CyclicBarrier(PARTIES);
    }

    /** Waits until every other scenario reaches the same point. */
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
            throw new IllegalStateException("Not all " + PARTIES + " scenarios arrived; they must run on "
                    + PARTIES + " threads at once", ex);
        }
    }
}
