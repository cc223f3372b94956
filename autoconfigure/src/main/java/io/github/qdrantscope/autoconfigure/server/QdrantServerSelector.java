package io.github.qdrantscope.autoconfigure.server;

import io.github.qdrantscope.core.server.QdrantEndpoint;
import io.github.qdrantscope.core.server.SharedEmbeddedQdrant;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.util.ClassUtils;

/**
 * Chooses the Qdrant server of a context before any bean exists, and publishes its address.
 *
 * <p>External when the user configured one: any of {@value #SERVER_HOST}, {@value #SERVER_PORT},
 * {@value #SERVER_API_KEY} or Spring AI's {@value #HOST}, {@value #PORT}, {@value #API_KEY} is set, or the
 * context defines its own {@code QdrantConnectionDetails} (Spring AI's; for example through
 * {@code @ServiceConnection} on a Testcontainers {@code QdrantContainer}). Otherwise the JVM's
 * {@link SharedEmbeddedQdrant} is started (once per JVM). An application's own {@code QdrantClient} bean does not
 * decide: it is expected to be built from the address published here.
 *
 * <p>The address is published in the context's Environment as {@value #SERVER_HOST}, {@value #SERVER_PORT} (and,
 * for Spring AI's store, its {@code spring.ai.vectorstore.qdrant.*} properties), so an application that builds
 * its own client from its own properties needs one line of test configuration, such as
 * {@code app.qdrant.port=${qdrant-scope.server.port}}. Values the user set win; it never goes through system
 * properties, which parallel contexts would overwrite.
 */
public class QdrantServerSelector implements BeanFactoryPostProcessor, EnvironmentAware, Ordered {

    /** Name of the property source holding the embedded server's address. */
    public static final String PROPERTY_SOURCE_NAME = "qdrant-scope-embedded-server";

    /** Bean name of the {@link QdrantServerChoice}. */
    public static final String CHOICE_BEAN_NAME = "qdrantScopeServerChoice";

    /** Bean name of the {@link QdrantEndpoint}, registered once the client exists. */
    public static final String ENDPOINT_BEAN_NAME = "qdrantScopeEndpoint";

    /** qdrant-scope's own server host: set, it names an external server; unset, it is published. */
    public static final String SERVER_HOST = "qdrant-scope.server.host";

    /** qdrant-scope's own server gRPC port, set or published like {@link #SERVER_HOST}. */
    public static final String SERVER_PORT = "qdrant-scope.server.port";

    /** The external server's API key. */
    public static final String SERVER_API_KEY = "qdrant-scope.server.api-key";

    /** Whether the external server is reached over TLS; published as {@code false} for the embedded one. */
    public static final String SERVER_USE_TLS = "qdrant-scope.server.use-tls";

    /** Name of the property source publishing an external server's address. */
    public static final String EXTERNAL_PROPERTY_SOURCE_NAME = "qdrant-scope-external-server";

    static final String HOST = "spring.ai.vectorstore.qdrant.host";
    static final String PORT = "spring.ai.vectorstore.qdrant.port";
    static final String API_KEY = "spring.ai.vectorstore.qdrant.api-key";
    static final String USE_TLS = "spring.ai.vectorstore.qdrant.use-tls";

    private static final String CONNECTION_DETAILS =
            "org.springframework.ai.vectorstore.qdrant.autoconfigure.QdrantConnectionDetails";

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
            address.put(SERVER_HOST, embedded.host());
            address.put(SERVER_PORT, embedded.port());
            address.put(SERVER_USE_TLS, false);
            environment.getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE_NAME, address));
        }
        else if (!environment.getPropertySources().contains(EXTERNAL_PROPERTY_SOURCE_NAME)) {
            // last: whatever the user set for either spelling wins, the other spelling follows it
            environment.getPropertySources().addLast(new ExternalServerPropertySource(EXTERNAL_PROPERTY_SOURCE_NAME,
                    environment, beanFactory));
        }
        if (!beanFactory.containsSingleton(CHOICE_BEAN_NAME)) {
            beanFactory.registerSingleton(CHOICE_BEAN_NAME, choice);
        }
    }

    QdrantServerChoice choose(ConfigurableListableBeanFactory beanFactory) {
        List<String> reasons = new ArrayList<>();
        for (String property : List.of(SERVER_HOST, SERVER_PORT, SERVER_API_KEY, HOST, PORT, API_KEY)) {
            if (isUserProperty(property)) {
                reasons.add(property + " is set");
            }
        }
        if (ClassUtils.isPresent(CONNECTION_DETAILS, beanFactory.getBeanClassLoader())) {
            for (String name : userBeans(beanFactory, ClassUtils.resolveClassName(CONNECTION_DETAILS,
                    beanFactory.getBeanClassLoader()))) {
                reasons.add("the context defines QdrantConnectionDetails bean '" + name + "'");
            }
        }
        if (reasons.isEmpty()) {
            return new QdrantServerChoice(QdrantEndpoint.Mode.EMBEDDED,
                    "no Qdrant configured (" + SERVER_HOST + ", " + SERVER_PORT + ", " + SERVER_API_KEY + ", " + HOST
                            + ", " + PORT + ", " + API_KEY + " or a QdrantConnectionDetails bean)");
        }
        return new QdrantServerChoice(QdrantEndpoint.Mode.EXTERNAL, String.join("; ", reasons));
    }

    private boolean isUserProperty(String property) {
        // Boot's attached "configurationProperties" source is among them and also matches relaxed forms
        // such as SPRING_AI_VECTORSTORE_QDRANT_HOST
        for (PropertySource<?> source : environment.getPropertySources()) {
            if (!PROPERTY_SOURCE_NAME.equals(source.getName()) && !EXTERNAL_PROPERTY_SOURCE_NAME.equals(source.getName())
                    && source.containsProperty(property)) {
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
