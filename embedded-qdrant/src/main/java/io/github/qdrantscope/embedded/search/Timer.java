package io.github.qdrantscope.embedded.search;

/** Measures the {@code time} field of responses: seconds spent, as Qdrant reports it. */
final class Timer {

    private final long start = System.nanoTime();

    double seconds() {
        return (System.nanoTime() - start) / 1e9;
    }
}
