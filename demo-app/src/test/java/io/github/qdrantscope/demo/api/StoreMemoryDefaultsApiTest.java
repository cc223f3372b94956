package io.github.qdrantscope.demo.api;

import java.util.List;
import java.util.stream.Stream;

import io.github.qdrantscope.demo.memory.Memory;
import io.github.qdrantscope.demo.memory.MemoryScope;
import io.github.qdrantscope.demo.support.DemoTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class StoreMemoryDefaultsApiTest extends DemoTest {

    @Test
    void missingFieldsGetTheirDefaults() {
        Memory stored = api().store("hermes", "only content given");
        assertThat(stored.scope()).isEqualTo(MemoryScope.PROJECT);
        assertThat(stored.importance()).isEqualTo(3);
        assertThat(stored.tags()).isEmpty();
        assertThat(api().get(stored.id())).isEqualTo(stored);
    }

    static Stream<Arguments> duplicatedTags() {
        return Stream.of(Arguments.of(List.of("a", "a"), List.of("a")),
                Arguments.of(List.of("a", "b", "a"), List.of("a", "b")),
                Arguments.of(List.of("b", "a", "b", "a"), List.of("b", "a")),
                Arguments.of(List.of("x", "y", "z", "y", "x"), List.of("x", "y", "z")),
                Arguments.of(List.of("ops", "ops", "ops"), List.of("ops")),
                Arguments.of(List.of("c", "b", "a"), List.of("c", "b", "a")),
                Arguments.of(List.of("k1", "k2", "k1", "k3", "k2"), List.of("k1", "k2", "k3")),
                Arguments.of(List.of("z-1", "z_1", "z-1"), List.of("z-1", "z_1")));
    }

    @ParameterizedTest
    @MethodSource("duplicatedTags")
    void duplicateTagsAreDroppedKeepingTheFirstOccurrenceOrder(List<String> given, List<String> expected) {
        Memory stored = api().store("hermes", "tagged note", null, given, null);
        assertThat(stored.tags()).containsExactlyElementsOf(expected);
        assertThat(api().get(stored.id()).tags()).containsExactlyElementsOf(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Ünïcödé ñotes — with dashes", "日本語のメモ", "emoji 🚀 launch", "quotes \" and \\ backslash",
            "multi\nline\ncontent", "  leading and trailing spaces  "})
    void contentRoundTripsExactly(String content) {
        Memory stored = api().store("hermes", content);
        assertThat(stored.content()).isEqualTo(content);
        assertThat(api().get(stored.id()).content()).isEqualTo(content);
    }

    @ParameterizedTest
    @ValueSource(strings = {"PROJECT", "Global", "gLoBaL", "project"})
    void scopeIsCaseInsensitiveOnInputAndLowerCaseOnOutput(String scope) {
        Memory stored = api().store("hermes", "scoped", scope, null, null);
        assertThat(stored.scope().value()).isEqualTo(scope.toLowerCase(java.util.Locale.ROOT));
    }
}
