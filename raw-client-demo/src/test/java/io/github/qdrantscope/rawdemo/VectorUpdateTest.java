package io.github.qdrantscope.rawdemo;

import static io.github.qdrantscope.rawdemo.support.Fixtures.ALPHA;
import static io.github.qdrantscope.rawdemo.support.Fixtures.BETA;
import static io.github.qdrantscope.rawdemo.support.Fixtures.GAMMA;
import static io.github.qdrantscope.rawdemo.support.Fixtures.IDS;
import static io.github.qdrantscope.rawdemo.support.Fixtures.ONE;
import static io.github.qdrantscope.rawdemo.support.Fixtures.QUERY;
import static io.github.qdrantscope.rawdemo.support.Fixtures.THREE;
import static io.github.qdrantscope.rawdemo.support.Fixtures.TWO;
import static io.github.qdrantscope.rawdemo.support.Fixtures.at;
import static io.github.qdrantscope.rawdemo.support.Fixtures.corpus;
import static io.github.qdrantscope.rawdemo.support.Fixtures.document;
import static io.github.qdrantscope.rawdemo.support.Fixtures.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import io.github.qdrantscope.core.ScopedProject;
import io.github.qdrantscope.rawdemo.support.Neighbour;
import io.grpc.Status;
import io.qdrant.client.QdrantClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** Update vectors: this test's point moves, the ranking follows, nobody else's point moves. */
@SpringBootTest
@ScopedProject
class VectorUpdateTest {

    @Autowired
    KnowledgeBase knowledgeBase;

    @Autowired
    QdrantClient client;

    static List<DocumentId> ids() {
        return IDS;
    }

    @ParameterizedTest(name = "move {0} to the back")
    @MethodSource("ids")
    void movedDocumentRanksLast(DocumentId moved) {
        String token = token();
        this.knowledgeBase.ingest(corpus(token));
        this.knowledgeBase.updateVector(moved, at(180));
        assertThat(this.knowledgeBase.get(moved).orElseThrow().vector()).isEqualTo(at(180));
        List<DocumentId> expected = new java.util.ArrayList<>(IDS);
        expected.remove(moved);
        expected.add(moved);
        assertThat(this.knowledgeBase.search(QUERY, Criteria.ALL, 10)).extracting(Hit::id)
            .containsExactlyElementsOf(expected);
    }

    @Test
    void movedDocumentRanksSecond() {
        String token = token();
        this.knowledgeBase.ingest(corpus(token));
        this.knowledgeBase.updateVector(GAMMA, at(5));
        assertThat(this.knowledgeBase.query(QUERY, Criteria.ALL, 10)).extracting(Hit::id)
            .containsExactly(ONE, GAMMA, TWO, THREE, ALPHA, BETA);
        Document gamma = document(token, GAMMA);
        assertThat(this.knowledgeBase.get(GAMMA)).contains(new Document(GAMMA, gamma.title(), gamma.category(),
                gamma.tags(), gamma.year(), at(5)));
    }

    @Test
    void theNeighboursVectorStaysWhereItWas() {
        String theirs = token();
        try (Neighbour neighbour = new Neighbour(this.client)) {
            neighbour.run(() -> this.knowledgeBase.ingest(corpus(theirs)));
            this.knowledgeBase.ingest(corpus(token()));
            this.knowledgeBase.updateVector(ONE, at(180));
            assertThat(neighbour.call(() -> this.knowledgeBase.get(ONE))).contains(document(theirs, ONE));
            assertThat(neighbour.call(() -> this.knowledgeBase.search(QUERY, Criteria.ALL, 1))).extracting(Hit::id)
                .containsExactly(ONE);
            assertThat(this.knowledgeBase.search(QUERY, Criteria.ALL, 1)).extracting(Hit::id).containsExactly(TWO);
        }
    }

    @Test
    void vectorOfAnIdThisTestDidNotWriteIsNotFound() {
        this.knowledgeBase.ingest(List.of(document(token(), ONE)));
        assertThatThrownBy(() -> this.knowledgeBase.updateVector(BETA, at(1)))
            .isInstanceOfSatisfying(KnowledgeBaseException.class,
                    ex -> assertThat(ex.status().getCode()).isEqualTo(Status.Code.NOT_FOUND));
        assertThat(this.knowledgeBase.count(Criteria.ALL)).isEqualTo(1);
    }
}
