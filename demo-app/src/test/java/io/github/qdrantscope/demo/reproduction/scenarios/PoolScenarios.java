package io.github.qdrantscope.demo.reproduction.scenarios;

import io.github.qdrantscope.core.ScopedProject;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.github.qdrantscope.demo.support.Corpus;
import io.github.qdrantscope.demo.support.SuiteConfiguration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.ai.document.Document;
import org.springframework.ai.vectorstore.SearchRequest;
import org.springframework.ai.vectorstore.VectorStore;
import org.springframework.ai.vectorstore.filter.FilterExpressionTextParser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Test bodies written the way teams write them before qdrant-scope: take a collection from the pool, clear
 * it, write this test's memories, read them back and assert the exact result. The subclasses differ only in
 * whether {@code @ScopedProject} is present.
 */
@SpringBootTest(properties = "qdrant-scope.embedding=hashing")
@Import({SuiteConfiguration.class, CollectionPoolConfiguration.class})
public abstract class PoolScenarios {

    /** How many scenarios each launch runs. */
    public static final int SCENARIOS = 8;

    private static final int MEMORIES = 5;

    @Autowired
    private CollectionPool pool;

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4, 5, 6, 7})
    void storesAndFindsExactlyItsMemories(int scenario) {
        VectorStore store = this.pool.cycle();

        // "Clear the collection before writing" -- the usual fix for leftovers of earlier tests.
        store.delete(new FilterExpressionTextParser().parse("suite == 'pool'"));
        Rendezvous.meet();
        List<Document> mine = new ArrayList<>();
        for (String text : Corpus.texts(scenario, MEMORIES)) {
            Map<String, Object> metadata = new HashMap<>();
            metadata.put("suite", "pool");
            metadata.put("scenario", scenario);
            mine.add(new Document(UUID.randomUUID().toString(), text, metadata));
        }
        store.add(mine);
        Rendezvous.meet();

        List<Document> found = store.similaritySearch(SearchRequest.builder().query(Corpus.word(scenario)).topK(50).build());

        assertThat(found).extracting(Document::getId)
            .containsExactlyInAnyOrderElementsOf(mine.stream().map(Document::getId).toList());
    }
}
