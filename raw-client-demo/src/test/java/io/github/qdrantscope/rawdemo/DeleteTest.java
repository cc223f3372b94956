package io.github.qdrantscope.rawdemo;

import static io.github.qdrantscope.rawdemo.support.Fixtures.ALPHA;
import static io.github.qdrantscope.rawdemo.support.Fixtures.BETA;
import static io.github.qdrantscope.rawdemo.support.Fixtures.GAMMA;
import static io.github.qdrantscope.rawdemo.support.Fixtures.IDS;
import static io.github.qdrantscope.rawdemo.support.Fixtures.ONE;
import static io.github.qdrantscope.rawdemo.support.Fixtures.THREE;
import static io.github.qdrantscope.rawdemo.support.Fixtures.TWO;
import static io.github.qdrantscope.rawdemo.support.Fixtures.corpus;
import static io.github.qdrantscope.rawdemo.support.Fixtures.document;
import static io.github.qdrantscope.rawdemo.support.Fixtures.token;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import io.github.qdrantscope.core.ScopedProject;
import io.github.qdrantscope.rawdemo.support.Neighbour;
import io.qdrant.client.QdrantClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** Delete by ids and by filter: this test's points go, a neighbour's points with the same ids stay. */
@SpringBootTest
@ScopedProject
class DeleteTest {

    @Autowired
    KnowledgeBase knowledgeBase;

    @Autowired
    QdrantClient client;

    static List<DocumentId> ids() {
        return IDS;
    }

    @ParameterizedTest(name = "delete {0}")
    @MethodSource("ids")
    void deletesOneIdOfThisTest(DocumentId deleted) {
        String token = token();
        this.knowledgeBase.ingest(corpus(token));
        this.knowledgeBase.delete(List.of(deleted));
        List<DocumentId> rest = new ArrayList<>(IDS);
        rest.remove(deleted);
        assertThat(this.knowledgeBase.ids(Criteria.ALL, 10)).containsExactlyElementsOf(rest);
        assertThat(this.knowledgeBase.get(deleted)).isEmpty();
        assertThat(this.knowledgeBase.count(Criteria.ALL)).isEqualTo(5);
    }

    @Test
    void deletesNumericAndUuidIdsTogetherAndLeavesTheNeighbour() {
        String theirs = token();
        try (Neighbour neighbour = new Neighbour(this.client)) {
            neighbour.run(() -> this.knowledgeBase.ingest(corpus(theirs)));
            assertThat(neighbour.call(() -> this.knowledgeBase.ids(Criteria.ALL, 10))).containsExactlyElementsOf(IDS);

            String token = token();
            this.knowledgeBase.ingest(corpus(token));
            this.knowledgeBase.delete(List.of(ONE, ALPHA));

            assertThat(this.knowledgeBase.get(IDS)).containsExactly(document(token, TWO), document(token, THREE),
                    document(token, BETA), document(token, GAMMA));
            assertThat(neighbour.call(() -> this.knowledgeBase.get(IDS))).containsExactlyElementsOf(corpus(theirs));
        }
    }

    static Stream<Arguments> filters() {
        return Stream.of(
                Arguments.of(Criteria.category("guide"), List.of(TWO, THREE, BETA)),
                Arguments.of(Criteria.years(null, 2021), List.of(TWO, THREE, ALPHA, GAMMA)),
                Arguments.of(Criteria.anyTag("qdrant"), List.of(ONE, TWO, BETA, GAMMA)),
                Arguments.of(new Criteria("faq", List.of("spring"), null, null), List.of(ONE, TWO, THREE, ALPHA, GAMMA)),
                Arguments.of(Criteria.category("nothing"), IDS));
    }

    @ParameterizedTest(name = "delete where {0}")
    @MethodSource("filters")
    void deleteByFilterTouchesOnlyThisTest(Criteria criteria, List<DocumentId> remaining) {
        String theirs = token();
        try (Neighbour neighbour = new Neighbour(this.client)) {
            neighbour.run(() -> this.knowledgeBase.ingest(corpus(theirs)));
            long theirCountBefore = neighbour.call(() -> this.knowledgeBase.count(Criteria.ALL));
            long theirMatchesBefore = neighbour.call(() -> this.knowledgeBase.count(criteria));

            String token = token();
            this.knowledgeBase.ingest(corpus(token));
            this.knowledgeBase.deleteWhere(criteria);

            assertThat(this.knowledgeBase.ids(Criteria.ALL, 10)).containsExactlyElementsOf(remaining);
            assertThat(this.knowledgeBase.count(criteria)).isZero();
            assertThat(theirCountBefore).isEqualTo(6);
            assertThat(neighbour.call(() -> this.knowledgeBase.count(Criteria.ALL))).isEqualTo(theirCountBefore);
            assertThat(neighbour.call(() -> this.knowledgeBase.count(criteria))).isEqualTo(theirMatchesBefore);
            assertThat(neighbour.call(() -> this.knowledgeBase.get(IDS))).containsExactlyElementsOf(corpus(theirs));
        }
    }

    @Test
    void deletedIdsCanBeWrittenAgain() {
        String token = token();
        this.knowledgeBase.ingest(corpus(token));
        this.knowledgeBase.delete(IDS);
        assertThat(this.knowledgeBase.count(Criteria.ALL)).isZero();
        this.knowledgeBase.ingest(List.of(document(token, GAMMA)));
        assertThat(this.knowledgeBase.get(IDS)).containsExactly(document(token, GAMMA));
    }
}
