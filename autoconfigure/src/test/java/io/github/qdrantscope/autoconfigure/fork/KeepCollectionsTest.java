package io.github.qdrantscope.autoconfigure.fork;

import io.github.qdrantscope.core.identity.ForkIdentity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import io.github.qdrantscope.autoconfigure.FakeEmbeddingModel;
import io.github.qdrantscope.autoconfigure.scope.InstrumentedQdrantClientAutoConfiguration;
import io.github.qdrantscope.core.server.QdrantEndpoint;
import io.github.qdrantscope.autoconfigure.server.QdrantServerAutoConfiguration;
import io.github.qdrantscope.core.server.SharedEmbeddedQdrant;
import io.qdrant.client.QdrantClient;
import io.qdrant.client.QdrantGrpcClient;
import org.junit.jupiter.api.Test;
import org.springframework.ai.embedding.EmbeddingModel;
import org.springframework.ai.vectorstore.qdrant.autoconfigure.QdrantVectorStoreAutoConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code qdrant-scope.keep-collections} through the real property and the real JVM exit: a second JVM binds
 * two collections on this JVM's embedded server, one of them from a context with
 * {@code qdrant-scope.keep-collections=true}, and exits; only that one is left.
 */
class KeepCollectionsTest {

    private static final String MARKER = "bound-collection ";

    @Test
    void aKeptCollectionSurvivesTheJvmAndTheOtherIsDropped() throws Exception {
        QdrantEndpoint server = SharedEmbeddedQdrant.endpoint();
        String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        String java = ProcessHandle.current().info().command().orElseThrow();
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Process fork = new ProcessBuilder(java, "-cp", classpath, AnotherFork.class.getName(), server.host(),
                Integer.toString(server.port()), "keep" + suffix, "drop" + suffix)
                .redirectErrorStream(true).start();

        Map<String, String> bound = new LinkedHashMap<>();
        StringBuilder transcript = new StringBuilder();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(fork.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                transcript.append(line).append('\n');
                if (line.startsWith(MARKER)) {
                    String[] prefixAndCollection = line.substring(MARKER.length()).split(" ");
                    bound.put(prefixAndCollection[0], prefixAndCollection[1]);
                }
            }
        }
        assertThat(fork.waitFor(2, TimeUnit.MINUTES)).as("the other JVM exits").isTrue();
        assertThat(fork.exitValue()).as(transcript.toString()).isZero();
        assertThat(bound).as(transcript.toString()).containsOnlyKeys("keep" + suffix, "drop" + suffix);

        try (QdrantClient admin = new QdrantClient(QdrantGrpcClient.newBuilder(server.host(), server.port(), false).build())) {
            assertThat(admin.collectionExistsAsync(bound.get("drop" + suffix)).get()).isFalse();
            assertThat(admin.collectionExistsAsync(bound.get("keep" + suffix)).get()).isTrue();
            admin.deleteCollectionAsync(bound.get("keep" + suffix)).get();
        }
    }

    /**
     * The other JVM: for each prefix a context on the given server, bound as a test context is, the first
     * with {@code qdrant-scope.keep-collections=true}; prints {@value #MARKER} + prefix and collection.
     */
    public static final class AnotherFork {

        private AnotherFork() {
        }

        /** @param args host, port, prefix to keep, prefix to drop */
        public static void main(String[] args) {
            bind(args[0], args[1], args[2], true);
            bind(args[0], args[1], args[3], false);
            // exit runs the fork's exit work: dropping its collections, except the kept one
            System.exit(0);
        }

        private static void bind(String host, String port, String prefix, boolean keep) {
            try (ConfigurableApplicationContext context = new SpringApplicationBuilder(BoundStore.class)
                    .web(WebApplicationType.NONE)
                    .initializers(c -> new QdrantScopeContextCustomizer(ForkIdentity.jvm()).customizeContext(c, null))
                    .properties("spring.ai.vectorstore.qdrant.host=" + host, "spring.ai.vectorstore.qdrant.port=" + port,
                            "qdrant-scope.collection-prefix=" + prefix, "qdrant-scope.keep-collections=" + keep)
                    .run()) {
                System.out.println(MARKER + prefix + " "
                        + context.getEnvironment().getProperty(QdrantScopeContextCustomizer.BOUND_COLLECTION));
            }
        }
    }

    /** Spring AI's Qdrant store with the qdrant-scope parts that bind, claim and drop: quicker than all of Boot. */
    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration({ QdrantServerAutoConfiguration.class, QdrantScopeForkAutoConfiguration.class,
            InstrumentedQdrantClientAutoConfiguration.class, QdrantVectorStoreAutoConfiguration.class })
    static class BoundStore {

        @Bean
        EmbeddingModel embeddingModel() {
            return new FakeEmbeddingModel(ForkTestApplication.DIMENSION);
        }
    }
}
