/**
 * Per-fork collection binding: the fork id and run id of this JVM, the collection name built from them,
 * the TestContext {@code ContextCustomizerFactory} that binds it (keeping Spring's context cache working),
 * the ownership lease that detects two JVMs claiming one collection, dropping the collection at JVM exit,
 * and the end-of-run report.
 */
package io.github.qdrantscope.autoconfigure.fork;
