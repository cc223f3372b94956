package io.github.qdrantscope.demo.store;

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
 * Parenthesised filters. Spring AI 2.0.0's Qdrant converter would drop the group (matching everything
 * inside it); the starter's scoped store flattens groups, so {@code a && (b || c)} means what it says.
 */
class GroupedFilterTest extends DemoTest {

    static Stream<Arguments> filters() {
        return Stream.of(
                Arguments.of("team == 'red' && (size > 9 || stage == 'draft')",
                        (Predicate<Catalogue.Entry>) e -> e.team().equals("red") && (e.size() > 9 || e.stage().equals("draft"))),
                Arguments.of("(team == 'red' || team == 'blue') && size < 5",
                        (Predicate<Catalogue.Entry>) e -> !e.team().equals("green") && e.size() < 5),
                Arguments.of("size > 2 && (stage == 'done' || stage == 'archived')",
                        (Predicate<Catalogue.Entry>) e -> e.size() > 2 && (e.stage().equals("done") || e.stage().equals("archived"))),
                Arguments.of("(size <= 3) && (team == 'green')",
                        (Predicate<Catalogue.Entry>) e -> e.size() <= 3 && e.team().equals("green")),
                Arguments.of("(team == 'blue' && size > 6) || (team == 'red' && size < 4)",
                        (Predicate<Catalogue.Entry>) e -> (e.team().equals("blue") && e.size() > 6)
                                || (e.team().equals("red") && e.size() < 4)),
                Arguments.of("stage == 'review' && (team == 'red' || (team == 'green' && size > 5))",
                        (Predicate<Catalogue.Entry>) e -> e.stage().equals("review")
                                && (e.team().equals("red") || (e.team().equals("green") && e.size() > 5))),
                Arguments.of("(stage == 'nothing' || team == 'nobody') && size > 0", (Predicate<Catalogue.Entry>) e -> false),
                Arguments.of("(size == 1 || size == 12) && (team == 'red' || team == 'blue')",
                        (Predicate<Catalogue.Entry>) e -> (e.size() == 1 || e.size() == 12) && !e.team().equals("green")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("filters")
    void groupsAreHonoured(String filter, Predicate<Catalogue.Entry> matches) {
        vectorStore.add(Catalogue.documents());
        List<String> expected = Catalogue.entries().stream().filter(matches).map(Catalogue.Entry::id).toList();

        List<Document> found = vectorStore.similaritySearch(
                SearchRequest.builder().query("catalogue work").topK(20).filterExpression(filter).build());

        assertThat(found).extracting(Document::getId)
            .containsExactlyInAnyOrderElementsOf(expected);
    }
}
