package io.github.qdrantscope.demo.reproduction.scenarios;

import io.github.qdrantscope.core.ScopedProject;

/** The very same scenarios with {@code @ScopedProject}: nothing else changes. */
@ScopedProject
public class ScopedPoolScenarios extends PoolScenarios {
}
