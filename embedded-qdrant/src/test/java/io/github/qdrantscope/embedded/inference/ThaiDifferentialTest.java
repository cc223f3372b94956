package io.github.qdrantscope.embedded.inference;

import static io.github.qdrantscope.embedded.inference.EdgeComparison.multilingual;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The {@code multilingual} tokenizer of {@code qdrant/bm25} on texts rich in Thai ({@link ThaiSamples}) against
 * Qdrant Edge 0.9.0's {@code Bm25} ({@code edge_bm25.py}) under several options, as {@link EdgeComparison}
 * compares: every text must give Edge's document vector (indices and f32 bits) and Edge's query indices. 1,000
 * texts a run (a few seconds); {@code -Dthai.diff.texts=N} for a longer one.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ThaiDifferentialTest {

    private static final int TEXTS = Integer.getInteger("thai.diff.texts", 1000);

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
    void thaiTextsGiveEdgesVectors() {
        List<Map<String, Object>> configurations = List.of(
                multilingual(),
                multilingual("lowercase", false),
                multilingual("ascii_folding", true, "lowercase", false),
                multilingual("stemmer", Map.of("type", "snowball", "language", "english"), "stopwords", "english",
                        "min_token_len", 2L, "max_token_len", 6L));
        ThaiSamples samples = new ThaiSamples(20261205L);
        EdgeComparison.assertEveryTextAgrees("thai", oracle, TEXTS, samples::text, configurations);
    }
}
