package io.github.qdrantscope.demo.api;

import java.util.List;
import java.util.stream.IntStream;

import io.github.qdrantscope.demo.memory.Memory;
import io.github.qdrantscope.demo.support.DemoTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fifty tests store the very same three memories in the very same project and search for them, in
 * parallel. Without scoping each search would see up to 150 hits; with it, each sees its own three.
 */
class SearchIsolationApiTest extends DemoTest {

    static IntStream repetitions() {
        return IntStream.range(0, 50);
    }

    @ParameterizedTest
    @MethodSource("repetitions")
    void identicalParallelTestsEachSeeOnlyTheirOwnMemories(int repetition) {
        Memory first = api().store("shared", "the deploy runbook lives in the wiki", null, List.of("ops"), 5);
        Memory second = api().store("shared", "deploy freezes start on fridays", null, List.of("ops"), 4);
        Memory third = api().store("shared", "lunch is at noon", null, List.of("misc"), 1);

        assertThat(api().searchIds("shared", "deploy runbook", 50, null, null))
            .containsExactly(first.id(), second.id(), third.id());
        assertThat(api().searchIds("shared", "deploy runbook", 50, List.of("ops"), null))
            .containsExactly(first.id(), second.id());
    }
}
