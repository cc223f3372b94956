package io.github.qdrantscope.autoconfigure.starter;

import io.github.qdrantscope.autoconfigure.scope.CurrentProject;
import io.micrometer.core.instrument.MeterRegistry;
import io.github.qdrantscope.core.server.QdrantEndpoint;
import io.github.qdrantscope.core.server.SharedEmbeddedQdrant;
import io.qdrant.client.QdrantClient;
import io.qdrant.client.QdrantGrpcClient;

import org.springframework.ai.vectorstore.qdrant.QdrantVectorStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/** What every end-to-end test of the starter injects: all of it comes from the starter's auto-configuration. */
abstract class StarterTestSupport {

    @Autowired
    QdrantVectorStore vectorStore;

    @Autowired
    MeterRegistry registry;

    @Autowired
    Environment environment;

    @Autowired
    CurrentProject project;

    /** The collection the fork binding gave this context. */
    String collection() {
        return this.environment.getRequiredProperty("spring.ai.vectorstore.qdrant.collection-name");
    }

    /** The store's own client, as application code would reach it: scoped like the store. */
    QdrantClient raw() {
        return this.vectorStore.<QdrantClient>getNativeClient().orElseThrow();
    }

    /** A new client on the embedded server without the starter's interceptor: what is really stored. */
    static QdrantClient independentClient() {
        QdrantEndpoint embedded = SharedEmbeddedQdrant.endpoint();
        return new QdrantClient(QdrantGrpcClient.newBuilder(embedded.host(), embedded.port(), false).build());
    }
}
