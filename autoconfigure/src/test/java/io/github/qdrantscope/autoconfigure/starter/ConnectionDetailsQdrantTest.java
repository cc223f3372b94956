package io.github.qdrantscope.autoconfigure.starter;

import io.github.qdrantscope.autoconfigure.FixedQdrantConnectionDetails;
import io.github.qdrantscope.embedded.EmbeddedQdrant;

import org.springframework.ai.vectorstore.qdrant.autoconfigure.QdrantConnectionDetails;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;

/**
 * External mode through a {@code QdrantConnectionDetails} bean, which is what {@code @ServiceConnection}
 * on a {@code QdrantContainer} contributes (see {@link TestcontainersQdrantTest}): here the server behind
 * it is an embedded Qdrant this test starts itself, with an API key, so the mode runs without Docker.
 */
@ContextConfiguration(initializers = ConnectionDetailsQdrantTest.ServerConnection.class)
@TestPropertySource(properties = "qdrant-scope.collection-prefix=" + ConnectionDetailsQdrantTest.PREFIX)
class ConnectionDetailsQdrantTest extends ExternalQdrantContract {

    static final String PREFIX = "e2e_connection_details";

    private static final String API_KEY = "connection-details-key";

    private static final String BEAN_NAME = "embeddedQdrantConnectionDetails";

    private static final EmbeddedQdrant SERVER = ExternalServer.start(API_KEY, "ConnectionDetailsQdrantTest");

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
        return "the context defines QdrantConnectionDetails bean '" + BEAN_NAME + "'";
    }

    /**
     * Registers the details as {@code @ServiceConnection} does: a bean definition with an instance
     * supplier, added to the test's context before it refreshes. (Details from an {@code @Import}ed
     * configuration class are covered by {@code QdrantServerAutoConfigurationTest}.)
     */
    static class ServerConnection implements ApplicationContextInitializer<GenericApplicationContext> {

        @Override
        public void initialize(GenericApplicationContext context) {
            context.registerBean(BEAN_NAME, QdrantConnectionDetails.class,
                    () -> new FixedQdrantConnectionDetails(SERVER.host(), SERVER.grpcPort(), API_KEY));
        }
    }
}
