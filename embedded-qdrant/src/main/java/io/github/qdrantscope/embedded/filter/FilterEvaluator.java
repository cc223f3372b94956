package io.github.qdrantscope.embedded.filter;

import io.github.qdrantscope.embedded.storage.StoredPoint;
import io.qdrant.client.grpc.Common.Filter;
import java.util.function.Predicate;

/**
 * Evaluates Qdrant filters against stored points, with Qdrant 1.17's semantics
 * ({@code lib/segment/src/payload_storage/query_checker.rs}, {@code condition_checker.rs}).
 *
 * <p>STUB: owned by the filter work; signatures are the contract other packages code against.
 */
public final class FilterEvaluator {

    private FilterEvaluator() {
    }

    /**
     * Validates and compiles a filter once, for evaluation over many points.
     *
     * @throws io.grpc.StatusRuntimeException {@code INVALID_ARGUMENT} with Qdrant's message for a
     *     malformed condition (e.g. "Malformed Match condition", "Nested condition must have a filter")
     */
    public static Predicate<StoredPoint> compile(Filter filter) {
        throw new UnsupportedOperationException("FilterEvaluator not implemented yet");
    }

    /** Shorthand for {@code compile(filter).test(point)}. */
    public static boolean matches(Filter filter, StoredPoint point) {
        return compile(filter).test(point);
    }
}
