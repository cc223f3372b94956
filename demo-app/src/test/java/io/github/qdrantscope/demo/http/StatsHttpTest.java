package io.github.qdrantscope.demo.http;

import java.util.List;
import java.util.Map;

import io.github.qdrantscope.demo.memory.ProjectStats;
import io.github.qdrantscope.demo.support.DemoTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class StatsHttpTest extends DemoTest {

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 5, 8})
    void statisticsOverHttpCountOnlyThisTestsMemories(int count) {
        HttpApi api = new HttpApi(http);
        for (int i = 0; i < count; i++) {
            api.store("castor", "stat over http " + i, (i % 2 == 0) ? List.of("even", "all") : List.of("all"));
        }

        ProjectStats stats = http.get().uri("/api/projects/{p}/stats", "castor").exchange()
            .expectStatus().isOk()
            .expectBody(ProjectStats.class).returnResult().getResponseBody();

        long even = (count + 1) / 2;
        assertThat(stats.total()).isEqualTo(count);
        assertThat(stats.byTag()).containsExactly(Map.entry("all", (long) count), Map.entry("even", even));
    }
}
