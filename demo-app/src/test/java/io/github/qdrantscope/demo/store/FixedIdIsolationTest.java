package io.github.qdrantscope.demo.store;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import io.github.qdrantscope.demo.support.DemoTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.ai.document.Document;
import org.springframework.ai.vectorstore.SearchRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A hundred tests write documents with the same five ids, each with its own marker, in parallel, into one
 * collection. Each must read back exactly its own five, unchanged: no overwrite, no leak.
 */
class FixedIdIsolationTest extends DemoTest {

    static IntStream runs() {
        return IntStream.range(0, 100);
    }

    @ParameterizedTest
    @MethodSource("runs")
    void documentsWithTheSameIdsInOtherTestsAreInvisibleAndUntouched(int run) {
        List<String> texts = List.of("incident postmortem template", "oncall rotation schedule", "alert routing rules",
                "runbook for cache eviction", "canary release checklist");
        List<Document> documents = Fixtures.documents(texts, Map.of("run", run));
        vectorStore.add(documents);

        List<Document> found = vectorStore.similaritySearch(SearchRequest.builder().query("oncall runbook").topK(20).build());

        assertThat(found).extracting(Document::getId).containsExactlyInAnyOrderElementsOf(Fixtures.ids(documents));
        assertThat(found).allSatisfy(d -> assertThat(((Number) d.getMetadata().get("run")).intValue()).isEqualTo(run));
        assertThat(found).extracting(Document::getText).containsExactlyInAnyOrderElementsOf(texts);
    }
}
