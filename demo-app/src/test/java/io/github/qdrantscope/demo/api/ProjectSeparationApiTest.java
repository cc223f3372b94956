package io.github.qdrantscope.demo.api;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import io.github.qdrantscope.demo.support.Corpus;
import io.github.qdrantscope.demo.support.DemoTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The application's own project separation: project-scoped memories never show up in another project. */
class ProjectSeparationApiTest extends DemoTest {

    static IntStream sizes() {
        return IntStream.rangeClosed(1, 24);
    }

    @ParameterizedTest
    @MethodSource("sizes")
    void eachProjectSearchesListsAndCountsOnlyItsOwnMemories(int size) {
        List<String> left = new ArrayList<>();
        List<String> right = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            left.add(api().store("left", "shared words " + Corpus.word(i)).id());
            if (i % 2 == 0) {
                right.add(api().store("right", "shared words " + Corpus.word(i + 30)).id());
            }
        }

        assertThat(api().searchIds("left", "shared words", 50, null, null)).containsExactlyInAnyOrderElementsOf(left);
        assertThat(api().searchIds("right", "shared words", 50, null, null)).containsExactlyInAnyOrderElementsOf(right);
        assertThat(api().list("left", 0, 100).total()).isEqualTo(size);
        assertThat(api().stats("right").total()).isEqualTo(right.size());
    }
}
