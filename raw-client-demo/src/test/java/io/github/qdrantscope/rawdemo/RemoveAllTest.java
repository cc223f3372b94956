package io.github.qdrantscope.rawdemo;

import static io.github.qdrantscope.rawdemo.support.Fixtures.IDS;
import static io.github.qdrantscope.rawdemo.support.Fixtures.ONE;
import static io.github.qdrantscope.rawdemo.support.Fixtures.chunks;
import static io.github.qdrantscope.rawdemo.support.Fixtures.corpus;
import static io.github.qdrantscope.rawdemo.support.Fixtures.document;
import static io.github.qdrantscope.rawdemo.support.Fixtures.token;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import io.github.qdrantscope.core.ScopedProject;
import io.github.qdrantscope.rawdemo.support.Fixtures;
import io.github.qdrantscope.rawdemo.support.Neighbour;
import io.qdrant.client.QdrantClient;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * "Remove all" is a delete with an EMPTY filter in both collections: in a shared Qdrant it would wipe every
 * test's data. Here it empties this test's knowledge base and nothing else.
 */
@SpringBootTest
@ScopedProject
class RemoveAllTest {

    @Autowired
    KnowledgeBase knowledgeBase;

    @Autowired
    QdrantClient client;

    @RepeatedTest(8)
    void removeAllEmptiesThisTestOnly() {
        String theirs = token();
        try (Neighbour neighbour = new Neighbour(this.client)) {
            neighbour.run(() -> {
                this.knowledgeBase.ingest(corpus(theirs));
                this.knowledgeBase.addChunks(chunks(theirs));
            });
            long theirDocuments = neighbour.call(() -> this.knowledgeBase.count(Criteria.ALL));
            long theirChunks = neighbour.call(this.knowledgeBase::countChunks);
            List<DocumentId> theirIds = neighbour.call(() -> this.knowledgeBase.ids(Criteria.ALL, 10));

            String token = token();
            this.knowledgeBase.ingest(corpus(token));
            this.knowledgeBase.addChunks(chunks(token));
            assertThat(this.knowledgeBase.count(Criteria.ALL)).isEqualTo(6);
            assertThat(this.knowledgeBase.countChunks()).isEqualTo(4);

            this.knowledgeBase.removeAll();

            assertThat(this.knowledgeBase.count(Criteria.ALL)).isZero();
            assertThat(this.knowledgeBase.countChunks()).isZero();
            assertThat(this.knowledgeBase.ids(Criteria.ALL, 10)).isEmpty();
            assertThat(this.knowledgeBase.chunksOf(ONE)).isEmpty();

            assertThat(theirDocuments).isEqualTo(6);
            assertThat(theirChunks).isEqualTo(4);
            assertThat(neighbour.call(() -> this.knowledgeBase.count(Criteria.ALL))).isEqualTo(theirDocuments);
            assertThat(neighbour.call(this.knowledgeBase::countChunks)).isEqualTo(theirChunks);
            assertThat(neighbour.call(() -> this.knowledgeBase.ids(Criteria.ALL, 10))).isEqualTo(theirIds)
                .containsExactlyElementsOf(IDS);
            assertThat(neighbour.call(() -> this.knowledgeBase.get(IDS))).containsExactlyElementsOf(corpus(theirs));
            assertThat(neighbour.call(() -> this.knowledgeBase.chunksOf(ONE)))
                .containsExactlyElementsOf(chunks(theirs).subList(0, 2));
        }
    }

    @Test
    void removeAllKeepsTheCollections() {
        this.knowledgeBase.ingest(corpus(token()));
        this.knowledgeBase.removeAll();
        assertThat(this.knowledgeBase.collections()).containsExactly("chunks", "documents");
    }

    @Test
    void removeAllOnAnEmptyKnowledgeBaseAndStartAgain() {
        this.knowledgeBase.removeAll();
        String token = token();
        this.knowledgeBase.ingest(List.of(document(token, Fixtures.BETA)));
        assertThat(this.knowledgeBase.get(IDS)).containsExactly(document(token, Fixtures.BETA));
    }
}
