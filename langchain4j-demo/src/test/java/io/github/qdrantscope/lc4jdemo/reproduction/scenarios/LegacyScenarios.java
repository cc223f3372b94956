package io.github.qdrantscope.lc4jdemo.reproduction.scenarios;

import io.qdrant.client.QdrantClient;

/** The scenarios without a project: every test shares the fork's one {@code segments} collection. */
public class LegacyScenarios extends LibraryScenarios {

    LegacyScenarios(QdrantClient client) {
        super(client);
    }
}
