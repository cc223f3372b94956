package io.github.qdrantscope.demo.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.qdrantscope.demo.memory.Memory;
import io.github.qdrantscope.demo.support.Corpus;
import io.github.qdrantscope.demo.support.DemoTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class SearchGlobalScopeApiTest extends DemoTest {

    @ParameterizedTest(name = "own {0}, other project-scoped {1}, other global {2}")
    @CsvSource({"0,0,1", "0,3,2", "1,1,1", "2,0,0", "2,2,2", "3,5,1", "4,1,3", "0,4,0", "5,5,5", "1,0,4", "3,3,0", "2,6,2"})
    void aProjectSeesItsOwnAndEveryGlobalMemoryButNotOtherProjectsMemories(int own, int otherProject, int otherGlobal) {
        Map<String, String> visible = new LinkedHashMap<>();
        for (int i = 0; i < own; i++) {
            String text = "release checklist " + Corpus.word(7 * i) + " " + Corpus.word(7 * i + 3);
            visible.put(api().store("demeter", text, (i % 2 == 0) ? "project" : "global", null, null).id(), text);
        }
        for (int i = 0; i < otherProject; i++) {
            api().store("poseidon", "release checklist private " + i);
        }
        for (int i = 0; i < otherGlobal; i++) {
            String text = "release checklist shared " + Corpus.word(7 * i + 40) + " " + Corpus.word(7 * i + 44);
            Memory memory = api().store("poseidon", text, "global", null, null);
            visible.put(memory.id(), text);
        }

        List<String> ids = api().searchIds("demeter", "release checklist", 50, null, null);

        assertThat(ids).containsExactlyInAnyOrderElementsOf(visible.keySet());
    }
}
