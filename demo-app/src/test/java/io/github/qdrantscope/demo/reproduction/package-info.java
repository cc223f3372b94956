/**
 * The problem qdrant-scope solves, reproduced as a test: the legacy scenarios are launched in-process and
 * must interfere (and be counted as contention); the scoped scenarios must not.
 */
package io.github.qdrantscope.demo.reproduction;
