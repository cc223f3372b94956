package io.github.qdrantscope.demo.scope;

import java.util.List;

import io.github.qdrantscope.demo.memory.Memory;
import io.github.qdrantscope.demo.support.DemoTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code @Nested} classes inherit the scoping: every method, at every level, sees only its own memories. */
class NestedScopesTest extends DemoTest {

    @Test
    void outerTestSeesItsOwnMemory() {
        Memory memory = api().store("nested", "outer memory about kafka");
        assertThat(api().searchIds("nested", "kafka", 10, null, null)).containsExactly(memory.id());
    }

    @Nested
    class Inner {

        @ParameterizedTest
        @ValueSource(ints = {1, 2, 3, 4})
        void innerTestsSeeOnlyTheirOwnMemories(int count) {
            List<String> ids = new java.util.ArrayList<>();
            for (int i = 0; i < count; i++) {
                ids.add(api().store("nested", "inner memory " + i + " about kafka").id());
            }
            assertThat(api().searchIds("nested", "kafka", 10, null, null)).containsExactlyInAnyOrderElementsOf(ids);
            assertThat(api().list("nested").total()).isEqualTo(count);
        }

        @Nested
        class Deeper {

            @Test
            void deeperTestSeesOnlyItsOwnMemory() {
                Memory memory = api().store("nested", "deeper memory about kafka");
                assertThat(api().searchIds("nested", "kafka", 10, null, null)).containsExactly(memory.id());
                assertThat(api().stats("nested").total()).isEqualTo(1);
            }
        }
    }
}
