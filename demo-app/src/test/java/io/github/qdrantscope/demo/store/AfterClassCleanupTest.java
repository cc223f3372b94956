package io.github.qdrantscope.demo.store;

import java.util.List;
import java.util.Map;

import io.github.qdrantscope.core.ScopedProject;
import io.github.qdrantscope.demo.support.DemoTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.ai.document.Document;
import org.springframework.ai.vectorstore.SearchRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With cleanup deferred to the end of the class, each method still has a project of its own: points of
 * earlier methods are still in the collection but never visible.
 */
@ScopedProject(cleanup = ScopedProject.Cleanup.AFTER_CLASS)
class AfterClassCleanupTest extends DemoTest {

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10})
    void eachMethodSeesOnlyItsOwnPointsWhileEarlierOnesAreStillStored(int count) {
        List<Document> documents = Fixtures.documents(
                java.util.stream.IntStream.range(0, count).mapToObj(i -> "deferred cleanup note " + i).toList(),
                Map.of("count", count));
        vectorStore.add(documents);

        List<Document> found = vectorStore.similaritySearch(SearchRequest.builder().query("deferred cleanup").topK(50).build());

        assertThat(found).extracting(Document::getId).containsExactlyInAnyOrderElementsOf(Fixtures.ids(documents));
        assertThat(found).allSatisfy(d -> assertThat(d.getMetadata()).containsEntry("count", (long) count));
    }
}
