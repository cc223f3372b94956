package io.github.qdrantscope.autoconfigure.fork;

import io.github.qdrantscope.core.identity.ForkIdentity;
import io.github.qdrantscope.core.identity.SystemLookup;

import java.util.List;

import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.core.convert.ConversionException;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.util.ClassUtils;

/**
 * Binds every Spring test context of this JVM to the fork's own collection (registered in
 * {@code META-INF/spring.factories} under {@code org.springframework.test.context.ContextCustomizerFactory}).
 * The customizer it returns is equal for every test class of the fork, so Spring's context cache keeps
 * sharing contexts between them.
 *
 * <p>Contributes nothing when the Qdrant Java client ({@code io.qdrant:client}) is not on the classpath, or when the
 * system property {@value #ENABLED_PROPERTY} is false (any boolean form Spring Boot binds: {@code false},
 * {@code FALSE}, {@code off}, {@code no}, {@code 0}); then not even the fork identity is resolved.
 */
public class QdrantScopeContextCustomizerFactory implements ContextCustomizerFactory {

    /** The system property that switches the fork binding off for the whole JVM. */
    public static final String ENABLED_PROPERTY = "qdrant-scope.enabled";

    private static final String QDRANT_CLIENT = "io.qdrant.client.QdrantClient";

    private final SystemLookup system;

    private final boolean qdrantClientPresent;

    /** The factory Spring's TestContext framework instantiates: the real JVM and this class's loader. */
    public QdrantScopeContextCustomizerFactory() {
        this(SystemLookup.jvm(), QdrantScopeContextCustomizerFactory.class.getClassLoader());
    }

    QdrantScopeContextCustomizerFactory(SystemLookup system, ClassLoader classLoader) {
        this.system = system;
        this.qdrantClientPresent = ClassUtils.isPresent(QDRANT_CLIENT, classLoader);
    }

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass,
            List<ContextConfigurationAttributes> configAttributes) {
        if (!this.qdrantClientPresent || !enabled()) {
            return null;
        }
        return new QdrantScopeContextCustomizer(ForkIdentity.jvm());
    }

    private boolean enabled() {
        String value = SystemLookup.nonBlank(this.system.property(ENABLED_PROPERTY));
        if (value == null) {
            return true;
        }
        try {
            // the same conversion the customizer's Binder applies to the context's qdrant-scope.enabled
            Boolean enabled = ApplicationConversionService.getSharedInstance().convert(value, Boolean.class);
            return !Boolean.FALSE.equals(enabled);
        }
        catch (ConversionException ex) {
            throw new IllegalArgumentException("qdrant-scope: system property " + ENABLED_PROPERTY + "='" + value
                    + "' is invalid: use true or false", ex);
        }
    }
}
