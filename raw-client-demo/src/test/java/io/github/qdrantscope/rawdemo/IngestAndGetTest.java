package io.github.qdrantscope.rawdemo;

import static io.github.qdrantscope.rawdemo.support.Fixtures.ALPHA;
import static io.github.qdrantscope.rawdemo.support.Fixtures.GAMMA;
import static io.github.qdrantscope.rawdemo.support.Fixtures.IDS;
import static io.github.qdrantscope.rawdemo.support.Fixtures.ONE;
import static io.github.qdrantscope.rawdemo.support.Fixtures.corpus;
import static io.github.qdrantscope.rawdemo.support.Fixtures.document;
import static io.github.qdrantscope.rawdemo.support.Fixtures.token;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

import io.github.qdrantscope.core.ScopedProject;
import io.github.qdrantscope.rawdemo.support.Fixtures;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** Ingest and get by ids: exactly what this test wrote, under the fixed ids every test uses. */
@SpringBootTest
@ScopedProject
class IngestAndGetTest {

    @Autowired
    KnowledgeBase knowledgeBase;

    @RepeatedTest(6)
    void getsEveryDocumentItWrote() {
        String token = token();
        this.knowledgeBase.ingest(corpus(token));
        // payload, tags, year and the vector exactly as written, in the order asked
        assertThat(this.knowledgeBase.get(IDS)).containsExactlyElementsOf(corpus(token));
        List<DocumentId> reversed = new ArrayList<>(IDS);
        Collections.reverse(reversed);
        List<Document> expected = new ArrayList<>(corpus(token));
        Collections.reverse(expected);
        assertThat(this.knowledgeBase.get(reversed)).containsExactlyElementsOf(expected);
    }

    static Stream<DocumentId> ids() {
        return IDS.stream();
    }

    @ParameterizedTest
    @MethodSource("ids")
    void getsOneDocumentByNumericOrUuidId(DocumentId id) {
        String token = token();
        this.knowledgeBase.ingest(corpus(token));
        assertThat(this.knowledgeBase.get(id)).contains(document(token, id));
    }

    @Test
    void writingTheSameIdsAgainReplacesOnlyThisTestsDocuments() {
        String first = token();
        String second = token();
        this.knowledgeBase.ingest(corpus(first));
        this.knowledgeBase.ingest(corpus(second));
        assertThat(this.knowledgeBase.get(IDS)).containsExactlyElementsOf(corpus(second));
        assertThat(this.knowledgeBase.count(Criteria.ALL)).isEqualTo(6);
    }

    @Test
    void idsThisTestDidNotWriteAreNotThere() {
        // every other test writes all six ids; this one writes two
        String token = token();
        this.knowledgeBase.ingest(List.of(document(token, ONE), document(token, ALPHA)));
        assertThat(this.knowledgeBase.get(IDS)).containsExactly(document(token, ONE), document(token, ALPHA));
        assertThat(this.knowledgeBase.get(GAMMA)).isEmpty();
        assertThat(this.knowledgeBase.count(Criteria.ALL)).isEqualTo(2);
    }

    @Test
    void ingestsNumericAndUuidIdsInOneCall() {
        String token = token();
        this.knowledgeBase.ingest(List.of(document(token, Fixtures.GAMMA), document(token, Fixtures.TWO)));
        assertThat(this.knowledgeBase.ids(Criteria.ALL, 10)).containsExactly(Fixtures.TWO, Fixtures.GAMMA);
    }
}
