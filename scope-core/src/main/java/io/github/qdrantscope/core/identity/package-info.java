/**
 * Who this JVM is within the build: its fork id and run id (resolved once per JVM from system properties,
 * environment variables, Surefire, Gradle and CI layers), the host and the build directory. Everything named after
 * the fork (collections, reports) derives from it.
 */
package io.github.qdrantscope.core.identity;
