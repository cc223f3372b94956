package io.github.qdrantscope.demo.http;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import io.github.qdrantscope.demo.memory.Memory;
import io.github.qdrantscope.demo.memory.MemoryPage;
import io.github.qdrantscope.demo.support.DemoTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class ListAndDeleteHttpTest extends DemoTest {

    @ParameterizedTest(name = "{0} memories, delete #{1}")
    @CsvSource({"1,0", "2,1", "3,0", "4,2", "5,4", "7,3", "9,0", "11,10"})
    void listingAndDeletingOverHttpSeeExactlyThisTestsMemories(int count, int victim) {
        HttpApi api = new HttpApi(http);
        List<Memory> stored = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            stored.add(api.store("lyra", "listed over http " + i, List.of()));
        }

        http.delete().uri("/api/memories/{id}", stored.get(victim).id()).exchange().expectStatus().isNoContent();

        List<Memory> expected = new ArrayList<>(stored);
        expected.remove(victim);
        Collections.reverse(expected);
        MemoryPage page = api.list("lyra", 0, 100);
        assertThat(page.total()).isEqualTo(count - 1);
        assertThat(page.items()).containsExactlyElementsOf(expected);
        http.get().uri("/api/memories/{id}", stored.get(victim).id()).exchange().expectStatus().isNotFound();
    }
}
