package io.github.qdrantscope.rawdemo;

import static io.github.qdrantscope.rawdemo.support.Fixtures.ALPHA;
import static io.github.qdrantscope.rawdemo.support.Fixtures.BETA;
import static io.github.qdrantscope.rawdemo.support.Fixtures.DELTA;
import static io.github.qdrantscope.rawdemo.support.Fixtures.FOUR;
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

import java.util.List;
import java.util.Map;

import io.github.qdrantscope.core.ScopedProject;
import io.github.qdrantscope.rawdemo.support.Neighbour;
import io.qdrant.client.QdrantClient;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** Batch updates (several operations in one UpdateBatch call): applied to this test's points only. */
@SpringBootTest
@ScopedProject
class BatchUpdateTest {

    @Autowired
    KnowledgeBase knowledgeBase;

    @Autowired
    QdrantClient client;

    @Test
    void archiveSetsTheCategoryAndRemovesTags() {
        String token = token();
        this.knowledgeBase.ingest(corpus(token));
        this.knowledgeBase.archive(List.of(ONE, ALPHA));
        Document one = document(token, ONE);
        Document alpha = document(token, ALPHA);
        assertThat(this.knowledgeBase.get(List.of(ONE, ALPHA))).containsExactly(
                new Document(ONE, one.title(), KnowledgeBase.ARCHIVE, List.of(), one.year(), one.vector()),
                new Document(ALPHA, alpha.title(), KnowledgeBase.ARCHIVE, List.of(), alpha.year(), alpha.vector()));
        assertThat(this.knowledgeBase.countByCategory(Criteria.ALL)).containsExactly(Map.entry("archive", 2L),
                Map.entry("faq", 2L), Map.entry("guide", 1L), Map.entry("news", 1L));
        assertThat(this.knowledgeBase.ids(Criteria.anyTag("spring"), 10)).containsExactly(BETA);
    }

    @Test
    void archiveLeavesTheNeighbourAlone() {
        String theirs = token();
        try (Neighbour neighbour = new Neighbour(this.client)) {
            neighbour.run(() -> this.knowledgeBase.ingest(corpus(theirs)));
            Map<String, Long> before = neighbour.call(() -> this.knowledgeBase.countByCategory(Criteria.ALL));
            this.knowledgeBase.ingest(corpus(token()));
            this.knowledgeBase.archive(IDS);
            assertThat(this.knowledgeBase.countByCategory(Criteria.ALL)).containsExactly(Map.entry("archive", 6L));
            assertThat(neighbour.call(() -> this.knowledgeBase.countByCategory(Criteria.ALL))).isEqualTo(before)
                .containsExactly(Map.entry("guide", 3L), Map.entry("faq", 2L), Map.entry("news", 1L));
            assertThat(neighbour.call(() -> this.knowledgeBase.get(IDS))).containsExactlyElementsOf(corpus(theirs));
        }
    }

    @Test
    void replaceANumericIdByAUuid() {
        String token = token();
        this.knowledgeBase.ingest(corpus(token));
        Document delta = new Document(DELTA, token + "/delta", "news", List.of("java"), 2026, at(20));
        this.knowledgeBase.replace(THREE, delta);
        assertThat(this.knowledgeBase.ids(Criteria.ALL, 10)).containsExactly(ONE, TWO, ALPHA, BETA, GAMMA, DELTA);
        assertThat(this.knowledgeBase.get(DELTA)).contains(delta);
        assertThat(this.knowledgeBase.get(THREE)).isEmpty();
        assertThat(this.knowledgeBase.search(QUERY, Criteria.category("news"), 10)).extracting(Hit::id)
            .containsExactly(DELTA);
    }

    @Test
    void replaceAUuidByANumericId() {
        String token = token();
        this.knowledgeBase.ingest(corpus(token));
        Document four = new Document(FOUR, token + "/4", "faq", List.of(), 2019, at(60));
        this.knowledgeBase.replace(GAMMA, four);
        assertThat(this.knowledgeBase.ids(Criteria.ALL, 3)).containsExactly(ONE, TWO, THREE, FOUR, ALPHA, BETA);
        assertThat(this.knowledgeBase.count(Criteria.category("faq"))).isEqualTo(3);
    }
}
