package io.github.qdrantscope.demo.reproduction.scenarios;

/** The scenarios without scoping: what a suite using a round-robin collection pool looks like today. */
public class LegacyPoolScenarios extends PoolScenarios {
}
