package io.github.qdrantscope.core.wire;

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
import io.qdrant.client.grpc.Common.Range;
import io.qdrant.client.grpc.Common.RepeatedIntegers;
import io.qdrant.client.grpc.Common.RepeatedStrings;
import io.qdrant.client.grpc.Common.ValuesCount;

/**
 * Random filters over {@link OracleData}'s payloads and ids: keyword, integer and range matches, has_id (ids in
 * any accepted form), is_empty, is_null, values_count, has_vector, array and nested-path keys, filters inside
 * conditions (whose has_id conditions must be namespaced too) and nested conditions on array elements (which
 * carry no project, so the project condition must stay out of them).
 */
final class OracleFilters {

    private final OracleData data;

    OracleFilters(OracleData data) {
        this.data = data;
    }

    /** One to three conditions in must, should, must_not or min_should; rarely none. */
    Filter filter() {
        Filter.Builder filter = Filter.newBuilder();
        if (this.data.chance(0.05)) {
            return filter.build();
        }
        for (int i = this.data.between(1, 3); i > 0; i--) {
            Condition condition = condition(1);
            switch (this.data.rng.nextInt(5)) {
                case 0, 1 -> filter.addMust(condition);
                case 2 -> filter.addShould(condition);
                case 3 -> filter.addMustNot(condition);
                default -> filter.setMinShould(MinShould.newBuilder().addConditions(condition)
                    .addConditions(condition(1)).setMinCount(1));
            }
        }
        return filter.build();
    }

    private Condition condition(int depth) {
        OracleData data = this.data;
        return switch (data.rng.nextInt(depth > 0 ? 14 : 12)) {
            case 0 -> field("color", Match.newBuilder().setKeyword(data.pick(OracleData.COLORS)));
            case 1 -> field("color", Match.newBuilder().setKeywords(RepeatedStrings.newBuilder()
                .addStrings(data.pick(OracleData.COLORS)).addStrings(data.pick(OracleData.COLORS))));
            case 2 -> field("color", Match.newBuilder().setExceptKeywords(RepeatedStrings.newBuilder()
                .addStrings(data.pick(OracleData.COLORS))));
            case 3 -> field("n", Match.newBuilder().setInteger(data.between(0, 5)));
            case 4 -> field("n", Match.newBuilder().setIntegers(RepeatedIntegers.newBuilder()
                .addIntegers(data.between(0, 5)).addIntegers(data.between(0, 5))));
            case 5 -> Condition.newBuilder().setField(FieldCondition.newBuilder().setKey(data.chance(0.5) ? "f" : "n")
                .setRange(data.chance(0.5) ? Range.newBuilder().setGt(data.rng.nextDouble() * 5)
                        : Range.newBuilder().setLte(data.rng.nextDouble() * 8)))
                .build();
            case 6, 7 -> hasId(1, 4);
            case 8 -> data.chance(0.5)
                    ? Condition.newBuilder().setIsEmpty(IsEmptyCondition.newBuilder().setKey("tags")).build()
                    : Condition.newBuilder().setIsNull(IsNullCondition.newBuilder().setKey("color")).build();
            case 9 -> Condition.newBuilder().setField(FieldCondition.newBuilder().setKey("tags")
                .setValuesCount(ValuesCount.newBuilder().setGte(data.between(1, 2)))).build();
            case 10 -> field(data.chance(0.5) ? "tags" : "meta.k", Match.newBuilder()
                .setKeyword(data.chance(0.5) ? data.pick(OracleData.TAGS) : (data.chance(0.5) ? "p" : "q")));
            case 11 -> data.named
                    ? Condition.newBuilder().setHasVector(HasVectorCondition.newBuilder()
                        .setHasVector(data.vectorName())).build()
                    : field("color", Match.newBuilder().setKeyword(data.pick(OracleData.COLORS)));
            case 12 -> Condition.newBuilder().setFilter(Filter.newBuilder()
                .addShould(condition(depth - 1)).addShould(hasId(1, 3))).build();
            // both conditions must hold for one element of items
            default -> Condition.newBuilder().setNested(NestedCondition.newBuilder().setKey("items")
                .setFilter(Filter.newBuilder().addMust(field("k", Match.newBuilder()
                    .setKeyword(data.chance(0.5) ? "p" : "q")))
                    .addMust(field("v", Match.newBuilder().setInteger(data.between(0, 3))))))
                .build();
        };
    }

    private Condition hasId(int min, int max) {
        return Condition.newBuilder().setHasId(HasIdCondition.newBuilder().addAllHasId(this.data.ids(min, max)))
            .build();
    }

    private static Condition field(String key, Match.Builder match) {
        return Condition.newBuilder().setField(FieldCondition.newBuilder().setKey(key).setMatch(match)).build();
    }
}
