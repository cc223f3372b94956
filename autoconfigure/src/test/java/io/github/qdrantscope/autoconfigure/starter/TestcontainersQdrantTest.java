package io.github.qdrantscope.autoconfigure.starter;

import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.qdrant.QdrantContainer;

import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.test.context.TestPropertySource;

/**
 * External mode as the user guide sets it up: a real Qdrant in a Testcontainers container, connected
 * through {@code @ServiceConnection} (Spring AI's {@code QdrantConnectionDetails} for it). Skipped, before
 * any container or Spring context is created, where no Docker engine answers.
 */
@Testcontainers(disabledWithoutDocker = true)
@TestPropertySource(properties = "qdrant-scope.collection-prefix=" + TestcontainersQdrantTest.PREFIX)
class TestcontainersQdrantTest extends ExternalQdrantContract {

    static final String PREFIX = "e2e_testcontainers";

    @Container
    @ServiceConnection
    static QdrantContainer qdrant = new QdrantContainer("qdrant/qdrant:v1.17.0");

    @Override
    ExternalServer server() {
        return new ExternalServer(qdrant.getHost(), qdrant.getGrpcPort(), null);
    }

    @Override
    String collectionPrefix() {
        return PREFIX;
    }

    @Override
    String expectedChoiceReason() {
        return "the context defines QdrantConnectionDetails bean '";
    }
}
