package io.github.qdrantscope.rawdemo;

import static io.github.qdrantscope.rawdemo.support.Fixtures.ALPHA;
import static io.github.qdrantscope.rawdemo.support.Fixtures.CHUNK_ALPHA_A;
import static io.github.qdrantscope.rawdemo.support.Fixtures.CHUNK_ALPHA_B;
import static io.github.qdrantscope.rawdemo.support.Fixtures.CHUNK_ONE_A;
import static io.github.qdrantscope.rawdemo.support.Fixtures.CHUNK_ONE_B;
import static io.github.qdrantscope.rawdemo.support.Fixtures.ONE;
import static io.github.qdrantscope.rawdemo.support.Fixtures.QUERY;
import static io.github.qdrantscope.rawdemo.support.Fixtures.chunks;
import static io.github.qdrantscope.rawdemo.support.Fixtures.corpus;
import static io.github.qdrantscope.rawdemo.support.Fixtures.token;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import io.github.qdrantscope.core.ScopedProject;
import io.github.qdrantscope.rawdemo.support.Neighbour;
import io.qdrant.client.QdrantClient;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** The second hard-coded collection: chunks found and deleted by their document, per test. */
@SpringBootTest
@ScopedProject
class ChunksTest {

    @Autowired
    KnowledgeBase knowledgeBase;

    @Autowired
    QdrantClient client;

    @Test
    void readsADocumentsChunksInOrder() {
        String token = token();
        this.knowledgeBase.addChunks(chunks(token));
        assertThat(this.knowledgeBase.chunksOf(ONE)).containsExactlyElementsOf(chunks(token).subList(0, 2));
        assertThat(this.knowledgeBase.chunksOf(ALPHA)).containsExactlyElementsOf(chunks(token).subList(2, 4));
        assertThat(this.knowledgeBase.countChunks()).isEqualTo(4);
    }

    @Test
    void searchesChunks() {
        String token = token();
        this.knowledgeBase.addChunks(chunks(token));
        List<Hit> hits = this.knowledgeBase.searchChunks(QUERY, 3);
        assertThat(hits).extracting(Hit::id).containsExactly(CHUNK_ONE_A, CHUNK_ONE_B, CHUNK_ALPHA_A);
        assertThat(hits).extracting(Hit::title).containsExactly(token + "/one#0", token + "/one#1", token + "/alpha#0");
    }

    @Test
    void deletingADocumentsChunksByFilterLeavesEverythingElse() {
        String theirs = token();
        try (Neighbour neighbour = new Neighbour(this.client)) {
            neighbour.run(() -> this.knowledgeBase.addChunks(chunks(theirs)));
            String token = token();
            this.knowledgeBase.ingest(corpus(token));
            this.knowledgeBase.addChunks(chunks(token));

            this.knowledgeBase.deleteChunksOf(ONE);

            assertThat(this.knowledgeBase.chunksOf(ONE)).isEmpty();
            assertThat(this.knowledgeBase.chunksOf(ALPHA)).containsExactlyElementsOf(chunks(token).subList(2, 4));
            assertThat(this.knowledgeBase.countChunks()).isEqualTo(2);
            assertThat(this.knowledgeBase.count(Criteria.ALL)).isEqualTo(6);
            assertThat(this.knowledgeBase.searchChunks(QUERY, 10)).extracting(Hit::id)
                .containsExactly(CHUNK_ALPHA_A, CHUNK_ALPHA_B);
            assertThat(neighbour.call(() -> this.knowledgeBase.chunksOf(ONE)))
                .containsExactlyElementsOf(chunks(theirs).subList(0, 2));
            assertThat(neighbour.call(this.knowledgeBase::countChunks)).isEqualTo(4);
        }
    }

    @Test
    void chunksAndDocumentsShareIdsWithoutMixing() {
        // chunk ids 11 and 12 exist only in "chunks"; document 1 only in "documents"
        String token = token();
        this.knowledgeBase.addChunks(chunks(token));
        assertThat(this.knowledgeBase.count(Criteria.ALL)).isZero();
        assertThat(this.knowledgeBase.get(List.of(CHUNK_ONE_A, ONE))).isEmpty();
    }
}
