package io.github.qdrantscope.benchmarks.scope;

import io.github.qdrantscope.core.ScopedProject;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.qdrantscope.benchmarks.QueryCursor;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.ai.document.Document;

/**
 * {@link ScopedSearchBenchmark}'s two sides answer the same question: the scoped search returns the
 * documents the raw search finds, in the same order, with the ids and metadata the test wrote.
 */
class ScopedSearchParityTest {

    private static final ScopedSearchBenchmark.Stores STORES = new ScopedSearchBenchmark.Stores();

    @BeforeAll
    static void start() throws Exception {
        STORES.start(1_000);
    }

    @AfterAll
    static void stop() {
        STORES.stop();
    }

    @Test
    void scopedAndRawSearchesFindTheSameDocuments() {
        ScopedSearchBenchmark benchmark = new ScopedSearchBenchmark();
        QueryCursor scopedCursor = new QueryCursor();
        QueryCursor rawCursor = new QueryCursor();
        for (int i = 0; i < 8; i++) {
            List<Document> scoped = benchmark.scoped(STORES, scopedCursor);
            List<Document> raw = benchmark.raw(STORES, rawCursor);

            assertThat(scoped).hasSize(ScopedSearchBenchmark.TOP_K);
            assertThat(scoped).extracting(Document::getText).containsExactlyElementsOf(
                    raw.stream().map(Document::getText).toList());
            assertThat(scoped).allSatisfy(document -> assertThat(document.getMetadata())
                    .containsKey("rank")
                    .doesNotContainKey(io.github.qdrantscope.core.ScopedProject.DEFAULT_KEY));
        }
    }
}
