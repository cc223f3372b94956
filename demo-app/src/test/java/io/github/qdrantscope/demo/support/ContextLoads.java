package io.github.qdrantscope.demo.support;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts how often the suite's Spring context was created in this JVM: a bean of this type is part of the
 * suite configuration, so each context creation constructs exactly one.
 */
public final class ContextLoads {

    private static final AtomicInteger LOADS = new AtomicInteger();

    public ContextLoads() {
        LOADS.incrementAndGet();
    }

    /** How many suite contexts this JVM has created so far. */
    public static int count() {
        return LOADS.get();
    }
}
