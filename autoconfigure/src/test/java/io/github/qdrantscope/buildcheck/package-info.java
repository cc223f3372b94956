/**
 * Checks of this module's own build configuration, run by the Surefire execution {@code two-forks} (see the
 * module's {@code pom.xml}), never by the main test execution: their class names match neither Surefire's
 * default includes nor the {@code io/github/qdrantscope/autoconfigure/**} filter.
 */
package io.github.qdrantscope.buildcheck;
