package io.github.qdrantscope.demo.memory;

import java.util.ArrayList;
import java.util.List;

import io.github.qdrantscope.demo.support.DemoTest;
import io.github.qdrantscope.demo.support.Lists;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class MemoryServiceTest extends DemoTest {

    @Autowired
    private MemoryService memories;

    @ParameterizedTest(name = "{0} memories in pages of {1}")
    @CsvSource({"1,1", "3,2", "6,4", "9,3", "10,10", "13,5"})
    void listReturnsNewestFirstPagesAndTheTotal(int count, int size) {
        List<Memory> stored = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            stored.add(memories.store(new NewMemory("cassini", "service note " + i, MemoryScope.PROJECT, List.of(), 3)));
        }
        List<Memory> seen = new ArrayList<>();
        for (int page = 0; page * size < count; page++) {
            MemoryPage result = memories.list("cassini", page, size);
            assertThat(result.total()).isEqualTo(count);
            seen.addAll(result.items());
        }
        assertThat(seen).containsExactlyElementsOf(Lists.reversed(stored));
    }

    @Test
    void getDeleteAndNotFound() {
        Memory memory = memories.store(new NewMemory("cassini", "to delete", MemoryScope.GLOBAL, List.of("x"), 2));
        assertThat(memories.get(memory.id())).isEqualTo(memory);
        memories.delete(memory.id());
        assertThatExceptionOfType(MemoryNotFoundException.class).isThrownBy(() -> memories.get(memory.id()))
            .withMessage("No memory with id '" + memory.id() + "' exists");
        assertThatExceptionOfType(MemoryNotFoundException.class).isThrownBy(() -> memories.delete(memory.id()));
    }

    @ParameterizedTest
    @CsvSource({"0", "1", "4", "9"})
    void deleteProjectReportsAndRemovesExactlyItsMemories(int count) {
        for (int i = 0; i < count; i++) {
            memories.store(new NewMemory("voyager", "gone " + i, MemoryScope.PROJECT, List.of(), 1));
        }
        Memory kept = memories.store(new NewMemory("pioneer", "kept", MemoryScope.PROJECT, List.of(), 1));

        assertThat(memories.deleteProject("voyager")).isEqualTo(count);
        assertThat(memories.list("voyager", 0, 10).total()).isZero();
        assertThat(memories.list("pioneer", 0, 10).items()).containsExactly(kept);
    }
}
