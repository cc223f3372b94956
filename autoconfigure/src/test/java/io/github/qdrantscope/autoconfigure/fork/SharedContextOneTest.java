package io.github.qdrantscope.autoconfigure.fork;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

/**
 * One of three test classes with the same configuration: with qdrant-scope's customizer in every one of
 * them, Spring must still load the context once per fork (whichever of the classes runs first).
 */
@SpringBootTest(classes = ForkTestApplication.class, properties = ForkTestApplication.SHARED)
class SharedContextOneTest {

    @Autowired
    ApplicationContext context;

    @Test
    void reusesTheForksOneContext() {
        assertThat(ForkTestApplication.SharedContextLoads.LOADED).containsExactly(context);
        assertThat(context.getEnvironment().getProperty("spring.ai.vectorstore.qdrant.collection-name"))
                .isEqualTo(CollectionNames.of("qdrant_scope", ForkIdentity.jvm().run(), ForkIdentity.jvm().fork()));
    }
}
