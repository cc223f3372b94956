package io.github.qdrantscope.rawdemo;

import static io.github.qdrantscope.rawdemo.support.Fixtures.ALPHA;
import static io.github.qdrantscope.rawdemo.support.Fixtures.BETA;
import static io.github.qdrantscope.rawdemo.support.Fixtures.GAMMA;
import static io.github.qdrantscope.rawdemo.support.Fixtures.ONE;
import static io.github.qdrantscope.rawdemo.support.Fixtures.THREE;
import static io.github.qdrantscope.rawdemo.support.Fixtures.TWO;
import static io.github.qdrantscope.rawdemo.support.Fixtures.corpus;
import static io.github.qdrantscope.rawdemo.support.Fixtures.token;
import static io.github.qdrantscope.rawdemo.support.Ranking.assertRanked;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;

import io.github.qdrantscope.core.ScopedProject;
import io.github.qdrantscope.rawdemo.support.Fixtures;
import io.grpc.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Query by id and recommend by example ids: the examples are this test's own points (every test has points
 * with these ids), the examples themselves are left out, and the ranking follows this test's vectors.
 */
@SpringBootTest
@ScopedProject
class SimilarityTest {

    @Autowired
    KnowledgeBase knowledgeBase;

    static Stream<Arguments> similar() {
        return Stream.of(
                Arguments.of(ONE, Criteria.ALL, List.of(TWO, THREE, ALPHA, BETA, GAMMA)),
                Arguments.of(TWO, Criteria.ALL, List.of(ONE, THREE, ALPHA, BETA, GAMMA)),
                Arguments.of(THREE, Criteria.ALL, List.of(TWO, ALPHA, ONE, BETA, GAMMA)),
                Arguments.of(ALPHA, Criteria.ALL, List.of(THREE, BETA, TWO, GAMMA, ONE)),
                Arguments.of(BETA, Criteria.ALL, List.of(GAMMA, ALPHA, THREE, TWO, ONE)),
                Arguments.of(GAMMA, Criteria.ALL, List.of(BETA, ALPHA, THREE, TWO, ONE)),
                Arguments.of(THREE, Criteria.category("guide"), List.of(ALPHA, ONE, GAMMA)),
                Arguments.of(GAMMA, Criteria.anyTag("java"), List.of(TWO, ONE)));
    }

    @ParameterizedTest(name = "similar to {0} ({1})")
    @MethodSource("similar")
    void queryByIdRanksThisTestsOtherDocuments(DocumentId example, Criteria criteria, List<DocumentId> expected) {
        String token = token();
        this.knowledgeBase.ingest(corpus(token));
        assertRanked(this.knowledgeBase.similarTo(example, criteria, 10), token, Fixtures.ANGLES.get(example),
                expected);
    }

    @Test
    void recommendLikeTwoExamples() {
        String token = token();
        this.knowledgeBase.ingest(corpus(token));
        // the average of the examples at 0 and 10 degrees points at 5 degrees
        assertRanked(this.knowledgeBase.recommend(List.of(ONE, TWO), List.of(), 10), token, 5,
                List.of(THREE, ALPHA, BETA, GAMMA));
    }

    @Test
    void recommendLikeOneUnlikeAnother() {
        String token = token();
        this.knowledgeBase.ingest(corpus(token));
        // average_vector: 2 * positive - negative = 2 * at(85) - at(0), about 112.5 degrees
        float[] p = Fixtures.at(85);
        double x = 2 * p[0] - 1;
        double y = 2 * p[1];
        double angle = Math.toDegrees(Math.atan2(y, x));
        List<Hit> hits = this.knowledgeBase.recommend(List.of(GAMMA), List.of(ONE), 10);
        assertThat(hits).extracting(Hit::id).containsExactly(BETA, ALPHA, THREE, TWO);
        assertRanked(hits, token, angle, List.of(BETA, ALPHA, THREE, TWO));
    }

    @Test
    void recommendTopTwo() {
        String token = token();
        this.knowledgeBase.ingest(corpus(token));
        assertRanked(this.knowledgeBase.recommend(List.of(BETA), List.of(), 2), token, 70, List.of(GAMMA, ALPHA));
    }

    @Test
    void anExampleThisTestDidNotWriteIsNotFound() {
        // every other test has a point 2; this one does not
        String token = token();
        this.knowledgeBase.ingest(List.of(Fixtures.document(token, ONE), Fixtures.document(token, THREE)));
        assertThat(this.knowledgeBase.similarTo(ONE, Criteria.ALL, 10)).extracting(Hit::id).containsExactly(THREE);
        assertThatThrownBy(() -> this.knowledgeBase.similarTo(TWO, Criteria.ALL, 10))
            .isInstanceOfSatisfying(KnowledgeBaseException.class, ex -> {
                assertThat(ex.status().getCode()).isEqualTo(Status.Code.NOT_FOUND);
                assertThat(ex.status().getDescription()).isEqualTo("Not found: No point with id 2 found");
            });
    }
}
