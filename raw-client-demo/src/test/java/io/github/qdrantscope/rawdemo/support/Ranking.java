package io.github.qdrantscope.rawdemo.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import io.github.qdrantscope.rawdemo.DocumentId;
import io.github.qdrantscope.rawdemo.Hit;

/** The expected scores, computed independently of Qdrant: cosine similarities of the fixture angles. */
public final class Ranking {

    private Ranking() {
    }

    /** The cosine similarity of a document at {@code degrees} to a query at {@code queryDegrees}. */
    public static double score(double queryDegrees, double degrees) {
        return Math.cos(Math.toRadians(degrees - queryDegrees));
    }

    /**
     * Asserts that {@code hits} are exactly {@code expected}, in that order, each titled with the test's token and
     * scored as the cosine to the query angle, and that scores strictly decrease.
     */
    public static void assertRanked(List<Hit> hits, String token, double queryDegrees, List<DocumentId> expected) {
        assertThat(hits).extracting(Hit::id).containsExactlyElementsOf(expected);
        for (int i = 0; i < hits.size(); i++) {
            Hit hit = hits.get(i);
            assertThat(hit.title()).isEqualTo(Fixtures.title(token, hit.id()));
            assertThat((double) hit.score()).as("score of %s", hit.id())
                .isCloseTo(score(queryDegrees, Fixtures.ANGLES.get(hit.id())), within(1e-5));
            if (i > 0) {
                assertThat(hit.score()).isLessThan(hits.get(i - 1).score());
            }
        }
    }
}
