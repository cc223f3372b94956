package io.github.qdrantscope.autoconfigure.starter;

import io.github.qdrantscope.embedded.EmbeddedQdrant;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * External mode through Spring AI's {@code spring.ai.vectorstore.qdrant.host}, {@code port} and
 * {@code api-key} properties, as for a shared CI Qdrant; the server is an embedded Qdrant this test
 * starts itself.
 */
@TestPropertySource(properties = "qdrant-scope.collection-prefix=" + ExternalUrlQdrantTest.PREFIX)
class ExternalUrlQdrantTest extends ExternalQdrantContract {

    static final String PREFIX = "e2e_external_url";

    private static final String API_KEY = "external-url-key";

    private static final EmbeddedQdrant SERVER = ExternalServer.start(API_KEY, "ExternalUrlQdrantTest");

    @DynamicPropertySource
    static void qdrant(DynamicPropertyRegistry registry) {
        registry.add("spring.ai.vectorstore.qdrant.host", SERVER::host);
        registry.add("spring.ai.vectorstore.qdrant.port", SERVER::grpcPort);
        registry.add("spring.ai.vectorstore.qdrant.api-key", () -> API_KEY);
    }

    @Override
    ExternalServer server() {
        return ExternalServer.of(SERVER, API_KEY);
    }

    @Override
    String collectionPrefix() {
        return PREFIX;
    }

    @Override
    String expectedChoiceReason() {
        return "spring.ai.vectorstore.qdrant.host is set; spring.ai.vectorstore.qdrant.port is set; "
                + "spring.ai.vectorstore.qdrant.api-key is set";
    }
}
