package io.github.qdrantscope.embedded.filter;

import io.qdrant.client.grpc.JsonWithInt.Value;

/**
 * One condition checked against one non-array payload value: {@code ValueChecker::check_match} in
 * {@code lib/segment/src/payload_storage/condition_checker.rs}.
 */
@FunctionalInterface
interface ValueMatcher {
    boolean matches(Value value);
}
