package io.github.qdrantscope.embedded.search;

import io.github.qdrantscope.embedded.storage.QdrantErrors;

/**
 * Request validation Qdrant performs before executing (its {@code validator} derive on the gRPC
 * messages): the message lists the failing field path, e.g. {@code search_points[0].limit}.
 */
final class Limits {

    private Limits() {
    }

    /** {@code Validation error in body: [<field>: value 0 invalid, must be 1 or larger]} for 0. */
    static long atLeastOne(long value, String field) {
        return atLeast(value, 1, field);
    }

    /** {@code Validation error in body: [<field>: value <v> invalid, must be <min> or larger]}. */
    static long atLeast(long value, long min, String field) {
        if (Long.compareUnsigned(value, min) < 0) {
            throw QdrantErrors.validation(field + ": value " + value + " invalid, must be " + min + " or larger");
        }
        return value;
    }

    /** Prefixes a batch element's field path, e.g. {@code search_points[2].limit}. */
    static String element(String prefix, String list, int index, String field) {
        return prefix + list + "[" + index + "]." + field;
    }
}
