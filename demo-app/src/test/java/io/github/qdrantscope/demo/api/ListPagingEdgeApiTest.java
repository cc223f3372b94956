package io.github.qdrantscope.demo.api;

import io.github.qdrantscope.demo.memory.MemoryPage;
import io.github.qdrantscope.demo.support.DemoTest;
import io.github.qdrantscope.demo.support.Problems;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class ListPagingEdgeApiTest extends DemoTest {

    @Test
    void aPageBeyondTheEndIsEmptyButKeepsTheTotal() {
        String project = "edge";
        for (int i = 0; i < 3; i++) {
            api().store(project, "edge " + i);
        }
        MemoryPage beyond = api().list(project, 5, 2);
        assertThat(beyond.items()).isEmpty();
        assertThat(beyond.total()).isEqualTo(3);
        assertThat(beyond.totalPages()).isEqualTo(2);
    }

    @Test
    void defaultPageIsTheFirstTwenty() {
        String project = "default";
        for (int i = 0; i < 23; i++) {
            api().store(project, "default " + i);
        }
        MemoryPage page = api().list(project);
        assertThat(page.page()).isZero();
        assertThat(page.size()).isEqualTo(20);
        assertThat(page.items()).hasSize(20);
        assertThat(page.items().get(0).content()).isEqualTo("default 22");
        assertThat(page.items().get(19).content()).isEqualTo("default 3");
        assertThat(page.total()).isEqualTo(23);
    }

    @ParameterizedTest
    @CsvSource({"-1,10,page", "100,10,page", "0,0,size", "0,101,size", "-5,0,page"})
    void outOfRangePagingIsA400NamingTheParameter(int page, int size, String firstBadParameter) {
        JsonNode problem = Problems.assertProblem(
                mvc.get().uri("/api/projects/p/memories?page={p}&size={s}", page, size).exchange(), json, 400,
                "Invalid request");
        assertThat(Problems.errorFields(problem)).contains(firstBadParameter);
    }

    @ParameterizedTest
    @CsvSource({"page,abc", "size,1.5", "size,ten"})
    void nonNumericPagingIsA400(String parameter, String value) {
        assertThat(mvc.get().uri("/api/projects/p/memories?" + parameter + "=" + value).exchange()).hasStatus(400);
    }
}
