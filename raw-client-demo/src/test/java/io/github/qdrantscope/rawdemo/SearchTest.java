package io.github.qdrantscope.rawdemo;

import static io.github.qdrantscope.rawdemo.support.Fixtures.ALPHA;
import static io.github.qdrantscope.rawdemo.support.Fixtures.BETA;
import static io.github.qdrantscope.rawdemo.support.Fixtures.GAMMA;
import static io.github.qdrantscope.rawdemo.support.Fixtures.ONE;
import static io.github.qdrantscope.rawdemo.support.Fixtures.QUERY;
import static io.github.qdrantscope.rawdemo.support.Fixtures.THREE;
import static io.github.qdrantscope.rawdemo.support.Fixtures.TWO;
import static io.github.qdrantscope.rawdemo.support.Fixtures.corpus;
import static io.github.qdrantscope.rawdemo.support.Fixtures.token;
import static io.github.qdrantscope.rawdemo.support.Ranking.assertRanked;

import java.util.List;
import java.util.stream.Stream;

import io.github.qdrantscope.core.ScopedProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** Filtered vector search, through the Search API and the Query API: this test's documents, by score. */
@SpringBootTest
@ScopedProject
class SearchTest {

    @Autowired
    KnowledgeBase knowledgeBase;

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("everything", Criteria.ALL, 10, List.of(ONE, TWO, THREE, ALPHA, BETA, GAMMA)),
                Arguments.of("top three", Criteria.ALL, 3, List.of(ONE, TWO, THREE)),
                Arguments.of("category guide", Criteria.category("guide"), 10, List.of(ONE, ALPHA, GAMMA)),
                Arguments.of("category faq", Criteria.category("faq"), 10, List.of(TWO, BETA)),
                Arguments.of("category news", Criteria.category("news"), 10, List.of(THREE)),
                Arguments.of("unknown category", Criteria.category("nothing"), 10, List.of()),
                Arguments.of("tag spring", Criteria.anyTag("spring"), 10, List.of(ONE, ALPHA, BETA)),
                Arguments.of("tag java or qdrant", Criteria.anyTag("java", "qdrant"), 10, List.of(ONE, TWO, THREE, ALPHA)),
                Arguments.of("years 2022-2024", Criteria.years(2022, 2024), 10, List.of(TWO, THREE, ALPHA)),
                Arguments.of("guide from 2024, top one", new Criteria("guide", List.of(), 2024, null), 1, List.of(ALPHA)));
    }

    @ParameterizedTest(name = "search {0}")
    @MethodSource("cases")
    void searchFindsThisTestsDocumentsByScore(String name, Criteria criteria, int limit, List<DocumentId> expected) {
        String token = token();
        this.knowledgeBase.ingest(corpus(token));
        assertRanked(this.knowledgeBase.search(QUERY, criteria, limit), token, 0, expected);
    }

    @ParameterizedTest(name = "query {0}")
    @MethodSource("cases")
    void queryFindsThisTestsDocumentsByScore(String name, Criteria criteria, int limit, List<DocumentId> expected) {
        String token = token();
        this.knowledgeBase.ingest(corpus(token));
        assertRanked(this.knowledgeBase.query(QUERY, criteria, limit), token, 0, expected);
    }

    @Test
    void searchAmongGivenIds() {
        String token = token();
        this.knowledgeBase.ingest(corpus(token));
        assertRanked(this.knowledgeBase.searchAmong(QUERY, List.of(GAMMA, TWO, BETA)), token, 0,
                List.of(TWO, BETA, GAMMA));
    }

    @Test
    void searchesOnlyWhatThisTestWrote() {
        String token = token();
        this.knowledgeBase.ingest(corpus(token).subList(3, 6));
        assertRanked(this.knowledgeBase.search(QUERY, Criteria.ALL, 10), token, 0, List.of(ALPHA, BETA, GAMMA));
    }
}
