package io.github.qdrantscope.demo.scope;

import io.github.qdrantscope.core.ScopedProject;
import io.github.qdrantscope.demo.memory.Memory;
import io.github.qdrantscope.demo.support.DemoTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A method-level {@code @ScopedProject} replaces the class-level one (here: another name prefix). */
class MethodLevelScopeTest extends DemoTest {

    @Test
    @ScopedProject("custom-prefix")
    void methodLevelAnnotationStillIsolates() {
        Memory memory = api().store("method", "method level scope");
        assertThat(api().searchIds("method", "method level scope", 5, null, null)).containsExactly(memory.id());
        assertThat(api().list("method").items()).containsExactly(memory);
    }

    @Test
    void classLevelAnnotationApplies() {
        Memory memory = api().store("method", "class level scope");
        assertThat(api().searchIds("method", "class level scope", 5, null, null)).containsExactly(memory.id());
        assertThat(api().list("method").items()).containsExactly(memory);
    }
}
