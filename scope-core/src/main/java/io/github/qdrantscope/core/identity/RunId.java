package io.github.qdrantscope.core.identity;

/**
 * The id shared by every fork of one build (or CI job), and where it came from.
 *
 * @param value the id: 1 to 64 characters of {@code [A-Za-z0-9-]}
 * @param source {@code qdrant-scope.run-id}, {@code QDRANT_SCOPE_RUN_ID}, {@code github-actions},
 *     {@code gitlab}, {@code buildkite}, {@code circleci}, {@code jenkins}, {@code build-process} or {@code jvm}
 */
public record RunId(String value, String source) {
}
