package io.github.qdrantscope.demo.http;

import java.util.List;

import io.github.qdrantscope.demo.memory.Memory;
import io.github.qdrantscope.demo.memory.MemoryScope;
import io.github.qdrantscope.demo.support.DemoTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class StoreAndGetHttpTest extends DemoTest {

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 6, 8, 10, 12})
    void storedMemoriesAreServedBackOverHttp(int count) {
        HttpApi api = new HttpApi(http);
        for (int i = 0; i < count; i++) {
            Memory stored = api.store("orion", "http note " + i, List.of("h" + (i % 3)));
            assertThat(stored.project()).isEqualTo("orion");
            assertThat(stored.scope()).isEqualTo(MemoryScope.PROJECT);
            assertThat(stored.tags()).containsExactly("h" + (i % 3));
            assertThat(api.get(stored.id())).isEqualTo(stored);
        }
    }
}
