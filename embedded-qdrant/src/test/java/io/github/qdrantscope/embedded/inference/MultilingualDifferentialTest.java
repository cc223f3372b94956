package io.github.qdrantscope.embedded.inference;

import static io.github.qdrantscope.embedded.inference.EdgeComparison.multilingual;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The {@code multilingual} tokenizer of {@code qdrant/bm25} against Qdrant Edge 0.9.0's {@code Bm25}
 * ({@code edge_bm25.py}) on generated texts ({@link MultilingualSamples}) under several options, as
 * {@link EdgeComparison} compares: every text must give Edge's document vector (indices and f32 bits, so the same
 * tokens with the same counts) and Edge's query indices. 3,000 texts a run (about 15 seconds);
 * {@code -Dmultilingual.diff.texts=N} for a longer one.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MultilingualDifferentialTest {

    private static final int TEXTS = Integer.getInteger("multilingual.diff.texts", 3000);

    private EdgeBm25Oracle oracle;

    @BeforeAll
    void start() {
        oracle = EdgeBm25Oracle.start();
    }

    @AfterAll
    void stop() throws Exception {
        oracle.close();
    }

    @Test
    void everyTextGivesEdgesVectors() {
        List<Map<String, Object>> configurations = List.of(
                multilingual(),
                multilingual("lowercase", false),
                multilingual("ascii_folding", true, "lowercase", false),
                multilingual("stemmer", Map.of("type", "snowball", "language", "english"), "stopwords", "english",
                        "min_token_len", 2L, "max_token_len", 12L));
        MultilingualSamples samples = new MultilingualSamples(20261204L);
        EdgeComparison.assertEveryTextAgrees("multilingual", oracle, TEXTS, samples::text, configurations);
    }
}
