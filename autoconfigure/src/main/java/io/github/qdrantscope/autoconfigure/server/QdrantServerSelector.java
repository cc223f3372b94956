package io.github.qdrantscope.autoconfigure.server;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.qdrant.client.QdrantClient;
import org.springframework.ai.vectorstore.qdrant.autoconfigure.QdrantConnectionDetails;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;

/**
 * Chooses the Qdrant server of a context before any bean exists.
 *
 * <p>External when the user configured one: any of {@value #HOST}, {@value #PORT} or {@value #API_KEY} is
 * set, or the context defines its own {@code QdrantConnectionDetails} (for example through
 * {@code @ServiceConnection} on a Testcontainers {@code QdrantContainer}) or its own {@code QdrantClient}
 * (beans of Spring AI's and qdrant-scope's own auto-configurations do not count).
 * Then nothing is started. Otherwise the JVM's {@link SharedEmbeddedQdrant} is started (once per JVM)
 * and its address is published as the property source {@value #PROPERTY_SOURCE_NAME}, added first to the
 * context's Environment — never through system properties, which parallel contexts would overwrite.
 */
public class QdrantServerSelector implements BeanFactoryPostProcessor, EnvironmentAware, Ordered {

    /** Name of the property source holding the embedded server's address. */
    public static final String PROPERTY_SOURCE_NAME = "qdrant-scope-embedded-server";

    /** Bean name of the {@link QdrantServerChoice}. */
    public static final String CHOICE_BEAN_NAME = "qdrantScopeServerChoice";

    /** Bean name of the {@link QdrantEndpoint}, registered once the client exists. */
    public static final String ENDPOINT_BEAN_NAME = "qdrantScopeEndpoint";

    static final String HOST = "spring.ai.vectorstore.qdrant.host";
    static final String PORT = "spring.ai.vectorstore.qdrant.port";
    static final String API_KEY = "spring.ai.vectorstore.qdrant.api-key";
    static final String USE_TLS = "spring.ai.vectorstore.qdrant.use-tls";

    private static final String SPRING_AI_QDRANT_AUTO_CONFIGURATION =
            "org.springframework.ai.vectorstore.qdrant.autoconfigure.QdrantVectorStoreAutoConfiguration";

    /**
     * Auto-configurations register under their class name; the starter's own client is not the user's. Named
     * exactly: any other configuration class, even one in qdrant-scope's packages, is the user's.
     */
    private static final String QDRANT_SCOPE_CLIENT_AUTO_CONFIGURATION =
            "io.github.qdrantscope.autoconfigure.scope.InstrumentedQdrantClientAutoConfiguration";

    private ConfigurableEnvironment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = (ConfigurableEnvironment) environment;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        QdrantServerChoice choice = choose(beanFactory);
        if (choice.mode() == QdrantEndpoint.Mode.EMBEDDED) {
            QdrantEndpoint embedded = SharedEmbeddedQdrant.endpoint();
            Map<String, Object> address = new LinkedHashMap<>();
            address.put(HOST, embedded.host());
            address.put(PORT, embedded.port());
            address.put(USE_TLS, false);
            environment.getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE_NAME, address));
        }
        if (!beanFactory.containsSingleton(CHOICE_BEAN_NAME)) {
            beanFactory.registerSingleton(CHOICE_BEAN_NAME, choice);
        }
    }

    QdrantServerChoice choose(ConfigurableListableBeanFactory beanFactory) {
        List<String> reasons = new ArrayList<>();
        for (String property : List.of(HOST, PORT, API_KEY)) {
            if (isUserProperty(property)) {
                reasons.add(property + " is set");
            }
        }
        for (String name : userBeans(beanFactory, QdrantConnectionDetails.class)) {
            reasons.add("the context defines QdrantConnectionDetails bean '" + name + "'");
        }
        for (String name : userBeans(beanFactory, QdrantClient.class)) {
            reasons.add("the context defines QdrantClient bean '" + name + "'");
        }
        if (reasons.isEmpty()) {
            return new QdrantServerChoice(QdrantEndpoint.Mode.EMBEDDED,
                    "no Qdrant configured (" + HOST + ", " + PORT + ", " + API_KEY
                            + ", QdrantConnectionDetails or QdrantClient bean)");
        }
        return new QdrantServerChoice(QdrantEndpoint.Mode.EXTERNAL, String.join("; ", reasons));
    }

    private boolean isUserProperty(String property) {
        // Boot's attached "configurationProperties" source is among them and also matches relaxed forms
        // such as SPRING_AI_VECTORSTORE_QDRANT_HOST
        for (PropertySource<?> source : environment.getPropertySources()) {
            if (!PROPERTY_SOURCE_NAME.equals(source.getName()) && source.containsProperty(property)) {
                return true;
            }
        }
        return false;
    }

    private static List<String> userBeans(ConfigurableListableBeanFactory beanFactory, Class<?> type) {
        List<String> names = new ArrayList<>();
        for (String name : beanFactory.getBeanNamesForType(type, true, false)) {
            if (!beanFactory.containsBeanDefinition(name)) {
                names.add(name);
                continue;
            }
            String factory = beanFactory.getBeanDefinition(name).getFactoryBeanName();
            boolean auto = factory != null && (factory.equals(SPRING_AI_QDRANT_AUTO_CONFIGURATION)
                    || factory.equals(QDRANT_SCOPE_CLIENT_AUTO_CONFIGURATION));
            if (!auto) {
                names.add(name);
            }
        }
        return names;
    }
}
