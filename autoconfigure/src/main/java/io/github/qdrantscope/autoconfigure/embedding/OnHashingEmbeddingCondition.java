package io.github.qdrantscope.autoconfigure.embedding;

import java.util.Locale;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches when {@value #PROPERTY} is {@code hashing}. A value that is neither {@code hashing} nor
 * {@code none} fails start-up naming the property: a typo must not silently leave the context without an
 * embedding model (Spring AI would then fail with a far less helpful message).
 */
class OnHashingEmbeddingCondition extends SpringBootCondition {

    static final String PROPERTY = "qdrant-scope.embedding";

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        String value = context.getEnvironment().getProperty(PROPERTY);
        if (value == null) {
            return ConditionOutcome.noMatch(PROPERTY + " is not set");
        }
        String mode = value.trim().toLowerCase(Locale.ROOT);
        return switch (mode) {
            case "hashing" -> ConditionOutcome.match(PROPERTY + "=hashing");
            case "none", "" -> ConditionOutcome.noMatch(PROPERTY + "=" + value);
            default -> throw new IllegalStateException("Invalid value '" + value + "' for " + PROPERTY
                    + ": expected 'hashing' (the offline HashingEmbeddingModel) or 'none'");
        };
    }
}
