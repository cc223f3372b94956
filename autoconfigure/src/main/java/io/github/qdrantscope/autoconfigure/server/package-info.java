/**
 * Which Qdrant a Spring context talks to: choosing the embedded server (scope-core's {@code SharedEmbeddedQdrant},
 * one per JVM) or an external one the user configured, publishing its address into each context's Environment,
 * the health check as soon as the context's client exists, and Boot's failure analysis when it does not answer.
 */
package io.github.qdrantscope.autoconfigure.server;
