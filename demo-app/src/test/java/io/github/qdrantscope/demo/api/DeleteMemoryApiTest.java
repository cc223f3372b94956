package io.github.qdrantscope.demo.api;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.github.qdrantscope.demo.memory.Memory;
import io.github.qdrantscope.demo.support.DemoTest;
import io.github.qdrantscope.demo.support.Problems;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class DeleteMemoryApiTest extends DemoTest {

    @ParameterizedTest
    @CsvSource({"1,0", "2,0", "2,1", "3,1", "5,0", "5,4", "6,2", "8,5", "10,9", "12,6"})
    void deletesExactlyTheOneMemory(int count, int victim) {
        String project = "delete";
        List<Memory> stored = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            stored.add(api().store(project, "note " + i));
        }

        assertThat(api().deleteRaw(stored.get(victim).id())).hasStatus(204);

        List<String> expected = new ArrayList<>(stored.stream().map(Memory::id).toList());
        expected.remove(victim);
        java.util.Collections.reverse(expected);
        assertThat(api().list(project, 0, 100).items()).extracting(Memory::id).containsExactlyElementsOf(expected);
        assertThat(api().list(project).total()).isEqualTo(count - 1);
        Problems.assertProblem(api().getRaw(stored.get(victim).id()), json, 404, "Memory not found");
    }

    @Test
    void deletingTwiceIsA404TheSecondTime() {
        Memory memory = api().store("ares", "delete me twice");
        assertThat(api().deleteRaw(memory.id())).hasStatus(204);
        Problems.assertProblem(api().deleteRaw(memory.id()), json, 404, "Memory not found");
    }

    @Test
    void deletingAnUnknownIdIsA404AndRemovesNothing() {
        String project = "unknown";
        Memory kept = api().store(project, "kept");
        String unknown = UUID.randomUUID().toString();
        assertThat(Problems.assertProblem(api().deleteRaw(unknown), json, 404, "Memory not found")
            .path("memoryId").asString()).isEqualTo(unknown);
        assertThat(api().list(project).items()).containsExactly(kept);
    }
}
