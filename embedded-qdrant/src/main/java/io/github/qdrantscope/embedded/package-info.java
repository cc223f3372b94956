/**
 * The embedded Qdrant: {@link io.github.qdrantscope.embedded.EmbeddedQdrant} (start, address, stop)
 * and {@link io.github.qdrantscope.embedded.Main}, which runs it standalone from the jar.
 */
package io.github.qdrantscope.embedded;
