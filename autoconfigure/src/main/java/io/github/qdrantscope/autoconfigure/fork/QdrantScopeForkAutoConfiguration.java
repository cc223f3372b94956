package io.github.qdrantscope.autoconfigure.fork;

import io.github.qdrantscope.autoconfigure.server.QdrantServerAutoConfiguration;
import org.springframework.ai.vectorstore.qdrant.QdrantVectorStore;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * Claims the fork's collection (see {@link ForkCollectionBinder}) in contexts bound by the qdrant-scope
 * context customizer. Off with {@code qdrant-scope.enabled=false}.
 */
@AutoConfiguration(after = QdrantServerAutoConfiguration.class,
        beforeName = "org.springframework.ai.vectorstore.qdrant.autoconfigure.QdrantVectorStoreAutoConfiguration")
@ConditionalOnClass(QdrantVectorStore.class)
@ConditionalOnProperty(prefix = "qdrant-scope", name = "enabled", havingValue = "true", matchIfMissing = true)
public class QdrantScopeForkAutoConfiguration {

    /** Claims the bound collection before the vector store initializes. */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnProperty(name = QdrantScopeContextCustomizer.BOUND_COLLECTION)
    static ForkCollectionBinder qdrantScopeForkCollectionBinder() {
        return new ForkCollectionBinder();
    }
}
