package io.github.qdrantscope.core.identity;

/**
 * This JVM's fork id and where it came from.
 *
 * @param value the id, valid per {@link ForkIds}
 * @param source the layer that produced it: {@code qdrant-scope.fork-id}, {@code QDRANT_SCOPE_FORK_ID},
 *     {@code surefire}, {@code gradle} or {@code pid}
 */
public record ForkId(String value, String source) {
}
