package io.github.qdrantscope.demo.store;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

import io.github.qdrantscope.demo.support.DemoTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.ai.document.Document;
import org.springframework.ai.vectorstore.SearchRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spring AI filter expressions (the text syntax, without parentheses) against the twelve-entry catalogue:
 * each result must be exactly the matching entries. The expected set is computed by a Java
 * predicate, independently of Qdrant.
 */
class FilterExpressionTest extends DemoTest {

    private static final String QUERY = "catalogue work";

    static Stream<Arguments> filters() {
        List<Arguments> cases = new ArrayList<>();
        for (String team : Catalogue.TEAMS) {
            cases.add(Arguments.of("team == '" + team + "'", (Predicate<Catalogue.Entry>) e -> e.team().equals(team)));
            cases.add(Arguments.of("team != '" + team + "'", (Predicate<Catalogue.Entry>) e -> !e.team().equals(team)));
        }
        for (String stage : Catalogue.STAGES) {
            cases.add(Arguments.of("stage == '" + stage + "'", (Predicate<Catalogue.Entry>) e -> e.stage().equals(stage)));
        }
        for (int n : new int[] {0, 1, 4, 7, 11, 12}) {
            cases.add(Arguments.of("size > " + n, (Predicate<Catalogue.Entry>) e -> e.size() > n));
            cases.add(Arguments.of("size >= " + n, (Predicate<Catalogue.Entry>) e -> e.size() >= n));
            cases.add(Arguments.of("size < " + n, (Predicate<Catalogue.Entry>) e -> e.size() < n));
            cases.add(Arguments.of("size <= " + n, (Predicate<Catalogue.Entry>) e -> e.size() <= n));
            cases.add(Arguments.of("size == " + n, (Predicate<Catalogue.Entry>) e -> e.size() == n));
        }
        cases.add(Arguments.of("team in ['red', 'blue']", (Predicate<Catalogue.Entry>) e -> !e.team().equals("green")));
        cases.add(Arguments.of("team nin ['red', 'blue']", (Predicate<Catalogue.Entry>) e -> e.team().equals("green")));
        cases.add(Arguments.of("stage in ['draft', 'done']",
                (Predicate<Catalogue.Entry>) e -> e.stage().equals("draft") || e.stage().equals("done")));
        cases.add(Arguments.of("size in [1, 5, 9, 13]", (Predicate<Catalogue.Entry>) e -> List.of(1, 5, 9).contains(e.size())));
        cases.add(Arguments.of("size nin [2, 3]", (Predicate<Catalogue.Entry>) e -> e.size() != 2 && e.size() != 3));
        for (String team : Catalogue.TEAMS) {
            for (int n : new int[] {3, 6, 9}) {
                cases.add(Arguments.of("team == '" + team + "' && size > " + n,
                        (Predicate<Catalogue.Entry>) e -> e.team().equals(team) && e.size() > n));
                cases.add(Arguments.of("team == '" + team + "' || size > " + n,
                        (Predicate<Catalogue.Entry>) e -> e.team().equals(team) || e.size() > n));
            }
        }
        cases.add(Arguments.of("size >= 3 && size <= 8 && stage != 'done'",
                (Predicate<Catalogue.Entry>) e -> e.size() >= 3 && e.size() <= 8 && !e.stage().equals("done")));
        cases.add(Arguments.of("stage == 'archived' || team == 'red' || size == 5",
                (Predicate<Catalogue.Entry>) e -> e.stage().equals("archived") || e.team().equals("red") || e.size() == 5));
        cases.add(Arguments.of("team == 'nobody'", (Predicate<Catalogue.Entry>) e -> false));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("filters")
    void returnsExactlyTheMatchingEntriesBestFirst(String filter, Predicate<Catalogue.Entry> matches) {
        vectorStore.add(Catalogue.documents());
        List<String> expected = Catalogue.entries().stream().filter(matches).map(Catalogue.Entry::id).toList();

        List<Document> found = vectorStore.similaritySearch(
                SearchRequest.builder().query(QUERY).topK(20).filterExpression(filter).build());

        assertThat(found).extracting(Document::getId)
            .containsExactlyInAnyOrderElementsOf(expected);
    }
}
