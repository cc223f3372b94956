package io.github.qdrantscope.embedded.inference;

import static io.github.qdrantscope.embedded.inference.EdgeComparison.multilingual;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The {@code multilingual} tokenizer of {@code qdrant/bm25} on Arabic-script texts ({@link ArabicSamples})
 * against Qdrant Edge 0.9.0's {@code Bm25} ({@code edge_bm25.py}) under several options, as
 * {@link EdgeComparison} compares: every text must give Edge's document vector (indices and f32 bits) and query
 * indices, whatlang's ties of language scores included. 2,000 texts a run; {@code -Darabic.diff.texts=N} for
 * more.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ArabicDifferentialTest {

    private static final int TEXTS = Integer.getInteger("arabic.diff.texts", 2000);

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
    void arabicScriptTextsGiveEdgesVectors() {
        List<Map<String, Object>> configurations = List.of(
                multilingual(),
                multilingual("lowercase", false),
                multilingual("ascii_folding", true),
                multilingual("stemmer", Map.of("type", "snowball", "language", "arabic"), "stopwords", "arabic",
                        "min_token_len", 2L, "max_token_len", 10L));
        ArabicSamples samples = new ArabicSamples(20261204L);
        EdgeComparison.assertEveryTextAgrees("arabic", oracle, TEXTS, samples::text, configurations);
    }
}
