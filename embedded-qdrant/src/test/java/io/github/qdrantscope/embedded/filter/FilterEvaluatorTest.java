package io.github.qdrantscope.embedded.filter;

import static io.github.qdrantscope.embedded.filter.Payloads.NULL;
import static io.github.qdrantscope.embedded.filter.Payloads.arr;
import static io.github.qdrantscope.embedded.filter.Payloads.map;
import static io.github.qdrantscope.embedded.filter.Payloads.obj;
import static io.github.qdrantscope.embedded.filter.Payloads.point;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.qdrantscope.embedded.storage.PointKey;
import io.github.qdrantscope.embedded.storage.StoredPoint;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.qdrant.client.grpc.Common.Condition;
import io.qdrant.client.grpc.Common.FieldCondition;
import io.qdrant.client.grpc.Common.Filter;
import io.qdrant.client.grpc.Common.HasIdCondition;
import io.qdrant.client.grpc.Common.HasVectorCondition;
import io.qdrant.client.grpc.Common.IsEmptyCondition;
import io.qdrant.client.grpc.Common.IsNullCondition;
import io.qdrant.client.grpc.Common.Match;
import io.qdrant.client.grpc.Common.MinShould;
import io.qdrant.client.grpc.Common.NestedCondition;
import io.qdrant.client.grpc.Common.PointId;
import io.qdrant.client.grpc.Common.Range;
import io.qdrant.client.grpc.Common.RepeatedIntegers;
import io.qdrant.client.grpc.Common.RepeatedStrings;
import io.qdrant.client.grpc.Common.ValuesCount;
import io.qdrant.client.grpc.JsonWithInt.Value;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FilterEvaluatorTest {

    // ---- builders -------------------------------------------------------------------------

    static Condition field(String key, Match match) {
        return Condition.newBuilder().setField(FieldCondition.newBuilder().setKey(key).setMatch(match)).build();
    }

    static Condition keyword(String key, String value) {
        return field(key, Match.newBuilder().setKeyword(value).build());
    }

    static Condition integer(String key, long value) {
        return field(key, Match.newBuilder().setInteger(value).build());
    }

    static Condition range(String key, Range range) {
        return Condition.newBuilder().setField(FieldCondition.newBuilder().setKey(key).setRange(range)).build();
    }

    static Filter must(Condition... conditions) {
        return Filter.newBuilder().addAllMust(List.of(conditions)).build();
    }

    static boolean eval(Filter filter, Map<String, Value> payload) {
        return FilterEvaluator.compile(filter).test(point(1, payload));
    }

    static boolean eval(Condition condition, Map<String, Value> payload) {
        return eval(must(condition), payload);
    }

    static StatusRuntimeException rejected(Filter filter) {
        Throwable t = org.assertj.core.api.Assertions.catchThrowable(() -> FilterEvaluator.compile(filter));
        assertThat(t).isInstanceOf(StatusRuntimeException.class);
        StatusRuntimeException e = (StatusRuntimeException) t;
        assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        return e;
    }

    // ---- boolean structure (query_checker.rs check_filter) -------------------------------

    @Test
    void emptyFilterMatchesEverything() {
        assertThat(eval(Filter.getDefaultInstance(), map())).isTrue();
        assertThat(eval(Filter.getDefaultInstance(), map("a", 1))).isTrue();
    }

    @Test
    void mustShouldMustNot() {
        Map<String, Value> p = map("color", "red", "size", 3);
        assertThat(eval(must(keyword("color", "red"), integer("size", 3)), p)).isTrue();
        assertThat(eval(must(keyword("color", "red"), integer("size", 4)), p)).isFalse();
        assertThat(eval(Filter.newBuilder().addShould(keyword("color", "blue")).addShould(integer("size", 3)).build(), p))
                .isTrue();
        assertThat(eval(Filter.newBuilder().addShould(keyword("color", "blue")).addShould(integer("size", 4)).build(), p))
                .isFalse();
        assertThat(eval(Filter.newBuilder().addMustNot(keyword("color", "blue")).build(), p)).isTrue();
        assertThat(eval(Filter.newBuilder().addMustNot(keyword("color", "red")).build(), p)).isFalse();
        // must_not on a missing key passes: the field condition is false there.
        assertThat(eval(Filter.newBuilder().addMustNot(keyword("missing", "x")).build(), p)).isTrue();
    }

    @Test
    void conditionsWithoutVariantAreDroppedAndAnEmptiedListCountsAsAbsent() {
        // conversions.rs conditions_helper_from_grpc filters out empty conditions; a should list left
        // empty becomes None, which passes.
        Filter f = Filter.newBuilder().addShould(Condition.getDefaultInstance()).build();
        assertThat(eval(f, map())).isTrue();
        Filter g = Filter.newBuilder().addMustNot(Condition.getDefaultInstance()).build();
        assertThat(eval(g, map())).isTrue();
    }

    @Test
    void minShouldNeedsAtLeastMinCount() {
        Map<String, Value> p = map("a", 1, "b", 2, "c", 3);
        MinShould.Builder ms = MinShould.newBuilder()
                .addConditions(integer("a", 1)).addConditions(integer("b", 2)).addConditions(integer("c", 9));
        assertThat(eval(Filter.newBuilder().setMinShould(ms.setMinCount(2)).build(), p)).isTrue();
        assertThat(eval(Filter.newBuilder().setMinShould(ms.setMinCount(3)).build(), p)).isFalse();
        assertThat(eval(Filter.newBuilder().setMinShould(ms.setMinCount(0)).build(), p)).isTrue();
        // No conditions: count of matches is 0, so only min_count 0 passes.
        assertThat(eval(Filter.newBuilder().setMinShould(MinShould.newBuilder().setMinCount(1)).build(), p)).isFalse();
        assertThat(eval(Filter.newBuilder().setMinShould(MinShould.newBuilder().setMinCount(0)).build(), p)).isTrue();
    }

    @Test
    void nestedFilterConditions() {
        Map<String, Value> p = map("a", 1, "b", 2);
        Condition inner = Condition.newBuilder()
                .setFilter(Filter.newBuilder().addShould(integer("a", 5)).addShould(integer("b", 2))).build();
        assertThat(eval(must(integer("a", 1), inner), p)).isTrue();
        Condition innerNot = Condition.newBuilder().setFilter(Filter.newBuilder().addMustNot(integer("b", 2))).build();
        assertThat(eval(must(innerNot), p)).isFalse();
    }

    // ---- match ----------------------------------------------------------------------------

    static Stream<Arguments> matchCases() {
        Match kw = Match.newBuilder().setKeyword("red").build();
        Match i1 = Match.newBuilder().setInteger(1).build();
        Match bTrue = Match.newBuilder().setBoolean(true).build();
        Match text = Match.newBuilder().setText("quick brown").build();
        Match phrase = Match.newBuilder().setPhrase("brown fox").build();
        Match textAny = Match.newBuilder().setTextAny("cat  fox").build();
        Match kws = Match.newBuilder().setKeywords(RepeatedStrings.newBuilder().addStrings("a").addStrings("b")).build();
        Match ints = Match.newBuilder().setIntegers(RepeatedIntegers.newBuilder().addIntegers(1).addIntegers(2)).build();
        Match exKw = Match.newBuilder().setExceptKeywords(RepeatedStrings.newBuilder().addStrings("a")).build();
        Match exInt = Match.newBuilder().setExceptIntegers(RepeatedIntegers.newBuilder().addIntegers(1)).build();
        return Stream.of(
                Arguments.of("keyword equal", kw, "red", true),
                Arguments.of("keyword case-sensitive", kw, "Red", false),
                Arguments.of("keyword vs number", kw, 1, false),
                Arguments.of("keyword in array", kw, arr("blue", "red"), true),
                Arguments.of("keyword not in array", kw, arr("blue"), false),
                Arguments.of("keyword in nested array is not flattened", kw, arr(arr("red")), false),
                Arguments.of("integer equal", i1, 1, true),
                // condition_checker.rs: stored.as_i64() is None for a float, so 1.0 != 1
                Arguments.of("integer vs double 1.0", i1, 1.0, false),
                Arguments.of("integer vs string", i1, "1", false),
                Arguments.of("integer in array", i1, arr(3, 1), true),
                Arguments.of("bool equal", bTrue, true, true),
                Arguments.of("bool unequal", bTrue, false, false),
                Arguments.of("bool vs string", bTrue, "true", false),
                Arguments.of("text substring", text, "the quick brown fox", true),
                Arguments.of("text case-sensitive", text, "The Quick Brown fox", false),
                Arguments.of("text words not adjacent", text, "quick red brown", false),
                Arguments.of("text on number", text, 5, false),
                Arguments.of("phrase substring", phrase, "a brown fox jumps", true),
                Arguments.of("phrase missing", phrase, "a brown dog", false),
                Arguments.of("text_any one token", textAny, "my fox", true),
                Arguments.of("text_any token as substring", textAny, "concatenate", true),
                Arguments.of("text_any no token", textAny, "dog", false),
                Arguments.of("keywords any", kws, "b", true),
                Arguments.of("keywords none", kws, "c", false),
                Arguments.of("keywords on number", kws, 1, false),
                Arguments.of("integers any", ints, 2, true),
                Arguments.of("integers none", ints, 3, false),
                Arguments.of("integers vs double", ints, 2.0, false),
                // condition_checker.rs Match::Except: null false, other types true, arrays element-wise
                Arguments.of("except_keywords other", exKw, "b", true),
                Arguments.of("except_keywords listed", exKw, "a", false),
                Arguments.of("except_keywords null", exKw, NULL, false),
                Arguments.of("except_keywords number", exKw, 5, true),
                Arguments.of("except_keywords bool", exKw, true, true),
                Arguments.of("except_keywords object", exKw, obj("x", 1), true),
                Arguments.of("except_keywords array with other", exKw, arr("a", "b"), true),
                Arguments.of("except_keywords array only listed", exKw, arr("a", "a"), false),
                Arguments.of("except_keywords empty array", exKw, arr(), false),
                Arguments.of("except_keywords array of null", exKw, arr(NULL), false),
                Arguments.of("except_keywords nested array", exKw, arr(arr("a")), true),
                Arguments.of("except_integers other", exInt, 2, true),
                Arguments.of("except_integers listed", exInt, 1, false),
                Arguments.of("except_integers double", exInt, 1.0, true),
                Arguments.of("except_integers string", exInt, "1", true),
                Arguments.of("except_integers null", exInt, NULL, false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("matchCases")
    void match(String name, Match match, Object stored, boolean expected) {
        assertThat(eval(field("f", match), map("f", stored))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "missing key: {0}")
    @MethodSource("matchCases")
    void everyMatchIsFalseOnAMissingKey(String name, Match match, Object stored, boolean expected) {
        assertThat(eval(field("f", match), map("other", stored))).isFalse();
    }

    @Test
    void matchWithoutValueIsMalformed() {
        assertThat(rejected(must(field("f", Match.getDefaultInstance()))).getStatus().getDescription())
                .isEqualTo("Malformed Match condition");
    }

    // ---- range ----------------------------------------------------------------------------

    static Stream<Arguments> rangeCases() {
        return Stream.of(
                Arguments.of(Range.newBuilder().setGt(1).build(), 2, true),
                Arguments.of(Range.newBuilder().setGt(1).build(), 1, false),
                Arguments.of(Range.newBuilder().setGte(1).build(), 1, true),
                Arguments.of(Range.newBuilder().setLt(1).build(), 0.5, true),
                Arguments.of(Range.newBuilder().setLt(1).build(), 1.0, false),
                Arguments.of(Range.newBuilder().setLte(1).build(), 1, true),
                Arguments.of(Range.newBuilder().setGt(1).setLt(3).build(), 2.5, true),
                Arguments.of(Range.newBuilder().setGt(1).setLt(3).build(), 3, false),
                Arguments.of(Range.newBuilder().setGte(1).build(), "5", false),
                Arguments.of(Range.newBuilder().setGte(1).build(), true, false),
                Arguments.of(Range.newBuilder().setGte(1).build(), arr(0, 7), true),
                Arguments.of(Range.newBuilder().setGte(1).build(), arr(0, "7"), false),
                Arguments.of(Range.newBuilder().build(), 0, true),
                Arguments.of(Range.newBuilder().build(), "x", false));
    }

    @ParameterizedTest
    @MethodSource("rangeCases")
    void range(Range range, Object stored, boolean expected) {
        assertThat(eval(range("f", range), map("f", stored))).isEqualTo(expected);
        assertThat(eval(range("f", range), map())).isFalse();
    }

    // ---- key paths ------------------------------------------------------------------------

    static Stream<Arguments> pathCases() {
        Map<String, Value> p = map(
                "a", obj("b", obj("c", "x")),
                "arr", arr(obj("k", "x"), obj("k", "y"), obj("k", arr("z"))),
                "list", arr("p", "q"),
                "a.b", "dotted",
                "wörd", "x");
        return Stream.of(
                Arguments.of(p, "a.b.c", "x", true),
                Arguments.of(p, "a.b", "x", false),
                Arguments.of(p, "\"a.b\"", "dotted", true),
                Arguments.of(p, "arr[].k", "y", true),
                // the leaf array under arr[].k is matched element-wise (one level)
                Arguments.of(p, "arr[].k", "z", true),
                // a key step does not go through arrays
                Arguments.of(p, "arr.k", "x", false),
                Arguments.of(p, "arr[0].k", "x", true),
                Arguments.of(p, "arr[0].k", "y", false),
                Arguments.of(p, "arr[9].k", "x", false),
                Arguments.of(p, "list", "q", true),
                Arguments.of(p, "list[1]", "q", true),
                Arguments.of(p, "list[]", "p", true),
                Arguments.of(p, "wörd", "x", true));
    }

    @ParameterizedTest
    @MethodSource("pathCases")
    void keyPaths(Map<String, Value> payload, String key, String keyword, boolean expected) {
        assertThat(eval(keyword(key, keyword), payload)).isEqualTo(expected);
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"", "a.", ".a", "a[", "a[x]", "a b", "a..b", "\"a", "a[-1]", "a.\"b\\\"\""})
    void badKeysAreRejected(String key) {
        assertThat(rejected(must(keyword(key, "x"))).getStatus().getDescription())
                .isEqualTo("Invalid json path: '" + key + "'");
    }

    @Test
    void uuidAndNumericIdsInHasId() {
        UUID u = UUID.fromString("5c56c793-69f3-4fbf-87e6-c4bf54c28c26");
        Condition hasId = Condition.newBuilder().setHasId(HasIdCondition.newBuilder()
                .addHasId(PointId.newBuilder().setNum(7))
                .addHasId(PointId.newBuilder().setUuid("5C56C79369F34FBF87E6C4BF54C28C26"))).build();
        var predicate = FilterEvaluator.compile(must(hasId));
        assertThat(predicate.test(new StoredPoint(PointKey.ofNumber(7), Map.of(), Map.of()))).isTrue();
        assertThat(predicate.test(new StoredPoint(PointKey.ofNumber(8), Map.of(), Map.of()))).isFalse();
        assertThat(predicate.test(new StoredPoint(PointKey.ofUuid(u), Map.of(), Map.of()))).isTrue();
        Condition bad = Condition.newBuilder().setHasId(HasIdCondition.newBuilder()
                .addHasId(PointId.newBuilder().setUuid("nope"))).build();
        assertThat(rejected(must(bad)).getStatus().getDescription()).isEqualTo("Unable to parse UUID: nope");
    }

    @Test
    void hasVector() {
        Condition hv = Condition.newBuilder().setHasVector(HasVectorCondition.newBuilder().setHasVector("img")).build();
        var predicate = FilterEvaluator.compile(must(hv));
        assertThat(predicate.test(new StoredPoint(PointKey.ofNumber(1), Map.of(), Map.of("img", new float[] {1f}))))
                .isTrue();
        assertThat(predicate.test(new StoredPoint(PointKey.ofNumber(1), Map.of(), Map.of("", new float[] {1f}))))
                .isFalse();
    }

    // ---- is_empty / is_null ---------------------------------------------------------------

    static Condition isEmpty(String key) {
        return Condition.newBuilder().setIsEmpty(IsEmptyCondition.newBuilder().setKey(key)).build();
    }

    static Condition isNull(String key) {
        return Condition.newBuilder().setIsNull(IsNullCondition.newBuilder().setKey(key)).build();
    }

    @Test
    void isEmptyAndIsNullConditions() {
        // Mirrors test_condition_checker in query_checker.rs.
        Map<String, Value> p = map("price", 499.9, "parts", arr(), "packaging", NULL, "not_null", arr(NULL),
                "amount", 10, "items", arr(obj("b", 1), obj("b", NULL), obj("d", arr())));
        assertThat(eval(isEmpty("price"), p)).isFalse();
        assertThat(eval(isEmpty("something_new"), p)).isTrue();
        assertThat(eval(isEmpty("parts"), p)).isTrue();
        assertThat(eval(isEmpty("packaging"), p)).isTrue();
        assertThat(eval(isEmpty("not_null"), p)).isFalse();
        assertThat(eval(isEmpty("items[].b"), p)).isFalse();
        assertThat(eval(isEmpty("items[].d"), p)).isTrue();
        assertThat(eval(isEmpty("items[].c"), p)).isTrue();
        assertThat(eval(isNull("amount"), p)).isFalse();
        assertThat(eval(isNull("parts"), p)).isFalse();
        assertThat(eval(isNull("something_else"), p)).isFalse();
        assertThat(eval(isNull("packaging"), p)).isTrue();
        // A plain path yields the array [null] itself, which is not null.
        assertThat(eval(isNull("not_null"), p)).isFalse();
        assertThat(eval(isNull("not_null[]"), p)).isTrue();
        assertThat(eval(isNull("items[].b"), p)).isTrue();
    }

    static Condition fieldFlag(String key, Boolean isEmpty, Boolean isNull) {
        FieldCondition.Builder b = FieldCondition.newBuilder().setKey(key);
        if (isEmpty != null) {
            b.setIsEmpty(isEmpty);
        }
        if (isNull != null) {
            b.setIsNull(isNull);
        }
        return Condition.newBuilder().setField(b).build();
    }

    static Stream<Arguments> fieldFlagCases() {
        // condition_checker.rs test_value_checker_for_null_or_empty, plus check_empty for missing keys.
        return Stream.of(
                Arguments.of(arr(), true, false, false, true),
                Arguments.of(arr(NULL), false, true, true, false),
                Arguments.of(arr(true), false, true, false, true),
                Arguments.of(arr(true, NULL), false, true, true, false),
                Arguments.of(obj(), false, true, false, true),
                Arguments.of("string", false, true, false, true),
                Arguments.of(1, false, true, false, true),
                Arguments.of(NULL, true, false, true, false));
    }

    @ParameterizedTest
    @MethodSource("fieldFlagCases")
    void fieldConditionIsEmptyAndIsNull(Object stored, boolean isEmpty, boolean isNotEmpty, boolean isNull,
            boolean isNotNull) {
        Map<String, Value> p = map("key", stored);
        assertThat(eval(fieldFlag("key", true, null), p)).isEqualTo(isEmpty);
        assertThat(eval(fieldFlag("key", false, null), p)).isEqualTo(isNotEmpty);
        assertThat(eval(fieldFlag("key", null, true), p)).isEqualTo(isNull);
        assertThat(eval(fieldFlag("key", null, false), p)).isEqualTo(isNotNull);
    }

    @Test
    void fieldConditionFlagsOnMissingKey() {
        // FieldCondition::check_empty: is_empty decides first, then !is_null; all else false.
        assertThat(eval(fieldFlag("key", true, null), map())).isTrue();
        assertThat(eval(fieldFlag("key", false, null), map())).isFalse();
        assertThat(eval(fieldFlag("key", null, true), map())).isFalse();
        assertThat(eval(fieldFlag("key", null, false), map())).isTrue();
        assertThat(eval(fieldFlag("key", false, false), map())).isFalse();
    }

    // ---- values_count ---------------------------------------------------------------------

    static Condition count(String key, ValuesCount vc) {
        return Condition.newBuilder().setField(FieldCondition.newBuilder().setKey(key).setValuesCount(vc)).build();
    }

    @Test
    void valuesCount() {
        assertThat(eval(count("f", ValuesCount.newBuilder().setGt(1).build()), map("f", arr(1, 2)))).isTrue();
        assertThat(eval(count("f", ValuesCount.newBuilder().setGt(2).build()), map("f", arr(1, 2)))).isFalse();
        assertThat(eval(count("f", ValuesCount.newBuilder().setGte(2).setLte(2).build()), map("f", arr(1, 2))))
                .isTrue();
        assertThat(eval(count("f", ValuesCount.newBuilder().setLt(1).build()), map("f", NULL))).isTrue();
        assertThat(eval(count("f", ValuesCount.newBuilder().setLte(1).setGte(1).build()), map("f", "x"))).isTrue();
        assertThat(eval(count("f", ValuesCount.newBuilder().setLte(1).setGte(1).build()), map("f", obj("a", 1))))
                .isTrue();
        // FieldCondition::check_empty ignores values_count: a missing key is false even for lt 1.
        assertThat(eval(count("f", ValuesCount.newBuilder().setLt(1).build()), map())).isFalse();
        // Each value found is counted on its own: through [] every element is one value.
        assertThat(eval(count("f[]", ValuesCount.newBuilder().setGt(1).build()), map("f", arr(1, 2)))).isFalse();
    }

    @Test
    void valuesCountOverridesOtherConditionsInTheSameFieldCondition() {
        // condition_checker.rs FieldCondition::check: values_count, when set, alone decides.
        Condition c = Condition.newBuilder().setField(FieldCondition.newBuilder().setKey("f")
                .setMatch(Match.newBuilder().setKeyword("nope"))
                .setValuesCount(ValuesCount.newBuilder().setGte(1))).build();
        assertThat(eval(c, map("f", "x"))).isTrue();
    }

    @Test
    void severalConditionsInOneFieldConditionAreOred() {
        Condition c = Condition.newBuilder().setField(FieldCondition.newBuilder().setKey("f")
                .setMatch(Match.newBuilder().setKeyword("x"))
                .setRange(Range.newBuilder().setGt(10))).build();
        assertThat(eval(c, map("f", "x"))).isTrue();
        assertThat(eval(c, map("f", 11))).isTrue();
        assertThat(eval(c, map("f", 5))).isFalse();
    }

    static Condition emptyField() {
        return Condition.newBuilder().setField(FieldCondition.newBuilder().setKey("f")).build();
    }

    @Test
    void fieldConditionWithNothingSetFailsValidation() {
        // validate.rs `impl Validate for grpc::FieldCondition` adds the error under "match"; build.rs
        // validates Filter.must/should/must_not, Condition.condition_one_of and NestedCondition.filter.
        String message = "At least one field condition must be specified]";
        assertThat(rejected(must(emptyField())).getStatus().getDescription())
                .isEqualTo("Validation error in body: [filter.must[0].condition_one_of.match: " + message);
        Filter deeper = Filter.newBuilder().addMustNot(keyword("a", "b")).addMustNot(Condition.newBuilder()
                .setNested(NestedCondition.newBuilder().setKey("n").setFilter(Filter.newBuilder()
                        .addShould(Condition.newBuilder().setFilter(must(emptyField())))))).build();
        assertThat(rejected(deeper).getStatus().getDescription()).isEqualTo("Validation error in body: "
                + "[filter.must_not[1].condition_one_of.filter.should[0].condition_one_of.must[0]"
                + ".condition_one_of.match: " + message);
    }

    @Test
    void emptyFieldConditionInMinShouldIsNotValidatedAndNeverMatches() {
        // min_should is absent from build.rs's validated fields; such a condition checks as false.
        Filter f = Filter.newBuilder().setMinShould(MinShould.newBuilder().addConditions(emptyField())
                .addConditions(integer("a", 1)).setMinCount(1)).build();
        assertThat(eval(f, map("a", 1, "f", 1))).isTrue();
        Filter g = Filter.newBuilder().setMinShould(MinShould.newBuilder().addConditions(emptyField())
                .setMinCount(1)).build();
        assertThat(eval(g, map("f", 1))).isFalse();
    }

    @Test
    void emptyTextQueries() {
        // Rust's str::contains("") is true; split_whitespace of "" yields no tokens, so text_any is false.
        assertThat(eval(field("f", Match.newBuilder().setText("").build()), map("f", "abc"))).isTrue();
        assertThat(eval(field("f", Match.newBuilder().setTextAny(" ").build()), map("f", "abc"))).isFalse();
    }

    // ---- nested ---------------------------------------------------------------------------

    static Condition nested(String key, Filter filter) {
        return Condition.newBuilder().setNested(NestedCondition.newBuilder().setKey(key).setFilter(filter)).build();
    }

    @Test
    void nestedChecksEachObjectAgainstTheWholeFilter() {
        Map<String, Value> p = map("dinosaurs", arr(
                obj("name", "t-rex", "diet", arr(obj("food", "meat", "likes", true))),
                obj("name", "diplodocus", "diet", arr(obj("food", "leaves", "likes", false))),
                "not an object"));
        Filter meatLover = must(keyword("diet[].food", "meat"), field("diet[].likes",
                Match.newBuilder().setBoolean(true).build()));
        assertThat(eval(nested("dinosaurs", meatLover), p)).isTrue();
        Filter leavesAndLikes = must(keyword("diet[].food", "leaves"), field("diet[].likes",
                Match.newBuilder().setBoolean(true).build()));
        assertThat(eval(nested("dinosaurs", leavesAndLikes), p)).isFalse();
        // Without nested the two conditions can be satisfied by different elements.
        assertThat(eval(must(keyword("dinosaurs[].diet[].food", "leaves"),
                field("dinosaurs[].diet[].likes", Match.newBuilder().setBoolean(true).build())), p)).isTrue();
        // Key given with [] already is not doubled (JsonPath::array_key).
        assertThat(eval(nested("dinosaurs[]", must(keyword("name", "t-rex"))), p)).isTrue();
        // Nested inside nested.
        assertThat(eval(nested("dinosaurs", must(nested("diet", must(keyword("food", "meat"))))), p)).isTrue();
        // A non-array value under the key gives no elements.
        assertThat(eval(nested("single", must(keyword("name", "x"))), map("single", obj("name", "x")))).isFalse();
        // has_id inside nested is not supported by Qdrant: always false.
        Condition hasId = Condition.newBuilder().setHasId(HasIdCondition.newBuilder()
                .addHasId(PointId.newBuilder().setNum(1))).build();
        assertThat(eval(nested("dinosaurs", must(hasId)), p)).isFalse();
    }

    @Test
    void nestedWithoutFilterIsRejected() {
        Filter f = must(Condition.newBuilder().setNested(NestedCondition.newBuilder().setKey("a")).build());
        assertThat(rejected(f).getStatus().getDescription()).isEqualTo("Nested condition must have a filter");
    }

    @Test
    void compiledPredicateIsReusableAcrossPoints() {
        var predicate = FilterEvaluator.compile(must(keyword("c", "x")));
        assertThat(predicate.test(point(1, map("c", "x")))).isTrue();
        assertThat(predicate.test(point(2, map("c", "y")))).isFalse();
        assertThat(predicate.test(point(3, map("c", arr("y", "x"))))).isTrue();
        assertThatThrownBy(() -> FilterEvaluator.compile(must(keyword("a[", "x"))))
                .isInstanceOf(StatusRuntimeException.class);
    }
}
