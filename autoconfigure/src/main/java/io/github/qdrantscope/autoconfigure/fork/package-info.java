/**
 * Spring glue for the per-fork collection binding: the TestContext {@code ContextCustomizerFactory} that binds the
 * fork's collection name into each context (keeping Spring's context cache working), the auto-configuration of the
 * fork's name mapping, and claiming Spring AI's collection before its store initializes. Fork identity, leases, the
 * JVM's runtime (exit work, report) and the run listener are scope-core's ({@code io.github.qdrantscope.core.identity},
 * {@code .lease}, {@code .fork}).
 */
package io.github.qdrantscope.autoconfigure.fork;
