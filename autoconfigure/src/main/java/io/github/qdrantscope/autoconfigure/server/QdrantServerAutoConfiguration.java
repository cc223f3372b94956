package io.github.qdrantscope.autoconfigure.server;

import io.qdrant.client.QdrantClient;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Chooses the Qdrant server (embedded unless the user configured one) and checks it answers; ordered
 * before Spring AI's Qdrant auto-configuration so the embedded address is in place when Spring AI binds its
 * properties. Off with {@code qdrant-scope.enabled=false} or when {@code spring.ai.vectorstore.type} is not
 * {@code qdrant}.
 */
@AutoConfiguration(beforeName = "org.springframework.ai.vectorstore.qdrant.autoconfigure.QdrantVectorStoreAutoConfiguration")
@ConditionalOnClass(QdrantClient.class)
@ConditionalOnProperty(prefix = "qdrant-scope", name = "enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(QdrantServerProperties.class)
public class QdrantServerAutoConfiguration {

    /** Decides embedded or external and publishes the embedded address; one per context. */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnProperty(name = "spring.ai.vectorstore.type", havingValue = "qdrant", matchIfMissing = true)
    static QdrantServerSelector qdrantScopeServerSelector() {
        return new QdrantServerSelector();
    }

    /** Fails fast and clearly when the chosen server does not answer. */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnProperty(name = "spring.ai.vectorstore.type", havingValue = "qdrant", matchIfMissing = true)
    static QdrantConnectionCheck qdrantScopeConnectionCheck() {
        return new QdrantConnectionCheck();
    }
}
