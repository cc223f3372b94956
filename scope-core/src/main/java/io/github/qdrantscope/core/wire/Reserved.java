package io.github.qdrantscope.core.wire;

import io.github.qdrantscope.core.client.CallRejection;
import java.util.Map;
import java.util.function.Supplier;

import io.github.qdrantscope.core.ProjectNames;
import io.github.qdrantscope.core.ProjectScope;
import io.github.qdrantscope.core.ScopedProject;
import io.grpc.Status;
import io.qdrant.client.grpc.JsonWithInt.Value;

/**
 * The payload fields qdrant-scope owns on a scoped point: the project key, {@value ProjectNames#ORIGINAL_ID_KEY}
 * and {@value ProjectNames#PROJECT_KEY_KEY}. The application may neither set nor delete them, and never sees them.
 */
public final class Reserved {

    /** The prefix of the reserved fields other than the project key. */
    private static final String OWN_PREFIX = "qdrant_scope_";

    private Reserved() {
    }

    /** Whether {@code key} is a field qdrant-scope owns on points of {@code scope}. */
    public static boolean isReserved(ProjectScope scope, String key) {
        return key.equals(scope.key()) || key.equals(ProjectNames.ORIGINAL_ID_KEY)
                || key.equals(ProjectNames.PROJECT_KEY_KEY);
    }

    /** Rejects a payload map that sets a reserved field. */
    static void rejectKeys(ProjectScope scope, Map<String, Value> payload, String where) {
        rejectKeys(scope, payload, () -> where);
    }

    /**
     * Rejects a payload map that sets a reserved field; {@code where} is only asked for when one does (an
     * upsert checks every point, and the point's description is only needed for the message).
     */
    static void rejectKeys(ProjectScope scope, Map<String, Value> payload, Supplier<String> where) {
        if (payload.isEmpty()) {
            return;
        }
        for (String key : payload.keySet()) {
            rejectKey(scope, key, where);
        }
    }

    /** Rejects one payload key that is a reserved field; {@code where} is only asked for when it is. */
    static void rejectKey(ProjectScope scope, String key, Supplier<String> where) {
        if (mayBeReserved(scope, key) && isReserved(scope, firstSegment(key))) {
            rejectPath(scope, key, where.get());
        }
    }

    /** Rejects a key path whose first segment is a reserved field ({@code a.b}, {@code a[]}, {@code a[0]}). */
    static void rejectPath(ProjectScope scope, String path, String where) {
        String problem = violation(scope, path, where);
        if (problem != null) {
            throw new CallRejection(Status.Code.INVALID_ARGUMENT, problem);
        }
    }

    /**
     * Why {@code path} may not be written in {@code scope}, or {@code null} when it may: its first segment
     * ({@code a} of {@code a.b}, {@code a[]}, {@code a[0]}) is a reserved field.
     *
     * @param where what carries the path, for the message, e.g. {@code "Upsert of point 7: payload key"}
     */
    public static String violation(ProjectScope scope, String path, String where) {
        String first = firstSegment(path);
        if (!isReserved(scope, first)) {
            return null;
        }
        return where + " '" + path + "' uses payload field '" + first + "', which qdrant-scope reserves "
                + purpose(scope, first) + " in project '" + scope.name() + "': rename the application's field"
                + (first.equals(scope.key()) && !first.equals(ScopedProject.DEFAULT_KEY)
                        ? " or choose another @ScopedProject(key = ...)" : "");
    }

    private static String purpose(ProjectScope scope, String key) {
        if (key.equals(scope.key())) {
            return "for the project key (@ScopedProject(key = \"" + scope.key() + "\"))";
        }
        return key.equals(ProjectNames.ORIGINAL_ID_KEY) ? "for the id the application gave the point"
                : "for the name of a custom project key";
    }

    /**
     * A cheap test every reserved path passes (its first segment is the project key or starts with
     * {@value #OWN_PREFIX}, possibly quoted): an upsert checks every key of every point.
     */
    private static boolean mayBeReserved(ProjectScope scope, String key) {
        return key.startsWith(OWN_PREFIX) || key.startsWith(scope.key()) || key.startsWith("\"");
    }

    private static String firstSegment(String path) {
        if (path.startsWith("\"")) {
            int end = path.indexOf('"', 1);
            return end > 0 ? path.substring(1, end) : path;
        }
        int end = path.length();
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '.' || c == '[') {
                end = i;
                break;
            }
        }
        return path.substring(0, end);
    }
}
