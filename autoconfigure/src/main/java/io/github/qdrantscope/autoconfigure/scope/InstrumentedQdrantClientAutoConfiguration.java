package io.github.qdrantscope.autoconfigure.scope;

import io.grpc.ClientInterceptor;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.github.qdrantscope.autoconfigure.server.QdrantEmbeddedProperties;
import io.github.qdrantscope.core.fork.ForkCollectionsInterceptor;
import io.github.qdrantscope.core.server.QdrantChannels;
import io.github.qdrantscope.core.wire.ProjectScopeInterceptor;
import io.qdrant.client.QdrantClient;
import io.qdrant.client.QdrantGrpcClient;
import java.util.List;
import java.util.Optional;
import org.springframework.ai.vectorstore.qdrant.autoconfigure.QdrantConnectionDetails;
import org.springframework.ai.vectorstore.qdrant.autoconfigure.QdrantVectorStoreProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * The {@link QdrantClient} Spring AI's {@code QdrantVectorStore} uses, built exactly as Spring AI builds
 * it (same host, port, TLS flag and API key, from {@code QdrantConnectionDetails} or the
 * {@code spring.ai.vectorstore.qdrant.*} properties) but with every {@link ClientInterceptor} bean of the
 * context on its channel; like every {@code QdrantClient} bean it is then given the project scope and the fork's
 * collection names by {@code ScopedQdrantClientPostProcessor}, so every raw-client call (through
 * {@code vectorStore.getNativeClient()} or an injected {@code QdrantClient}) is scoped to the current project.
 *
 * <p>When that address is the test JVM's embedded server, the client talks to it over gRPC's in-process transport
 * (no socket, no serialisation) unless {@code qdrant-scope.embedded.transport=tcp}.
 *
 * <p>Unlike Spring AI's client, it does not check the server version while it is built (a call without a
 * deadline); {@code QdrantConnectionCheck} checks reachability and version within
 * {@code qdrant-scope.connect-timeout} right after.
 *
 * <p>Ordered before Spring AI's Qdrant auto-configuration, whose own {@code QdrantClient} bean then backs
 * off; an application that defines its own {@code QdrantClient} keeps it (scoped by
 * {@code ScopedQdrantClientPostProcessor}).
 */
@AutoConfiguration(beforeName = "org.springframework.ai.vectorstore.qdrant.autoconfigure.QdrantVectorStoreAutoConfiguration")
@ConditionalOnClass({ QdrantClient.class, QdrantVectorStoreProperties.class })
@ConditionalOnProperty(prefix = "qdrant-scope", name = "enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties({ QdrantVectorStoreProperties.class, QdrantEmbeddedProperties.class })
public class InstrumentedQdrantClientAutoConfiguration {

    /** A {@code QdrantClient} whose channel carries every {@code ClientInterceptor} bean. */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnProperty(name = "spring.ai.vectorstore.type", havingValue = "qdrant", matchIfMissing = true)
    public QdrantClient qdrantClient(QdrantVectorStoreProperties properties, QdrantEmbeddedProperties embedded,
            ObjectProvider<QdrantConnectionDetails> connectionDetails,
            ObjectProvider<ClientInterceptor> interceptors) {
        QdrantConnectionDetails details = connectionDetails.getIfAvailable();
        String host = details != null ? details.getHost() : properties.getHost();
        int port = details != null ? details.getPort() : properties.getPort();
        String apiKey = details != null ? details.getApiKey() : properties.getApiKey();
        // qdrant-scope's own interceptors are put on by ScopedQdrantClientPostProcessor, as on every client bean
        List<ClientInterceptor> chain = interceptors.orderedStream()
            .filter(interceptor -> !(interceptor instanceof ProjectScopeInterceptor
                    || interceptor instanceof ForkCollectionsInterceptor))
            .toList();
        Optional<ManagedChannelBuilder<?>> inProcess = properties.isUseTls() ? Optional.empty()
                : QdrantChannels.inProcess(host, port, embedded.transport());
        ManagedChannelBuilder<?> channel = inProcess.orElseGet(() -> ManagedChannelBuilder.forAddress(host, port));
        if (properties.isUseTls()) {
            channel.useTransportSecurity();
        } else if (inProcess.isEmpty()) {
            channel.usePlaintext();
        }
        channel.intercept(chain);
        ManagedChannel managedChannel = channel.build();
        // shutdownChannelOnClose: the client owns the channel, as with Spring AI's own client. No
        // compatibility check here: the client library's check is a health check without a deadline, which
        // hangs start-up forever on a server that accepts connections but never answers.
        // QdrantConnectionCheck runs the same check within qdrant-scope.connect-timeout instead.
        QdrantGrpcClient.Builder grpc = QdrantGrpcClient.newBuilder(managedChannel, true, false);
        if (apiKey != null) {
            grpc.withApiKey(apiKey);
        }
        return new QdrantClient(grpc.build());
    }
}
