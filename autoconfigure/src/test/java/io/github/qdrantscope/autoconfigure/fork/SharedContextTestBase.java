package io.github.qdrantscope.autoconfigure.fork;

import io.github.qdrantscope.core.fork.CollectionNames;
import io.github.qdrantscope.core.identity.ForkIdentity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

/**
 * Base of three test classes with the same configuration: with qdrant-scope's customizer in every one of
 * them, Spring must still load the context once per fork (whichever class runs first). This module's build
 * has two forks, so at least two of the three classes share a JVM.
 */
@SpringBootTest(classes = ForkTestApplication.class, properties = ForkTestApplication.SHARED)
abstract class SharedContextTestBase {

    @Autowired
    ApplicationContext context;

    @Test
    void reusesTheForksOneContext() {
        assertThat(ForkTestApplication.SharedContextLoads.LOADED).containsExactly(context);
        assertThat(context.getEnvironment().getProperty("spring.ai.vectorstore.qdrant.collection-name"))
                .isEqualTo(CollectionNames.of("qdrant_scope", ForkIdentity.jvm().run(), ForkIdentity.jvm().fork()));
    }
}
