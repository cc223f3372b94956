package io.github.qdrantscope.junit;

import io.qdrant.client.QdrantClient;

/** One of the isolation suite's classes (see {@link IsolationSuite}), run concurrently with the others. */
class CatalogueIsolationTest extends IsolationSuite {

    CatalogueIsolationTest(QdrantClient client) {
        super(client);
    }
}
