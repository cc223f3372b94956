package io.github.qdrantscope.demo.scope;

import java.util.List;

import io.github.qdrantscope.demo.memory.Memory;
import io.github.qdrantscope.demo.support.ContextLoads;
import io.github.qdrantscope.demo.support.DemoTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every class of the suite shares one configuration, and the starter's per-fork customizer is equal across
 * classes, so the whole fork runs on one Spring context.
 */
class SharedContextTest extends DemoTest {

    @Test
    void theSuiteContextIsCreatedOncePerFork() {
        Memory memory = api().store("janus", "context cache check", null, List.of("cache"), 2);
        assertThat(api().get(memory.id())).isEqualTo(memory);
        assertThat(ContextLoads.count()).isEqualTo(1);
    }
}
