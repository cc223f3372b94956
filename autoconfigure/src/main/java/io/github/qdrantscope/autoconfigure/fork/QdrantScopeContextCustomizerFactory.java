package io.github.qdrantscope.autoconfigure.fork;

import java.util.List;

import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.util.ClassUtils;

/**
 * Binds every Spring test context of this JVM to the fork's own collection (registered in
 * {@code META-INF/spring.factories} under {@code org.springframework.test.context.ContextCustomizerFactory}).
 * The customizer it returns is equal for every test class of the fork, so Spring's context cache keeps
 * sharing contexts between them.
 */
public class QdrantScopeContextCustomizerFactory implements ContextCustomizerFactory {

    private static final boolean QDRANT_STORE_PRESENT = ClassUtils.isPresent(
            "org.springframework.ai.vectorstore.qdrant.QdrantVectorStore",
            QdrantScopeContextCustomizerFactory.class.getClassLoader());

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass,
            List<ContextConfigurationAttributes> configAttributes) {
        if (!QDRANT_STORE_PRESENT || "false".equals(System.getProperty("qdrant-scope.enabled"))) {
            return null;
        }
        return new QdrantScopeContextCustomizer(ForkIdentity.jvm());
    }
}
