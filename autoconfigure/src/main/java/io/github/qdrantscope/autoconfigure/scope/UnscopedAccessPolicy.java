package io.github.qdrantscope.autoconfigure.scope;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What happens when the scoped {@code VectorStore} is used while no project scope is open (context
 * start-up, {@code @BeforeAll}, a class without {@code @ScopedProject}). Property
 * {@code qdrant-scope.unscoped}; every such access is counted whatever the policy.
 */
public enum UnscopedAccessPolicy {

    /** Let the call through silently (it is still counted). */
    ALLOW,

    /** Let the call through and log a warning naming the operation and collection (the default). */
    WARN,

    /** Reject the call with an {@link UnscopedAccessException}. */
    FAIL;

    /** The property this policy is read from. */
    public static final String PROPERTY = "qdrant-scope.unscoped";

    /** Parses a property value case-insensitively; anything else is an error naming the property. */
    public static UnscopedAccessPolicy parse(String value) {
        String normalised = value == null ? "" : value.trim().toUpperCase(Locale.ROOT);
        for (UnscopedAccessPolicy policy : values()) {
            if (policy.name().equals(normalised)) {
                return policy;
            }
        }
        throw new IllegalArgumentException("Invalid value '" + value + "' for property '" + PROPERTY
                + "': expected one of " + Arrays.stream(values())
                    .map(p -> p.name().toLowerCase(Locale.ROOT))
                    .collect(Collectors.joining(", ")));
    }
}
