/**
 * Qdrant 1.17 filter semantics for the embedded server: compiling wire {@code Filter}s into fast
 * predicates over stored points ({@link io.github.qdrantscope.embedded.filter.FilterEvaluator}) and
 * payload key paths with the SetPayload/DeletePayload edits that use them
 * ({@link io.github.qdrantscope.embedded.filter.PayloadPaths}).
 */
package io.github.qdrantscope.embedded.filter;
