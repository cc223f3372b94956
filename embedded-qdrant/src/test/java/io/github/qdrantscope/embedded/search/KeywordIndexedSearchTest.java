package io.github.qdrantscope.embedded.search;

import static io.github.qdrantscope.embedded.search.TestCollection.v;
import static org.assertj.core.api.Assertions.assertThat;

import io.qdrant.client.grpc.Collections.Distance;
import io.qdrant.client.grpc.Collections.PayloadSchemaType;
import io.qdrant.client.grpc.Common.Condition;
import io.qdrant.client.grpc.Common.FieldCondition;
import io.qdrant.client.grpc.Common.Filter;
import io.qdrant.client.grpc.Common.Match;
import io.qdrant.client.grpc.Common.ValuesCount;
import io.qdrant.client.grpc.Points.SearchPoints;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A keyword payload index lets the scan visit only the points holding a required keyword; the
 * results must be exactly those of the full scan over an un-indexed copy of the collection.
 */
class KeywordIndexedSearchTest {

    private final PointsQueryEngine engine = new PointsQueryEngine();

    private static TestCollection collection(boolean indexed) {
        TestCollection c = TestCollection.unnamed(2, Distance.Dot)
                .point(1, v(1, 0), "tenant", "a")
                .point(2, v(2, 0), "tenant", "b")
                .point(3, v(3, 0), "tenant", List.of("b", "a"))
                .point(4, v(4, 0), "tenant", List.of(List.of("a")))
                .point(5, v(5, 0), "tenant", 7)
                .point(6, v(6, 0))
                .point(7, v(1, 0), "tenant", "a", "n", 1)
                .point(8, v(0, 1), "tenant", "a", "n", 2)
                .point(9, v(9, 0), "tenant", "A")
                .point(10, v(3, 0), "tenant", "a");
        return indexed ? c.index("tenant", PayloadSchemaType.Keyword) : c;
    }

    private static Condition keyword(String key, String value) {
        return Condition.newBuilder().setField(FieldCondition.newBuilder().setKey(key)
                .setMatch(Match.newBuilder().setKeyword(value))).build();
    }

    static Stream<Filter> filters() {
        Condition n1 = Condition.newBuilder().setField(FieldCondition.newBuilder().setKey("n")
                .setMatch(Match.newBuilder().setInteger(1))).build();
        Condition keywordOrFewValues = Condition.newBuilder().setField(FieldCondition.newBuilder().setKey("tenant")
                .setMatch(Match.newBuilder().setKeyword("a"))
                .setValuesCount(ValuesCount.newBuilder().setLt(2))).build();
        return Stream.of(
                Filter.newBuilder().addMust(keyword("tenant", "a")).build(),
                Filter.newBuilder().addMust(keyword("tenant", "b")).build(),
                Filter.newBuilder().addMust(keyword("tenant", "missing")).build(),
                Filter.newBuilder().addMust(keyword("tenant", "7")).build(),
                Filter.newBuilder().addMust(n1).addMust(keyword("tenant", "a")).build(),
                Filter.newBuilder().addMust(keyword("tenant", "a")).addMustNot(n1).build(),
                Filter.newBuilder().addMust(keyword("tenant", "a")).addShould(n1).build(),
                Filter.newBuilder().addMust(keywordOrFewValues).build(),
                Filter.newBuilder().addShould(keyword("tenant", "a")).build());
    }

    @ParameterizedTest
    @MethodSource("filters")
    void indexedSearchReturnsWhatTheFullScanReturns(Filter filter) {
        SearchPoints request = SearchPoints.newBuilder().setCollectionName("test").setLimit(10)
                .addVector(1).addVector(0.5f).setFilter(filter).build();
        var full = engine.search(collection(false), request).getResultList();
        var indexed = engine.search(collection(true), request).getResultList();
        assertThat(Ids.scored(indexed)).isEqualTo(Ids.scored(full));
        assertThat(indexed).extracting(p -> p.getScore())
                .isEqualTo(full.stream().map(p -> p.getScore()).toList());
    }

    @Test
    void anIndexedKeywordSearchFindsStringsAndOneLevelArraysOnly() {
        // Guards the comparison above against both sides being wrong the same way; [["a"]] is nested
        // two levels and "A" differs in case, so neither matches (Qdrant's one-level array rule).
        SearchPoints request = SearchPoints.newBuilder().setCollectionName("test").setLimit(10)
                .addVector(1).addVector(0).setFilter(Filter.newBuilder().addMust(keyword("tenant", "a"))).build();
        assertThat(Ids.scored(engine.search(collection(true), request).getResultList()))
                .containsExactly("3", "10", "1", "7", "8");
    }
}
