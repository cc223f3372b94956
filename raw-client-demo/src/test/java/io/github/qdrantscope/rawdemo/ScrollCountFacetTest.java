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

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.github.qdrantscope.core.ScopedProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** Scroll pages in id order, exact counts and facets: only this test's points count. */
@SpringBootTest
@ScopedProject
class ScrollCountFacetTest {

    @Autowired
    KnowledgeBase knowledgeBase;

    @Test
    void scrollsThisTestsDocumentsPageByPageInIdOrder() {
        String token = token();
        this.knowledgeBase.ingest(corpus(token));
        Page first = this.knowledgeBase.page(Criteria.ALL, null, 2);
        assertThat(first.documents()).containsExactly(document(token, ONE), document(token, TWO));
        assertThat(first.next()).isEqualTo(THREE);
        Page second = this.knowledgeBase.page(Criteria.ALL, first.next(), 2);
        assertThat(second.documents()).containsExactly(document(token, THREE), document(token, ALPHA));
        assertThat(second.next()).isEqualTo(BETA);
        Page last = this.knowledgeBase.page(Criteria.ALL, second.next(), 2);
        assertThat(last.documents()).containsExactly(document(token, BETA), document(token, GAMMA));
        assertThat(last.next()).isNull();
    }

    @ParameterizedTest(name = "page size {0}")
    @ValueSource(ints = { 1, 2, 3, 4, 5, 6, 7 })
    void everyPageSizeReadsExactlyThisTestsIds(int size) {
        this.knowledgeBase.ingest(corpus(token()));
        assertThat(this.knowledgeBase.ids(Criteria.ALL, size)).containsExactlyElementsOf(IDS);
    }

    @Test
    void scrollsAFilteredPage() {
        String token = token();
        this.knowledgeBase.ingest(corpus(token));
        Page first = this.knowledgeBase.page(Criteria.category("guide"), null, 2);
        assertThat(first.documents()).containsExactly(document(token, ONE), document(token, ALPHA));
        assertThat(first.next()).isEqualTo(GAMMA);
        assertThat(this.knowledgeBase.page(Criteria.category("guide"), GAMMA, 2).documents())
            .containsExactly(document(token, GAMMA));
    }

    static Stream<Arguments> counts() {
        return Stream.of(Arguments.of(Criteria.ALL, 6L), Arguments.of(Criteria.category("guide"), 3L),
                Arguments.of(Criteria.category("faq"), 2L), Arguments.of(Criteria.category("news"), 1L),
                Arguments.of(Criteria.anyTag("spring"), 3L), Arguments.of(Criteria.years(2022, 2024), 3L),
                Arguments.of(Criteria.years(null, 2020), 1L));
    }

    @ParameterizedTest(name = "count {0}")
    @MethodSource("counts")
    void countsOnlyThisTestsDocuments(Criteria criteria, long expected) {
        this.knowledgeBase.ingest(corpus(token()));
        assertThat(this.knowledgeBase.count(criteria)).isEqualTo(expected);
    }

    @Test
    void facetsCountOnlyThisTestsDocuments() {
        this.knowledgeBase.ingest(corpus(token()));
        assertThat(this.knowledgeBase.countByCategory(Criteria.ALL))
            .containsExactlyEntriesOf(ordered("guide", 3L, "faq", 2L, "news", 1L));
        assertThat(this.knowledgeBase.countByCategory(Criteria.anyTag("spring")))
            .containsExactlyEntriesOf(ordered("guide", 2L, "faq", 1L));
    }

    @Test
    void facetsOfAPartOfTheCorpus() {
        String token = token();
        this.knowledgeBase.ingest(List.of(document(token, TWO), document(token, THREE), document(token, BETA)));
        assertThat(this.knowledgeBase.countByCategory(Criteria.ALL))
            .containsExactlyEntriesOf(ordered("faq", 2L, "news", 1L));
        assertThat(this.knowledgeBase.count(Criteria.ALL)).isEqualTo(3);
    }

    private static Map<String, Long> ordered(Object... pairs) {
        Map<String, Long> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], (Long) pairs[i + 1]);
        }
        return map;
    }
}
