package io.github.qdrantscope.autoconfigure.fork;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.github.qdrantscope.autoconfigure.FakeEmbeddingModel;
import org.springframework.ai.embedding.EmbeddingModel;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;

/** The application of the {@code @SpringBootTest}s: Spring AI's real Qdrant store and a fake embedding model. */
@SpringBootConfiguration
@EnableAutoConfiguration
public class ForkTestApplication {

    /** Vector size of the fake embedding model. */
    public static final int DIMENSION = 8;

    /** Property marking the contexts whose loads are counted by {@link SharedContextLoads}. */
    public static final String SHARED = "test.shared-context=true";

    @Bean
    EmbeddingModel embeddingModel() {
        return new FakeEmbeddingModel(DIMENSION);
    }

    @Bean
    @ConditionalOnProperty("test.shared-context")
    SharedContextLoads sharedContextLoads(ApplicationContext context) {
        return new SharedContextLoads(context);
    }

    /** Records every load of the shared context configuration in this JVM. */
    public static final class SharedContextLoads {

        /** The contexts loaded with {@link #SHARED} in this JVM (fork). */
        public static final Set<ApplicationContext> LOADED = ConcurrentHashMap.newKeySet();

        SharedContextLoads(ApplicationContext context) {
            LOADED.add(context);
        }
    }
}
