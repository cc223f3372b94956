package io.github.qdrantscope.core;

import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Project names ({@code <prefix ≤ 40 chars>-<8 hex digits>}) and the rules for prefixes and payload keys.
 *
 * <p>Names only use {@code [A-Za-z0-9_-]}, so they are safe as Qdrant keyword values, in log lines and in
 * HTTP headers. They are unique within the JVM (a fork has its own collection, so that is enough).
 */
public final class ProjectNames {

    /** Longest prefix kept in a project name. */
    public static final int MAX_PREFIX_LENGTH = 40;

    /** The payload field holding the id the application gave a document (ids are namespaced per project). */
    public static final String ORIGINAL_ID_KEY = "qdrant_scope_id";

    /**
     * The payload field naming the project key of a point stamped with a key other than the default, so an
     * unscoped read can remove the right field; absent for the default key.
     */
    public static final String PROJECT_KEY_KEY = "qdrant_scope_key";

    private static final Pattern PREFIX = Pattern.compile("[A-Za-z0-9_-]{1," + MAX_PREFIX_LENGTH + "}");

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1," + MAX_PREFIX_LENGTH + "}-[0-9a-f]{8}");

    /** Payload keys are plain identifiers: a dot or bracket would make Qdrant read a nested path. */
    private static final Pattern KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}");

    private static final HexFormat HEX = HexFormat.of();

    private static final Set<String> ISSUED = ConcurrentHashMap.newKeySet();

    private ProjectNames() {
    }

    /** A fresh, JVM-unique name {@code <prefix>-<8 hex>} for a valid prefix. */
    public static String newName(String prefix) {
        if (!PREFIX.matcher(prefix).matches()) {
            throw new IllegalArgumentException("Invalid project name prefix '" + prefix + "': " + PREFIX_RULE);
        }
        // Uniqueness comes from ISSUED, so the suffix need not be unpredictable: no SecureRandom (and its lock)
        // on the path of every test method.
        while (true) {
            String name = prefix + "-" + HEX.toHexDigits(ThreadLocalRandom.current().nextInt());
            if (ISSUED.add(name)) {
                return name;
            }
        }
    }

    /** A readable prefix from a test class and method: {@code SimpleClassName-methodName}, sanitised and cut. */
    public static String derivePrefix(Class<?> testClass, String methodName) {
        String raw = testClass.getSimpleName() + (methodName == null ? "" : "-" + methodName);
        String sanitised = raw.replaceAll("[^A-Za-z0-9_-]", "_");
        if (sanitised.isEmpty()) {
            sanitised = "test";
        }
        return sanitised.length() <= MAX_PREFIX_LENGTH ? sanitised : sanitised.substring(0, MAX_PREFIX_LENGTH);
    }

    public static final String PREFIX_RULE = "expected 1 to " + MAX_PREFIX_LENGTH
            + " characters from [A-Za-z0-9_-] (a unique -<8 hex> suffix is appended), or empty to derive it"
            + " from the test class and method";

    public static final String KEY_RULE = "expected a plain payload field name matching [A-Za-z_][A-Za-z0-9_]{0,63}"
            + " (no dots or brackets, which Qdrant reads as a nested path), other than the reserved '"
            + ORIGINAL_ID_KEY + "' and '" + PROJECT_KEY_KEY + "'";

    public static boolean isValidPrefix(String prefix) {
        return PREFIX.matcher(prefix).matches();
    }

    public static boolean isValidKey(String key) {
        return KEY.matcher(key).matches() && !ORIGINAL_ID_KEY.equals(key) && !PROJECT_KEY_KEY.equals(key);
    }

    public static void requireValidKey(String key, Supplier<String> where) {
        if (!isValidKey(key)) {
            throw new IllegalArgumentException("Invalid " + where.get() + " '" + key + "': " + KEY_RULE);
        }
    }

    public static void requireValidProjectName(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Invalid project name '" + name
                    + "': expected <prefix>-<8 hex digits>, prefix " + PREFIX_RULE);
        }
    }
}
