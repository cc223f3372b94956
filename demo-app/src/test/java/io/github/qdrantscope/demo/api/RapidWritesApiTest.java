package io.github.qdrantscope.demo.api;

import java.util.ArrayList;
import java.util.List;

import io.github.qdrantscope.demo.memory.Memory;
import io.github.qdrantscope.demo.support.DemoTest;
import io.github.qdrantscope.demo.support.Lists;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Memories stored within the same millisecond still list in a total, newest-first order. */
class RapidWritesApiTest extends DemoTest {

    @ParameterizedTest
    @ValueSource(ints = {2, 5, 10, 25, 40})
    void burstsListNewestFirstWithoutTies(int count) {
        List<Memory> stored = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            stored.add(api().store("hermes", "burst " + i));
        }
        assertThat(stored).extracting(Memory::createdAt).doesNotHaveDuplicates().isSorted();
        assertThat(api().list("hermes", 0, 100).items()).containsExactlyElementsOf(Lists.reversed(stored));
    }
}
