package io.github.qdrantscope.benchmarks;

import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Which of the {@value #QUERIES} prepared queries a benchmark thread sends next: enough distinct
 * queries that no answer is computed twice in a row, cycled so every variant sends the same sequence.
 */
@State(Scope.Thread)
public class QueryCursor {

    /** Number of distinct prepared queries. */
    public static final int QUERIES = 64;

    private int next;

    /** The index of the next query. */
    public int advance() {
        int current = next;
        next = (next + 1) % QUERIES;
        return current;
    }
}
