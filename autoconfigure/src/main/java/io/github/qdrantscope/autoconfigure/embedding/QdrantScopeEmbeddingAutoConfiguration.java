package io.github.qdrantscope.autoconfigure.embedding;

import org.springframework.ai.embedding.EmbeddingModel;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Import;

/**
 * Auto-configures the offline {@link HashingEmbeddingModel} as the {@code EmbeddingModel} bean when
 * {@code qdrant-scope.embedding=hashing} and the application defines no embedding model of its own.
 *
 * <p>Runs before Spring AI's Qdrant vector store auto-configuration, which needs an embedding model to
 * create the {@code QdrantVectorStore}.
 */
@AutoConfiguration(beforeName = "org.springframework.ai.vectorstore.qdrant.autoconfigure.QdrantVectorStoreAutoConfiguration")
@ConditionalOnClass(EmbeddingModel.class)
@Conditional(OnHashingEmbeddingCondition.class)
@Import(HashingEmbeddingConfiguration.class)
public class QdrantScopeEmbeddingAutoConfiguration {
}
