package io.github.qdrantscope.autoconfigure.fork;

import io.github.qdrantscope.core.fork.CollectionNames;
import io.github.qdrantscope.core.fork.ForkRuntime;
import io.github.qdrantscope.core.identity.ForkIdentity;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.qdrantscope.autoconfigure.QdrantScopeProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Adds, first in the context's Environment, the property source {@value #PROPERTY_SOURCE_NAME}:
 * <ul>
 *   <li>{@code spring.ai.vectorstore.qdrant.collection-name} = {@code <prefix>_<run>_f<fork>}</li>
 *   <li>{@code spring.ai.vectorstore.qdrant.initialize-schema} = {@code true}</li>
 *   <li>for tests and logs: {@code qdrant-scope.binding.collection}, {@code .fork-id}, {@code .fork-id-source},
 *       {@code .run-id}, {@code .run-id-source}</li>
 * </ul>
 * Equality depends only on the {@link ForkIdentity}, which is constant within a JVM, so every test class
 * of a fork gets an equal customizer and Spring's context cache is not split by it. Properties of the
 * context itself ({@code qdrant-scope.collection-prefix}) already distinguish contexts through their
 * property sources.
 */
public final class QdrantScopeContextCustomizer implements ContextCustomizer {

    /** Name of the property source holding the fork's binding. */
    public static final String PROPERTY_SOURCE_NAME = "qdrant-scope-fork-binding";

    /** Property holding the bound collection name. */
    public static final String BOUND_COLLECTION = "qdrant-scope.binding.collection";

    private final ForkIdentity identity;

    /** @param identity this JVM's fork and run */
    public QdrantScopeContextCustomizer(ForkIdentity identity) {
        this.identity = identity;
    }

    @Override
    public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
        ConfigurableEnvironment environment = context.getEnvironment();
        QdrantScopeProperties properties = Binder.get(environment)
                .bindOrCreate(QdrantScopeProperties.PREFIX, QdrantScopeProperties.class);
        if (!properties.enabled()) {
            return;
        }
        String configuredFork = properties.forkId();
        if (configuredFork != null && !configuredFork.isEmpty() && !configuredFork.equals(identity.fork().value())) {
            throw new IllegalStateException("qdrant-scope.fork-id=" + configuredFork + " is set in this test's Spring "
                    + "Environment, but the fork id is resolved once per JVM before any context exists and is "
                    + identity.fork().value() + " (from " + identity.fork().source() + "). Set it as a system property "
                    + "(-Dqdrant-scope.fork-id=...) or the environment variable QDRANT_SCOPE_FORK_ID instead.");
        }
        String collection = CollectionNames.of(properties.collectionPrefix(), identity.run(), identity.fork());
        Map<String, Object> binding = new LinkedHashMap<>();
        binding.put("spring.ai.vectorstore.qdrant.collection-name", collection);
        binding.put("spring.ai.vectorstore.qdrant.initialize-schema", "true");
        binding.put(BOUND_COLLECTION, collection);
        binding.put("qdrant-scope.binding.fork-id", identity.fork().value());
        binding.put("qdrant-scope.binding.fork-id-source", identity.fork().source());
        binding.put("qdrant-scope.binding.run-id", identity.run().value());
        binding.put("qdrant-scope.binding.run-id-source", identity.run().source());
        environment.getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE_NAME, binding));
        // the runtime owns the end-of-run report and the exit work of every bound fork
        ForkRuntime.jvm();
    }

    /** The identity this customizer binds. */
    public ForkIdentity identity() {
        return identity;
    }

    @Override
    public boolean equals(Object other) {
        return this == other || (other instanceof QdrantScopeContextCustomizer that && identity.equals(that.identity));
    }

    @Override
    public int hashCode() {
        return identity.hashCode();
    }
}
