/**
 * The scenarios the reproduction launches in-process: the same test bodies once the legacy way (no project, one
 * shared collection) and once with {@code @ScopedProject}. Their class names do not end in {@code Test}, so
 * Surefire never runs them on its own.
 */
package io.github.qdrantscope.lc4jdemo.reproduction.scenarios;
