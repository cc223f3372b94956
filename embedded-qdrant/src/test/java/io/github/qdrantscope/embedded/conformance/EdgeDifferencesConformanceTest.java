package io.github.qdrantscope.embedded.conformance;

import static io.github.qdrantscope.embedded.conformance.Payloads.obj;
import static io.github.qdrantscope.embedded.conformance.Payloads.payload;
import static io.qdrant.client.ConditionFactory.isEmpty;
import static io.qdrant.client.ConditionFactory.isNull;
import static io.qdrant.client.ConditionFactory.matchPhrase;
import static io.qdrant.client.ConditionFactory.matchText;
import static io.qdrant.client.ConditionFactory.matchTextAny;
import static io.qdrant.client.ConditionFactory.valuesCount;
import static org.assertj.core.api.Assertions.assertThat;

import io.qdrant.client.WithPayloadSelectorFactory;
import io.qdrant.client.grpc.Collections.Distance;
import io.qdrant.client.grpc.Common.Condition;
import io.qdrant.client.grpc.Common.Filter;
import io.qdrant.client.grpc.Common.ValuesCount;
import io.qdrant.client.grpc.JsonWithInt.Value;
import io.qdrant.client.grpc.Points.ScrollPoints;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The cases where the differential test found Qdrant Edge 0.9.0 answering differently from Qdrant 1.17,
 * because Qdrant changed the rule after 1.17 and Edge ships the newer one: the embedded server follows 1.17
 * (differential/KnownExceptions names each, with both sources). Also the payload include projection the
 * differential test found wrong here, now as Qdrant's {@code value_filter}. No payload indexes: every
 * condition goes through lib/segment/src/payload_storage/query_checker.rs. One shared, read-only data set.
 */
class EdgeDifferencesConformanceTest extends ConformanceTestBase {

    private String data;

    @BeforeAll
    void loadData() {
        data = newCollection(2, Distance.Dot);
        upsert(data,
                point(1, new float[] {1, 0}, payload("text", "quick foxes", "tags", List.of("a", "b"),
                        "maybe", Arrays.asList((Object) null), "obj", obj("x", 1, "y", "a"),
                        "nested", List.of(obj("a", 1, "b", "x"), obj("a", 2, "b", "y"), 7))),
                point(2, new float[] {1, 0}, payload("text", "Fox jumps", "tags", List.of(),
                        "maybe", Arrays.asList(null, 1), "obj", obj("y", "b"))),
                point(3, new float[] {1, 0}, payload("text", "the fox jumps", "maybe", null, "obj", 5)),
                point(4, new float[] {1, 0}, payload("tags", List.of("c"), "maybe", List.of())));
    }

    private List<Object> ids(Condition... must) {
        return scrollIds(data, Filter.newBuilder().addAllMust(List.of(must)).build());
    }

    /**
     * 1.17: {@code Match::Text | Match::Phrase => stored.contains(text)} and text_any's whitespace tokens as
     * substrings (condition_checker.rs), case-sensitive. Edge 0.9.0 (like Qdrant from 1.19.1, qdrant#10341
     * and #10526) tokenizes and lowercases: it matches 2 and 3 for "fox", not 1.
     */
    @Test
    void unindexedFullTextIsASubstringTest() {
        assertThat(ids(matchText("text", "fox"))).containsExactly(1L, 3L);
        assertThat(ids(matchText("text", "jumps fox"))).isEmpty();
        assertThat(ids(matchPhrase("text", "x jum"))).containsExactly(2L, 3L);
        assertThat(ids(matchTextAny("text", "ox nothing"))).containsExactly(1L, 2L, 3L);
    }

    /**
     * 1.17: a point without the key answers {@code FieldCondition::check_empty}, which ignores values_count
     * (condition_checker.rs, {@code values_count: _}), so bounds a count of 0 passes still miss it; an empty
     * array counts 0. Edge 0.9.0 (like Qdrant since qdrant#9607) also matches point 3 here.
     */
    @Test
    void valuesCountNeverMatchesAMissingKey() {
        assertThat(ids(valuesCount("tags", ValuesCount.newBuilder().setLt(1).build()))).containsExactly(2L);
        assertThat(ids(valuesCount("tags", ValuesCount.newBuilder().setGte(0).build()))).containsExactly(1L, 2L, 4L);
        assertThat(ids(valuesCount("tags", ValuesCount.newBuilder().setLte(0).build()))).containsExactly(2L);
    }

    /**
     * 1.17: {@code check_is_null} (lib/segment/src/common/utils.rs) over {@code value_get}, which hands a final
     * array over whole: {@code [null]} and {@code [null, 1]} are not null. Edge 0.9.0 (like Qdrant from 1.19.1,
     * qdrant#10101) matches 1 and 2 too. is_empty ({@code check_is_empty}: all values null or []) agrees on
     * both: {@code [null]} is not empty.
     */
    @Test
    void isNullDoesNotLookInsideUnindexedArrays() {
        assertThat(ids(isNull("maybe"))).containsExactly(3L);
        assertThat(ids(isEmpty("maybe"))).containsExactly(3L, 4L);
        assertThat(ids(isEmpty("nested[].a"))).containsExactly(2L, 3L, 4L);
    }

    /**
     * {@code PayloadSelector::process} (lib/segment/src/types.rs): {@code JsonPath::value_filter} keeps every
     * key whose path and an include path agree over their common length, rebuilding objects and arrays from
     * what they keep: {@code obj.x} leaves {@code obj: {}} when {@code obj} has no {@code x} and keeps a
     * non-object {@code obj} whole; {@code nested[].a} projects each element to {@code {a}} and keeps
     * elements that are not objects.
     */
    @Test
    void payloadIncludeKeepsWhatValueFilterKeeps() {
        Map<Long, Map<String, Value>> got = includes(List.of("obj.x", "nested[].a"));
        assertThat(got.get(1L)).isEqualTo(payload("obj", obj("x", 1),
                "nested", List.of(obj("a", 1), obj("a", 2), 7)));
        assertThat(got.get(2L)).isEqualTo(payload("obj", obj()));
        assertThat(got.get(3L)).isEqualTo(payload("obj", 5));
        assertThat(got.get(4L)).isEqualTo(payload());
        assertThat(includes(List.of("nested[0].a")).get(1L)).isEqualTo(payload("nested", List.of()));
    }

    private Map<Long, Map<String, Value>> includes(List<String> fields) {
        Map<Long, Map<String, Value>> out = new java.util.TreeMap<>();
        await(client.scrollAsync(ScrollPoints.newBuilder().setCollectionName(data).setLimit(10)
                .setWithPayload(WithPayloadSelectorFactory.include(fields)).build())).getResultList()
                .forEach(p -> out.put(p.getId().getNum(), p.getPayloadMap()));
        return out;
    }
}
