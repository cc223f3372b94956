package io.github.qdrantscope.embedded.differential;

import io.qdrant.client.grpc.Common.PointId;
import io.qdrant.client.grpc.Points.ScrollPoints;
import io.qdrant.client.grpc.Points.WithPayloadSelector;
import io.qdrant.client.grpc.Points.WithVectorsSelector;
import java.util.List;
import java.util.Map;

/**
 * Runs scenarios against both sides, step by step, and stops a scenario at its first difference (the
 * two states may diverge after it). A scroll page with a next-page offset is followed page by page, with
 * the same request from that offset, to the last page.
 */
final class DifferentialRun {

    /** What one scenario did: its first difference (null if none) and how many steps were compared. */
    record Result(long seed, String difference, int steps, int ambiguous) {
        boolean agreed() {
            return difference == null;
        }
    }

    private static final int MAX_PAGES = 50;

    private final EdgeOracle oracle;
    private final EmbeddedSide embedded;

    DifferentialRun(EdgeOracle oracle, EmbeddedSide embedded) {
        this.oracle = oracle;
        this.embedded = embedded;
    }

    Result run(Scenario scenario) {
        return run(scenario.seed, scenario.data, scenario.steps);
    }

    Result run(long seed, Data data, List<Step> steps) {
        Compare compare = new Compare(data);
        int compared = 0;
        int ambiguous = 0;
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            for (int page = 0; step != null && page < MAX_PAGES; page++) {
                EdgeOracle.Answer engine = oracle.call(step.op().wire, step.request());
                EdgeOracle.Answer actual = embedded.apply(step);
                if (step.op() == Step.Op.RESET && (engine.failed() || actual.failed())) {
                    return new Result(seed, "collection not created: engine " + engine + ", embedded " + actual,
                            compared, ambiguous);
                }
                Compare.Outcome outcome = compare.compare(step, engine, actual);
                compared++;
                if (outcome.ambiguous()) {
                    ambiguous++;
                }
                if (outcome.difference() != null) {
                    return new Result(seed, "step " + i + (page > 0 ? " page " + page : "") + ": " + step + "\n  -> "
                            + outcome.difference(), compared, ambiguous);
                }
                step = nextPage(step, engine);
            }
            if (steps.get(i).op().isWrite()) {
                // every write is checked by reading all points back: a write that stores something else
                // shows at that write, not at whichever read happens to see the point later
                Step all = new Step(Step.Op.SCROLL, ScrollPoints.newBuilder().setCollectionName(collection(steps))
                        .setLimit(100_000).setWithPayload(WithPayloadSelector.newBuilder().setEnable(true))
                        .setWithVectors(WithVectorsSelector.newBuilder().setEnable(true)).build());
                Compare.Outcome state = compare.compare(all, oracle.call(all.op().wire, all.request()),
                        embedded.apply(all));
                compared++;
                if (state.difference() != null) {
                    return new Result(seed, "after step " + i + ": " + steps.get(i) + "\n  -> stored points differ: "
                            + state.difference(), compared, ambiguous);
                }
            }
        }
        return new Result(seed, null, compared, ambiguous);
    }

    private static String collection(List<Step> steps) {
        return ((io.qdrant.client.grpc.Collections.CreateCollection) steps.get(0).request()).getCollectionName();
    }

    /** The request for the next scroll page, or null. */
    @SuppressWarnings("unchecked")
    private static Step nextPage(Step step, EdgeOracle.Answer engine) {
        if (step.op() != Step.Op.SCROLL || engine.failed()) {
            return null;
        }
        Object next = ((Map<String, Object>) engine.value()).get("next");
        if (next == null) {
            return null;
        }
        PointId offset = next instanceof Long n ? PointId.newBuilder().setNum(n).build()
                : PointId.newBuilder().setUuid((String) next).build();
        return new Step(Step.Op.SCROLL, ((ScrollPoints) step.request()).toBuilder().setOffset(offset).build());
    }
}
