/**
 * Which Qdrant the tests talk to: the embedded server (one per JVM, the default) or an external one
 * the user configured; publishing the embedded address into each context's Environment; failing
 * clearly and in bounded time when the server cannot be reached; and the ordered JVM-exit work.
 */
package io.github.qdrantscope.autoconfigure.server;
