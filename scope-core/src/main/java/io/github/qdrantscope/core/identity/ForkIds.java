package io.github.qdrantscope.core.identity;

import java.util.regex.Pattern;

/**
 * The fork-id syntax, shared by {@code qdrant-scope.fork-id} wherever it is set (system property, environment
 * variable, Spring property, JUnit configuration parameter) and by the {@link ForkIdResolver}: the id becomes part
 * of collection names, so it is kept to characters every Qdrant accepts.
 */
public final class ForkIds {

    /** Human-readable rule, used in error messages. */
    public static final String RULE = "use 1 to 32 characters of [A-Za-z0-9-]";

    private static final Pattern PATTERN = Pattern.compile("[A-Za-z0-9-]{1,32}");

    private ForkIds() {
    }

    /** Whether {@code value} is a valid fork id. */
    public static boolean isValid(String value) {
        return value != null && PATTERN.matcher(value).matches();
    }
}
