/**
 * Which Qdrant the tests talk to ({@code QdrantEndpoint}), the JVM's shared embedded server, the health check
 * with a deadline, and the ordered work at JVM exit (report, collections, server).
 */
package io.github.qdrantscope.core.server;
