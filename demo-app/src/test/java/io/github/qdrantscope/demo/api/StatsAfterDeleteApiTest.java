package io.github.qdrantscope.demo.api;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.github.qdrantscope.demo.memory.Memory;
import io.github.qdrantscope.demo.memory.ProjectStats;
import io.github.qdrantscope.demo.support.DemoTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class StatsAfterDeleteApiTest extends DemoTest {

    @ParameterizedTest(name = "{0} tagged a, {1} tagged b, delete {2} of the a's")
    @CsvSource({"1,0,1", "2,1,1", "3,3,2", "4,2,4", "5,5,0", "6,1,3", "2,6,2", "7,3,5"})
    void statisticsFollowDeletions(int taggedA, int taggedB, int deletedA) {
        List<Memory> a = new ArrayList<>();
        for (int i = 0; i < taggedA; i++) {
            a.add(api().store("zeus", "alpha " + i, null, List.of("a", "both"), null));
        }
        for (int i = 0; i < taggedB; i++) {
            api().store("zeus", "beta " + i, "global", List.of("b", "both"), null);
        }
        for (int i = 0; i < deletedA; i++) {
            assertThat(api().deleteRaw(a.get(i).id())).hasStatus(204);
        }

        ProjectStats stats = api().stats("zeus");

        long remainingA = taggedA - deletedA;
        Map<String, Long> expectedByTag = new LinkedHashMap<>();
        Stream.of(Map.entry("a", remainingA), Map.entry("b", (long) taggedB), Map.entry("both", remainingA + taggedB))
            .filter(e -> e.getValue() > 0)
            .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()))
            .forEach(e -> expectedByTag.put(e.getKey(), e.getValue()));
        assertThat(stats.total()).isEqualTo(remainingA + taggedB);
        assertThat(stats.byTag()).containsExactlyEntriesOf(expectedByTag);
        assertThat(stats.byScope()).containsExactly(Map.entry("project", remainingA), Map.entry("global", (long) taggedB));
    }
}
