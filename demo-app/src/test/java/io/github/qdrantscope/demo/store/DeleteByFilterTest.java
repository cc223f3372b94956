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
import org.springframework.ai.vectorstore.filter.FilterExpressionTextParser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Deleting by filter removes exactly this test's matching entries, even though every other test holds
 * entries with the same ids and metadata in the same collection at the same time.
 */
class DeleteByFilterTest extends DemoTest {

    static Stream<Arguments> filters() {
        return Stream.of(
                Arguments.of("team == 'red'", (Predicate<Catalogue.Entry>) e -> e.team().equals("red")),
                Arguments.of("team != 'red'", (Predicate<Catalogue.Entry>) e -> !e.team().equals("red")),
                Arguments.of("size > 6", (Predicate<Catalogue.Entry>) e -> e.size() > 6),
                Arguments.of("size <= 2", (Predicate<Catalogue.Entry>) e -> e.size() <= 2),
                Arguments.of("stage == 'done'", (Predicate<Catalogue.Entry>) e -> e.stage().equals("done")),
                Arguments.of("stage in ['draft', 'review']",
                        (Predicate<Catalogue.Entry>) e -> e.stage().equals("draft") || e.stage().equals("review")),
                Arguments.of("team == 'blue' && size > 4", (Predicate<Catalogue.Entry>) e -> e.team().equals("blue") && e.size() > 4),
                Arguments.of("team == 'green' || size == 1",
                        (Predicate<Catalogue.Entry>) e -> e.team().equals("green") || e.size() == 1),
                Arguments.of("size >= 1", (Predicate<Catalogue.Entry>) e -> true),
                Arguments.of("team == 'nobody'", (Predicate<Catalogue.Entry>) e -> false),
                Arguments.of("size nin [1, 2, 3]", (Predicate<Catalogue.Entry>) e -> e.size() > 3),
                Arguments.of("stage == 'archived' && team != 'red'",
                        (Predicate<Catalogue.Entry>) e -> e.stage().equals("archived") && !e.team().equals("red")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("filters")
    void removesExactlyThisTestsMatchingEntries(String filter, Predicate<Catalogue.Entry> matches) {
        vectorStore.add(Catalogue.documents());

        vectorStore.delete(new FilterExpressionTextParser().parse(filter));

        List<String> survivors = Catalogue.entries().stream().filter(matches.negate()).map(Catalogue.Entry::id).toList();
        assertThat(vectorStore.similaritySearch(SearchRequest.builder().query("catalogue").topK(50).build()))
            .extracting(Document::getId)
            .containsExactlyInAnyOrderElementsOf(survivors);
    }
}
