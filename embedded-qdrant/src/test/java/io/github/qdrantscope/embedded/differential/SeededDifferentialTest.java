package io.github.qdrantscope.embedded.differential;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * What the focused differential tests (one feature each, fixed seeds) share: both sides started once per class,
 * and the loop that runs every seed's operations against both and collects every difference before failing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SeededDifferentialTest {

    /** One seed's data and operations; {@code random} is {@code new Random(seed)}, for the test to draw from. */
    interface Seeded {
        DifferentialRun.Result run(DifferentialRun run, long seed, Random random);
    }

    private DifferentialSides sides;

    @BeforeAll
    void startSides() {
        sides = DifferentialSides.start();
    }

    @AfterAll
    void stopSides() {
        if (sides != null) {
            sides.close();
        }
    }

    /** A run over this class's sides, for hand-written scenarios. */
    DifferentialRun newRun() {
        return sides.newRun();
    }

    /**
     * Runs seeds 1 to {@code seeds} and fails naming every seed that disagreed.
     *
     * @return how many steps were only checked for succeeding (ties the engine may break either way)
     */
    int assertSeedsAgree(int seeds, Seeded seeded) {
        DifferentialRun run = sides.newRun();
        List<String> differences = new ArrayList<>();
        int ambiguous = 0;
        for (long seed = 1; seed <= seeds; seed++) {
            DifferentialRun.Result result = seeded.run(run, seed, new Random(seed));
            ambiguous += result.ambiguous();
            if (!result.agreed()) {
                differences.add("seed " + seed + ", " + result.difference());
            }
        }
        assertThat(differences).as("differences from Qdrant's engine").isEmpty();
        return ambiguous;
    }
}
