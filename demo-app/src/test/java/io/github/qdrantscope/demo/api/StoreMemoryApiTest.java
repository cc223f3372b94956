package io.github.qdrantscope.demo.api;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import io.github.qdrantscope.demo.memory.Memory;
import io.github.qdrantscope.demo.memory.MemoryScope;
import io.github.qdrantscope.demo.support.DemoTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

class StoreMemoryApiTest extends DemoTest {

    static Stream<Arguments> memories() {
        List<Arguments> cases = new ArrayList<>();
        List<List<String>> tagSets = List.of(List.of(), List.of("ops"), List.of("ops", "billing", "kafka"));
        for (String scope : List.of("project", "global")) {
            for (int importance = 1; importance <= 5; importance++) {
                for (List<String> tags : tagSets) {
                    cases.add(Arguments.of(scope, importance, tags));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest
    @MethodSource("memories")
    void storesTheMemoryAsGivenAndReturnsItsLocation(String scope, int importance, List<String> tags) {
        String content = "The " + scope + " note of importance " + importance + " tagged " + tags;
        MvcTestResult result = api().storeRaw("apollo",
                java.util.Map.of("content", content, "scope", scope, "tags", tags, "importance", importance));

        assertThat(result).hasStatus(HttpStatus.CREATED);
        Memory stored = api().read(result, Memory.class);
        assertThat(result).headers().hasValue("Location", "/api/memories/" + stored.id());
        assertThat(stored.project()).isEqualTo("apollo");
        assertThat(stored.content()).isEqualTo(content);
        assertThat(stored.scope()).isEqualTo(MemoryScope.of(scope));
        assertThat(stored.tags()).containsExactlyElementsOf(tags);
        assertThat(stored.importance()).isEqualTo(importance);
        assertThat(api().get(stored.id())).isEqualTo(stored);
    }

    @Test
    void everyMemoryGetsItsOwnIdAndALaterCreationTime() {
        String project = "ids";
        Memory first = api().store(project, "first");
        Memory second = api().store(project, "second");
        Memory third = api().store(project, "third");

        assertThat(List.of(first.id(), second.id(), third.id())).doesNotHaveDuplicates();
        assertThat(second.createdAt()).isAfter(first.createdAt());
        assertThat(third.createdAt()).isAfter(second.createdAt());
        assertThat(api().list(project).total()).isEqualTo(3);
    }
}
