package io.github.qdrantscope.demo.api;

import java.util.List;

import io.github.qdrantscope.demo.memory.Memory;
import io.github.qdrantscope.demo.support.DemoTest;
import io.github.qdrantscope.demo.web.DeleteProjectResponse;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class DeleteProjectApiTest extends DemoTest {

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4, 5, 7, 9, 12})
    void deletesEveryMemoryOfTheProjectAndNothingElse(int count) {
        String doomed = "doomed";
        String neighbour = "neighbour";
        for (int i = 0; i < count; i++) {
            api().store(doomed, "doomed note " + i, (i % 3 == 0) ? "global" : "project", List.of("t" + (i % 2)), null);
        }
        Memory survivorA = api().store(neighbour, "survivor a");
        Memory survivorB = api().store(neighbour, "survivor b", "global", null, null);

        DeleteProjectResponse response = api().deleteProject(doomed);

        assertThat(response).isEqualTo(new DeleteProjectResponse(doomed, count));
        assertThat(api().list(doomed).total()).isZero();
        assertThat(api().stats(doomed).total()).isZero();
        assertThat(api().list(neighbour).items()).containsExactly(survivorB, survivorA);
    }
}
