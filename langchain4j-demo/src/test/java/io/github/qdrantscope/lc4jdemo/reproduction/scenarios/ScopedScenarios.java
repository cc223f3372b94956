package io.github.qdrantscope.lc4jdemo.reproduction.scenarios;

import io.github.qdrantscope.core.ScopedProject;
import io.qdrant.client.QdrantClient;

/** The very same scenarios with {@code @ScopedProject}: nothing else changes. */
@ScopedProject
public class ScopedScenarios extends LibraryScenarios {

    ScopedScenarios(QdrantClient client) {
        super(client);
    }
}
