package io.github.qdrantscope.embedded.filter;

import io.github.qdrantscope.embedded.storage.QdrantErrors;
import io.qdrant.client.grpc.Common.Condition;
import io.qdrant.client.grpc.Common.Filter;
import java.util.List;

/**
 * The request validation Qdrant runs on a gRPC filter before converting it
 * ({@code impl Validate for grpc::FieldCondition} in {@code lib/api/src/grpc/validate.rs}): a field
 * condition must set at least one of its conditions. Validation descends through {@code should},
 * {@code must}, {@code must_not}, {@code Condition.condition_one_of} and {@code NestedCondition.filter}
 * (the validated fields listed in {@code lib/api/build.rs}); {@code min_should} is not validated, so an
 * empty field condition there is simply false.
 */
final class FilterValidation {

    static final String NO_FIELD_CONDITION = "At least one field condition must be specified";

    private FilterValidation() {
    }

    static void validate(Filter filter, String path) {
        validateList(filter.getShouldList(), path + ".should");
        validateList(filter.getMustList(), path + ".must");
        validateList(filter.getMustNotList(), path + ".must_not");
    }

    private static void validateList(List<Condition> conditions, String path) {
        for (int i = 0; i < conditions.size(); i++) {
            Condition c = conditions.get(i);
            String at = path + "[" + i + "].condition_one_of";
            switch (c.getConditionOneOfCase()) {
                case FIELD:
                    if (FilterEvaluator.allFieldsNone(c.getField())) {
                        throw QdrantErrors.validation(at + ".match: " + NO_FIELD_CONDITION);
                    }
                    break;
                case FILTER:
                    validate(c.getFilter(), at);
                    break;
                case NESTED:
                    if (c.getNested().hasFilter()) {
                        validate(c.getNested().getFilter(), at + ".filter");
                    }
                    break;
                default:
                    break;
            }
        }
    }
}
