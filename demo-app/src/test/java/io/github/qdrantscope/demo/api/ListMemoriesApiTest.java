package io.github.qdrantscope.demo.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

import io.github.qdrantscope.demo.memory.Memory;
import io.github.qdrantscope.demo.memory.MemoryPage;
import io.github.qdrantscope.demo.support.DemoTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

class ListMemoriesApiTest extends DemoTest {

    static Stream<Arguments> sizes() {
        List<Arguments> cases = new ArrayList<>();
        for (int count : new int[] {0, 1, 4, 11, 20}) {
            for (int size : new int[] {1, 3, 5, 10, 100}) {
                cases.add(Arguments.of(count, size));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} memories, pages of {1}")
    @MethodSource("sizes")
    void pagesThroughEveryMemoryNewestFirstWithTheTotal(int count, int size) {
        String project = "paged";
        List<Memory> stored = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            stored.add(api().store(project, "entry " + i, null, List.of("p" + (i % 3)), 1 + (i % 5)));
        }
        List<Memory> newestFirst = new ArrayList<>(stored);
        Collections.reverse(newestFirst);
        int pages = (count + size - 1) / size;

        for (int page = 0; page < Math.max(pages, 1); page++) {
            MemoryPage result = api().list(project, page, size);
            assertThat(result.project()).isEqualTo(project);
            assertThat(result.total()).isEqualTo(count);
            assertThat(result.totalPages()).isEqualTo(pages);
            assertThat(result.items())
                .containsExactlyElementsOf(newestFirst.subList(Math.min(page * size, count), Math.min((page + 1) * size, count)));
        }
    }
}
