/**
 * JMH benchmarks for qdrant-scope, each measured against a baseline in the same run so that the
 * reported number is a ratio, which stays meaningful on a noisy shared machine.
 *
 * <p>{@link io.github.qdrantscope.benchmarks.BenchmarkSuite} runs the whole set with short settings and
 * prints the ratios; {@code docs/benchmarks.md} records the results.
 */
package io.github.qdrantscope.benchmarks;
