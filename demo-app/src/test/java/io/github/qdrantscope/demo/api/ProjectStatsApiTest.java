package io.github.qdrantscope.demo.api;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.LongStream;

import io.github.qdrantscope.demo.memory.ProjectStats;
import io.github.qdrantscope.demo.support.Corpus;
import io.github.qdrantscope.demo.support.DemoTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

class ProjectStatsApiTest extends DemoTest {

    static LongStream seeds() {
        return LongStream.range(1, 19);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void countsMemoriesByTagMostUsedFirstAndByScope(long seed) {
        Random random = new Random(seed);
        String project = "stats";
        Map<String, Long> byTag = new HashMap<>();
        long global = 0;
        int count = 1 + random.nextInt(12);
        for (int i = 0; i < count; i++) {
            List<String> tags = new ArrayList<>();
            for (int t = 0; t < 6; t++) {
                if (random.nextInt(3) == 0) {
                    tags.add(Corpus.word(t));
                }
            }
            boolean isGlobal = random.nextBoolean();
            global += isGlobal ? 1 : 0;
            api().store(project, "stat " + i, isGlobal ? "global" : "project", tags, null);
            tags.forEach(tag -> byTag.merge(tag, 1L, Long::sum));
        }
        api().store("other", "not counted", null, List.of(Corpus.word(0)), null);

        ProjectStats stats = api().stats(project);

        Map<String, Long> expectedByTag = new LinkedHashMap<>();
        byTag.entrySet().stream()
            .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()))
            .forEach(e -> expectedByTag.put(e.getKey(), e.getValue()));
        assertThat(stats.project()).isEqualTo(project);
        assertThat(stats.total()).isEqualTo(count);
        assertThat(stats.byTag()).containsExactlyEntriesOf(expectedByTag);
        assertThat(stats.byScope()).containsExactlyEntriesOf(Map.of("project", count - global, "global", global).entrySet()
            .stream().sorted(Map.Entry.comparingByKey(Comparator.reverseOrder()))
            .collect(LinkedHashMap::new, (m, e) -> m.put(e.getKey(), e.getValue()), Map::putAll));
    }

    @Test
    void anEmptyProjectHasZeroEverywhere() {
        ProjectStats stats = api().stats("empty");
        assertThat(stats.total()).isZero();
        assertThat(stats.byTag()).isEmpty();
        assertThat(stats.byScope()).containsExactly(Map.entry("project", 0L), Map.entry("global", 0L));
    }
}
