package io.github.qdrantscope.autoconfigure.server;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;
import org.springframework.util.ClassUtils;

/**
 * Publishes an external server's address under both spellings, so every client of the context can be built
 * from one: {@code qdrant-scope.server.*} from Spring AI's {@code spring.ai.vectorstore.qdrant.*} (or from a
 * {@code QdrantConnectionDetails} bean, such as a Testcontainers {@code @ServiceConnection}, read when first
 * asked for, after the bean exists) and Spring AI's from {@code qdrant-scope.server.*}. Added last, so it only
 * answers for a spelling the user did not set.
 */
final class ExternalServerPropertySource extends PropertySource<Object> {

    private static final String CONNECTION_DETAILS =
            "org.springframework.ai.vectorstore.qdrant.autoconfigure.QdrantConnectionDetails";

    /** The name under which Boot attaches a view of every property source (ConfigurationPropertySources). */
    private static final String ATTACHED = "configurationProperties";

    /** Set while this source reads the others: placeholders resolved meanwhile must not come back to it. */
    private static final ThreadLocal<Boolean> RESOLVING = new ThreadLocal<>();

    private final ConfigurableEnvironment environment;

    private final ConfigurableListableBeanFactory beanFactory;

    ExternalServerPropertySource(String name, ConfigurableEnvironment environment,
            ConfigurableListableBeanFactory beanFactory) {
        super(name, new Object());
        this.environment = environment;
        this.beanFactory = beanFactory;
    }

    @Override
    public Object getProperty(String name) {
        return switch (name) {
            case QdrantServerSelector.SERVER_HOST -> detailsOr(Details.HOST, QdrantServerSelector.HOST);
            case QdrantServerSelector.SERVER_PORT -> detailsOr(Details.PORT, QdrantServerSelector.PORT);
            case QdrantServerSelector.SERVER_API_KEY -> detailsOr(Details.API_KEY, QdrantServerSelector.API_KEY);
            case QdrantServerSelector.SERVER_USE_TLS -> user(QdrantServerSelector.USE_TLS);
            case QdrantServerSelector.HOST -> user(QdrantServerSelector.SERVER_HOST);
            case QdrantServerSelector.PORT -> user(QdrantServerSelector.SERVER_PORT);
            case QdrantServerSelector.API_KEY -> user(QdrantServerSelector.SERVER_API_KEY);
            case QdrantServerSelector.USE_TLS -> user(QdrantServerSelector.SERVER_USE_TLS);
            default -> null;
        };
    }

    /**
     * What the user set for {@code property} in any other property source. Never this one, nor Boot's attached
     * {@value #ATTACHED} source, which contains this one: a lookup must not come back here.
     */
    private Object user(String property) {
        if (RESOLVING.get() != null) {
            return null;
        }
        RESOLVING.set(Boolean.TRUE);
        try {
            for (PropertySource<?> source : this.environment.getPropertySources()) {
                if (source != this && !ATTACHED.equals(source.getName()) && source.containsProperty(property)) {
                    Object value = source.getProperty(property);
                    return value instanceof String text ? this.environment.resolvePlaceholders(text) : value;
                }
            }
            return null;
        }
        finally {
            RESOLVING.remove();
        }
    }

    private Object detailsOr(Details part, String springAiProperty) {
        Object set = user(springAiProperty);
        if (set != null) {
            return set;
        }
        ClassLoader classLoader = this.beanFactory.getBeanClassLoader();
        if (!ClassUtils.isPresent(CONNECTION_DETAILS, classLoader)) {
            return null;
        }
        Object details = this.beanFactory.getBeanProvider(ClassUtils.resolveClassName(CONNECTION_DETAILS,
                classLoader)).getIfAvailable();
        return details == null ? null : part.of(ClassUtils.resolveClassName(CONNECTION_DETAILS, classLoader), details);
    }

    /** The parts of Spring AI's {@code QdrantConnectionDetails}, read without linking to the class. */
    private enum Details {
        HOST("getHost"), PORT("getPort"), API_KEY("getApiKey");

        private final String getter;

        Details(String getter) {
            this.getter = getter;
        }

        /** Through the public interface: implementations (Spring AI's own) may be private classes. */
        Object of(Class<?> type, Object details) {
            try {
                return type.getMethod(this.getter).invoke(details);
            }
            catch (ReflectiveOperationException ex) {
                throw new IllegalStateException("Could not read " + this.getter + "() of " + details, ex);
            }
        }
    }
}
