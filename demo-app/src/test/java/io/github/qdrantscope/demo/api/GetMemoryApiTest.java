package io.github.qdrantscope.demo.api;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.github.qdrantscope.demo.memory.Memory;
import io.github.qdrantscope.demo.support.DemoTest;
import io.github.qdrantscope.demo.support.Problems;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class GetMemoryApiTest extends DemoTest {

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 5, 8, 13})
    void getsEachStoredMemoryBackExactly(int count) {
        List<Memory> stored = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            stored.add(api().store("athena", "memory " + i + " of " + count, (i % 2 == 0) ? "project" : "global",
                    List.of("n" + i), 1 + i % 5));
        }
        for (Memory memory : stored) {
            assertThat(api().get(memory.id())).isEqualTo(memory);
        }
    }

    @Test
    void unknownIdIsA404ProblemNamingTheId() {
        String id = UUID.randomUUID().toString();
        JsonNode problem = Problems.assertProblem(api().getRaw(id), json, 404, "Memory not found");
        assertThat(problem.path("detail").asString()).isEqualTo("No memory with id '" + id + "' exists");
        assertThat(problem.path("memoryId").asString()).isEqualTo(id);
        assertThat(problem.path("instance").asString()).isEqualTo("/api/memories/" + id);
    }

    @ParameterizedTest
    @ValueSource(strings = {"42", "not-a-uuid", "A1B2C3D4-0000-0000-0000-000000000000", "1234567890123456789012345678901234567",
            "00000000-0000-0000-0000-00000000000g"})
    void malformedIdIsA400ProblemNamingTheParameter(String id) {
        JsonNode problem = Problems.assertProblem(api().getRaw(id), json, 400, "Invalid request");
        assertThat(Problems.errorFields(problem)).containsExactly("id");
    }

    @Test
    void aDeletedMemoryIsGone() {
        Memory memory = api().store("athena", "short-lived");
        assertThat(api().deleteRaw(memory.id())).hasStatus(204);
        Problems.assertProblem(api().getRaw(memory.id()), json, 404, "Memory not found");
    }
}
