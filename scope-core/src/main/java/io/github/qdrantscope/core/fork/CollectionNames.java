package io.github.qdrantscope.core.fork;

import java.util.regex.Pattern;

import io.github.qdrantscope.core.identity.ForkId;
import io.github.qdrantscope.core.identity.RunId;

/**
 * Builds the fork's collection name {@code <prefix>_<run>_f<fork>} and checks it is valid for Qdrant
 * (at most {@value #MAX_LENGTH} characters, none of Qdrant's forbidden characters — guaranteed by the
 * syntax of prefix, run id and fork id).
 */
public final class CollectionNames {

    /** Qdrant's limit on collection-name length. */
    public static final int MAX_LENGTH = 255;

    /** The default collection prefix. */
    public static final String DEFAULT_PREFIX = "qdrant_scope";

    /** Longest accepted collection prefix. */
    public static final int MAX_PREFIX_LENGTH = 64;

    /** The prefix rule, for error messages. */
    public static final String PREFIX_RULE = "use a letter followed by letters, digits, '_' or '-', at most "
            + MAX_PREFIX_LENGTH + " characters";

    private static final Pattern PREFIX_PATTERN = Pattern.compile("[A-Za-z][A-Za-z0-9_-]*");

    private CollectionNames() {
    }

    /** The collection name of fork {@code fork} in run {@code run}. */
    public static String of(String prefix, RunId run, ForkId fork) {
        String name = prefix + "_" + run.value() + "_f" + fork.value();
        if (name.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("qdrant-scope: collection name '" + name + "' is " + name.length()
                    + " characters, more than Qdrant's " + MAX_LENGTH + "; shorten qdrant-scope.collection-prefix");
        }
        return name;
    }

    /** Whether {@code prefix} is a valid {@code qdrant-scope.collection-prefix}. */
    public static boolean isValidPrefix(String prefix) {
        return prefix != null && prefix.length() <= MAX_PREFIX_LENGTH && PREFIX_PATTERN.matcher(prefix).matches();
    }

    /** Whether {@code collection} belongs to qdrant-scope under {@code prefix}: the only ones it may drop. */
    public static boolean isOwnedBy(String prefix, String collection) {
        return collection != null && collection.startsWith(prefix + "_");
    }
}
