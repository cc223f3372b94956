package io.github.qdrantscope.embedded.differential;

import io.github.qdrantscope.embedded.EmbeddedQdrant;

/**
 * The two sides a differential test class compares, started once per class: an embedded server with the client
 * that drives it, and the Edge oracle process. Closed in reverse order; a side that failed to start is skipped.
 */
final class DifferentialSides implements AutoCloseable {

    private EmbeddedQdrant server;

    private EdgeOracle oracle;

    private EmbeddedSide embedded;

    /** Starts both sides; whatever started is closed again when a later part fails. */
    static DifferentialSides start() {
        DifferentialSides sides = new DifferentialSides();
        try {
            sides.server = EmbeddedQdrant.builder().port(0).start();
            sides.oracle = EdgeOracle.start();
            sides.embedded = new EmbeddedSide(sides.server);
            return sides;
        }
        catch (RuntimeException ex) {
            sides.close();
            throw ex;
        }
    }

    /** A run over both sides. */
    DifferentialRun newRun() {
        return new DifferentialRun(this.oracle, this.embedded);
    }

    @Override
    public void close() {
        if (this.embedded != null) {
            this.embedded.close();
        }
        if (this.oracle != null) {
            this.oracle.close();
        }
        if (this.server != null) {
            this.server.close();
        }
    }
}
