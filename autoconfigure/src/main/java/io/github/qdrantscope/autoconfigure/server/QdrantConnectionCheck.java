package io.github.qdrantscope.autoconfigure.server;

import io.github.qdrantscope.core.server.QdrantEndpoint;
import io.github.qdrantscope.core.server.QdrantHealthCheck;
import io.github.qdrantscope.core.server.QdrantUnreachableException;
import io.github.qdrantscope.core.server.SharedEmbeddedQdrant;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.github.qdrantscope.autoconfigure.QdrantScopeProperties;
import io.qdrant.client.QdrantClient;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;

/**
 * Checks, as soon as the context's {@code QdrantClient} exists, that its server answers a health check
 * within {@code qdrant-scope.connect-timeout}; otherwise the context fails with a
 * {@link QdrantUnreachableException} instead of hanging in the first collection call. Also registers the
 * resolved {@link QdrantEndpoint} as a bean and logs which server is used for which collection and fork:
 * once per JVM for each mode, server and collection, so once per fork unless contexts of the fork bind other
 * collections (their own {@code qdrant-scope.collection-prefix}) or servers.
 */
public class QdrantConnectionCheck implements BeanPostProcessor, BeanFactoryAware, EnvironmentAware {

    private static final Log logger = LogFactory.getLog(QdrantConnectionCheck.class);

    /** Mode, server and collection already logged in this JVM. */
    private static final Set<String> LOGGED = ConcurrentHashMap.newKeySet();

    private ConfigurableListableBeanFactory beanFactory;
    private Environment environment;

    @Override
    public void setBeanFactory(BeanFactory beanFactory) {
        this.beanFactory = (ConfigurableListableBeanFactory) beanFactory;
    }

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) throws BeansException {
        if (bean instanceof QdrantClient client) {
            QdrantEndpoint endpoint = resolveEndpoint();
            requireTarget(client, beanName, endpoint);
            Duration timeout = Binder.get(environment)
                    .bindOrCreate(QdrantScopeProperties.PREFIX, QdrantScopeProperties.class).connectTimeout();
            check(client, endpoint, timeout);
            if (!beanFactory.containsSingleton(QdrantServerSelector.ENDPOINT_BEAN_NAME)) {
                beanFactory.registerSingleton(QdrantServerSelector.ENDPOINT_BEAN_NAME, endpoint);
            }
            logOnce(endpoint);
        }
        return bean;
    }

    /**
     * Fails with a {@link QdrantUnreachableException} unless {@code client} answers within {@code timeout};
     * logs a warning when the server's version is incompatible with the client library's (the check the
     * library would otherwise make, without a deadline, when the client is built).
     */
    public static void check(QdrantClient client, QdrantEndpoint endpoint, Duration timeout) {
        QdrantHealthCheck.check(client, endpoint, timeout, "qdrant-scope.connect-timeout");
    }

    private QdrantEndpoint resolveEndpoint() {
        return resolveEndpoint(this.beanFactory, this.environment);
    }

    /** The server the context's clients talk to, as {@link QdrantServerSelector} chose and published it. */
    public static QdrantEndpoint resolveEndpoint(ConfigurableListableBeanFactory beanFactory,
            Environment environment) {
        QdrantServerChoice choice = beanFactory.containsBean(QdrantServerSelector.CHOICE_BEAN_NAME)
                ? beanFactory.getBean(QdrantServerSelector.CHOICE_BEAN_NAME, QdrantServerChoice.class) : null;
        if (choice != null && choice.mode() == QdrantEndpoint.Mode.EMBEDDED) {
            return SharedEmbeddedQdrant.endpoint();
        }
        String source = choice != null ? choice.reason() : "Spring AI's Qdrant properties";
        // QdrantServerSelector publishes the external address under qdrant-scope.server.*, whichever way it was set
        return new QdrantEndpoint(QdrantEndpoint.Mode.EXTERNAL,
                environment.getProperty(QdrantServerSelector.SERVER_HOST, "localhost"),
                environment.getProperty(QdrantServerSelector.SERVER_PORT, Integer.class, 6334),
                environment.getProperty(QdrantServerSelector.SERVER_API_KEY),
                environment.getProperty(QdrantServerSelector.SERVER_USE_TLS, Boolean.class, false), source);
    }

    /**
     * Fails when an application's own client talks to another server than the chosen one: its calls would go
     * nowhere (or to a server the tests must not touch) while the embedded server waits unused.
     */
    static void requireTarget(QdrantClient client, String beanName, QdrantEndpoint endpoint) {
        String authority = client.grpcClient().channel().authority();
        int colon = authority == null ? -1 : authority.lastIndexOf(':');
        if (colon < 0) {
            return;
        }
        String host = authority.substring(0, colon).replace("[", "").replace("]", "");
        String port = authority.substring(colon + 1);
        if (port.equals(Integer.toString(endpoint.port())) && sameHost(host, endpoint.host())) {
            return;
        }
        throw new IllegalStateException("QdrantClient bean '" + beanName + "' connects to " + authority
                + ", but qdrant-scope chose the " + endpoint + ": build the client from the published address, e.g."
                + " app.qdrant.host=${" + QdrantServerSelector.SERVER_HOST + "} and app.qdrant.port=${"
                + QdrantServerSelector.SERVER_PORT + "} in the test properties (your own property names), or make"
                + " that server the external one with " + QdrantServerSelector.SERVER_HOST + "/"
                + QdrantServerSelector.SERVER_PORT);
    }

    private static boolean sameHost(String a, String b) {
        return a.equalsIgnoreCase(b) || (isLoopback(a) && isLoopback(b));
    }

    private static boolean isLoopback(String host) {
        return host.equalsIgnoreCase("localhost") || host.startsWith("127.") || host.equals("::1")
                || host.equals("0:0:0:0:0:0:0:1");
    }

    private void logOnce(QdrantEndpoint endpoint) {
        String collection = environment.getProperty("spring.ai.vectorstore.qdrant.collection-name", "vector_store");
        // not the whole line: contexts reaching one server for different reasons (bean names) are one choice
        if (!LOGGED.add(endpoint.mode() + " " + endpoint.host() + ":" + endpoint.port() + " " + collection)) {
            return;
        }
        String line = "qdrant-scope: " + endpoint.mode() + " Qdrant at " + endpoint.host() + ":" + endpoint.port()
                + ", collection " + collection
                + ", fork " + environment.getProperty("qdrant-scope.binding.fork-id", "(not bound)")
                + " (fork id from " + environment.getProperty("qdrant-scope.binding.fork-id-source", "-")
                + "), run " + environment.getProperty("qdrant-scope.binding.run-id", "-")
                + "; chosen because " + (endpoint.mode() == QdrantEndpoint.Mode.EMBEDDED
                        ? "no Qdrant was configured" : endpoint.source());
        logger.info(line);
    }
}
