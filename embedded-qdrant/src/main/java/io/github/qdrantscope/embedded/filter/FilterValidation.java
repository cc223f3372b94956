package io.github.qdrantscope.embedded.filter;

import io.github.qdrantscope.embedded.storage.QdrantErrors;
import io.qdrant.client.grpc.Common.Condition;
import io.qdrant.client.grpc.Common.Filter;
import java.util.List;

/**
 * The request validation Qdrant runs on a gRPC filter before converting it
 * ({@code impl Validate for grpc::FieldCondition} in {@code lib/api/src/grpc/validate.rs}): a field
 * condition must set at least one of its conditions.
 */
final class FilterValidation {

    static final String NO_FIELD_CONDITION = "At least one field condition must be specified";

    private FilterValidation() {
    }

    static void validate(Filter filter, String path) {
        validateList(filter.getShouldList(), path + ".should");
        if (filter.hasMinShould()) {
            validateList(filter.getMinShould().getConditionsList(), path + ".min_should.conditions");
        }
        validateList(filter.getMustList(), path + ".must");
        validateList(filter.getMustNotList(), path + ".must_not");
    }

    private static void validateList(List<Condition> conditions, String path) {
        for (int i = 0; i < conditions.size(); i++) {
            Condition c = conditions.get(i);
            String at = path + "[" + i + "]";
            switch (c.getConditionOneOfCase()) {
                case FIELD:
                    if (FilterEvaluator.allFieldsNone(c.getField())) {
                        throw QdrantErrors.validation(at + ".field.match: " + NO_FIELD_CONDITION);
                    }
                    break;
                case FILTER:
                    validate(c.getFilter(), at + ".filter");
                    break;
                case NESTED:
                    if (c.getNested().hasFilter()) {
                        validate(c.getNested().getFilter(), at + ".nested.filter");
                    }
                    break;
                default:
                    break;
            }
        }
    }
}
