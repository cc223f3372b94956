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
import static io.github.qdrantscope.rawdemo.support.Fixtures.title;
import static io.github.qdrantscope.rawdemo.support.Fixtures.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import io.github.qdrantscope.core.ScopedProject;
import io.github.qdrantscope.rawdemo.support.Neighbour;
import io.grpc.Status;
import io.qdrant.client.QdrantClient;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** Set, overwrite, delete and clear payload: on this test's points only. */
@SpringBootTest
@ScopedProject
class PayloadTest {

    @Autowired
    KnowledgeBase knowledgeBase;

    @Autowired
    QdrantClient client;

    @Test
    void setFieldsMergesIntoThisTestsDocuments() {
        String token = token();
        this.knowledgeBase.ingest(corpus(token));
        this.knowledgeBase.setFields(List.of(ONE, ALPHA), Map.of("category", "faq", "reviewed", true));
        Document one = document(token, ONE);
        assertThat(this.knowledgeBase.get(ONE)).contains(new Document(ONE, one.title(), "faq", one.tags(),
                one.year(), one.vector()));
        assertThat(this.knowledgeBase.get(TWO)).contains(document(token, TWO));
        assertThat(this.knowledgeBase.count(Criteria.category("faq"))).isEqualTo(4);
        assertThat(this.knowledgeBase.countByCategory(Criteria.ALL))
            .containsExactly(Map.entry("faq", 4L), Map.entry("guide", 1L), Map.entry("news", 1L));
    }

    @Test
    void replaceFieldsOverwritesTheWholePayload() {
        String token = token();
        this.knowledgeBase.ingest(corpus(token));
        this.knowledgeBase.replaceFields(List.of(TWO), Map.of("title", "rewritten", "category", "news", "year", 2000));
        assertThat(this.knowledgeBase.get(TWO))
            .contains(new Document(TWO, "rewritten", "news", List.of(), 2000, document(token, TWO).vector()));
        assertThat(this.knowledgeBase.ids(Criteria.category("news"), 10)).containsExactly(TWO, THREE);
    }

    @Test
    void removeFieldsDeletesThoseKeys() {
        String token = token();
        this.knowledgeBase.ingest(corpus(token));
        this.knowledgeBase.removeFields(List.of(ONE, TWO, THREE), List.of("tags"));
        assertThat(this.knowledgeBase.get(List.of(ONE, TWO, THREE))).extracting(Document::tags)
            .containsOnly(List.of());
        assertThat(this.knowledgeBase.count(Criteria.anyTag("java"))).isZero();
        assertThat(this.knowledgeBase.ids(Criteria.anyTag("spring", "qdrant"), 10)).containsExactly(ALPHA, BETA);
    }

    @Test
    void clearFieldsEmptiesThisTestsPayloadOnlyAndKeepsThePoints() {
        String token = token();
        String theirs = token();
        try (Neighbour neighbour = new Neighbour(this.client)) {
            neighbour.run(() -> this.knowledgeBase.ingest(corpus(theirs)));
            this.knowledgeBase.ingest(corpus(token));

            this.knowledgeBase.clearFields(List.of(BETA, GAMMA));

            assertThat(this.knowledgeBase.get(List.of(BETA, GAMMA))).containsExactly(
                    new Document(BETA, null, null, List.of(), 0, at(70)),
                    new Document(GAMMA, null, null, List.of(), 0, at(85)));
            // the points stay (in this test's project): counted, listed and found by vector
            assertThat(this.knowledgeBase.count(Criteria.ALL)).isEqualTo(6);
            assertThat(this.knowledgeBase.ids(Criteria.ALL, 4)).containsExactlyElementsOf(IDS);
            assertThat(this.knowledgeBase.search(QUERY, Criteria.ALL, 6)).extracting(Hit::title).containsExactly(
                    title(token, ONE), title(token, TWO), title(token, THREE), title(token, ALPHA), null, null);
            assertThat(this.knowledgeBase.countByCategory(Criteria.ALL))
                .containsExactly(Map.entry("guide", 2L), Map.entry("faq", 1L), Map.entry("news", 1L));
            // the neighbour's BETA and GAMMA keep their payload
            assertThat(neighbour.call(() -> this.knowledgeBase.get(IDS))).containsExactlyElementsOf(corpus(theirs));
        }
    }

    @Test
    void payloadOfAnIdThisTestDidNotWriteIsNotFound() {
        // every other test has a point 3; this one does not
        String token = token();
        this.knowledgeBase.ingest(List.of(document(token, ONE)));
        assertThatThrownBy(() -> this.knowledgeBase.setFields(List.of(THREE), Map.of("reviewed", true)))
            .isInstanceOfSatisfying(KnowledgeBaseException.class,
                    ex -> assertThat(ex.status().getCode()).isEqualTo(Status.Code.NOT_FOUND));
        assertThat(this.knowledgeBase.get(IDS)).containsExactly(document(token, ONE));
    }
}
