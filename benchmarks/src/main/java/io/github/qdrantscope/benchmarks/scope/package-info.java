/**
 * Benchmarks of issue 3: what per-test isolation costs with {@code @ScopedProject} against what teams do
 * without it (a fresh collection and context per test, or clearing a shared collection), and what
 * project scoping adds to {@code similaritySearch}.
 *
 * <p>Tests are driven through Spring's real {@link org.springframework.test.context.TestContextManager},
 * exactly as JUnit's {@code SpringExtension} drives them, against an embedded Qdrant over loopback.
 */
package io.github.qdrantscope.benchmarks.scope;

import io.github.qdrantscope.core.ScopedProject;
