package io.github.qdrantscope.embedded.differential;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The embedded server against Qdrant's own engine (Qdrant Edge, through {@code edge_oracle.py}): random
 * scenarios from seeds, every step sent to both, every answer compared ({@link Compare}).
 *
 * <p>CI runs seeds 1, 2, 3, ... until {@link #CI_SECONDS} have passed or {@link #CI_MAX_SEEDS} ran, so
 * the same seeds run on every build (a slower machine runs a prefix of them). The long mode explores
 * further: {@code -Dedge.diff.seconds=600 -Dedge.diff.firstSeed=1000} runs seeds from 1000 on for ten
 * minutes; {@code -Dedge.diff.seed=N} reruns one seed (both with {@code -Dtest=DifferentialTest}). Every
 * difference ever found stays as a named case in {@link DifferentialRegressionTest}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DifferentialTest {

    /** The CI budget of this test: with DifferentialRegressionTest (about 25 s) under a minute of the module's build. */
    static final int CI_SECONDS = 30;
    static final int CI_MAX_SEEDS = 400;
    static final int OPERATIONS = 60;

    private DifferentialSides sides;

    @BeforeAll
    void start() {
        sides = DifferentialSides.start();
    }

    @AfterAll
    void stop() {
        if (sides != null) {
            sides.close();
        }
    }

    @Test
    void randomScenariosAgreeWithQdrantsEngine() {
        Long single = Long.getLong("edge.diff.seed");
        long first = single != null ? single : Long.getLong("edge.diff.firstSeed", 1L);
        long seconds = Long.getLong("edge.diff.seconds", CI_SECONDS);
        long maxSeeds = single != null ? 1 : Long.getLong("edge.diff.seconds") != null ? Long.MAX_VALUE : CI_MAX_SEEDS;
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        DifferentialRun run = sides.newRun();
        List<String> differences = new ArrayList<>();
        int seeds = 0;
        int steps = 0;
        int ambiguous = 0;
        for (long seed = first; seeds < maxSeeds && (seeds == 0 || System.nanoTime() < deadline); seed++) {
            DifferentialRun.Result result = run.run(new Scenario(seed, OPERATIONS));
            seeds++;
            steps += result.steps();
            ambiguous += result.ambiguous();
            if (!result.agreed()) {
                differences.add("seed " + seed + ", " + result.difference());
            }
        }
        System.out.printf("DifferentialTest: %d seeds from %d, %d steps compared (%d only checked for success:"
                + " ties inside a prefetch or a grouping, scores at a threshold), %d differences%n", seeds, first,
                steps, ambiguous, differences.size());
        assertThat(differences).as("differences from Qdrant's engine (rerun one with -Dedge.diff.seed=N)").isEmpty();
    }
}
