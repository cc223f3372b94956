package io.github.qdrantscope.embedded.inference;

import static io.github.qdrantscope.embedded.inference.EdgeComparison.multilingual;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The {@code multilingual} tokenizer on texts whatlang finds Japanese ({@link JapaneseSamples}), which Qdrant
 * segments with vaporetto, against Qdrant Edge 0.9.0's {@code Bm25} ({@code edge_bm25.py}): document vectors
 * equal bit for bit and query index sets equal ({@link EdgeComparison}).
 *
 * <p>Edge's japanese.rs is later than Qdrant 1.17's: it hands vaporetto's surfaces to {@code process_token_cow}
 * (ASCII folding, lowercase, stopwords, stemmer, length bounds), where 1.17 only checks the raw surface against the
 * stopwords and lowercases. Under options where the two rules agree (Japanese stopwords, which hold no cased
 * letter, no stemmer, no folding, no bounds) the embedded server's own answer is compared; under the others
 * (English stemmer and stopwords, folding, length bounds) the same vaporetto segmentation with Edge's later rule
 * ({@link Bm25#withEdgeJapanese}) is, and how many texts 1.17's rule gives another vector is printed.
 * 800 texts a run (about 10 seconds); {@code -Djapanese.diff.texts=N} for a longer one.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JapaneseDifferentialTest {

    private static final int TEXTS = Integer.getInteger("japanese.diff.texts", 800);

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
    void japaneseTextsGiveEdgesVectors() {
        // options under which 1.17's japanese.rs and Edge's agree: our own vectors are compared
        List<Map<String, Object>> same = List.of(
                multilingual("language", "japanese"),
                multilingual("language", "japanese", "lowercase", false),
                multilingual("language", "japanese", "stopwords",
                        Map.of("custom", List.of("の", "です", "テスト", "ｶﾀｶﾅ"))));
        // options under which they differ: Edge's later rule is compared, and 1.17's differences counted
        List<Map<String, Object>> later = List.of(
                multilingual(),
                multilingual("lowercase", false, "ascii_folding", true),
                multilingual("stemmer", Map.of("type", "snowball", "language", "english"), "stopwords", "english",
                        "min_token_len", 2L, "max_token_len", 4L));
        JapaneseSamples samples = new JapaneseSamples(20261204L);
        EdgeComparison comparison = new EdgeComparison(oracle);
        int[] japanese = new int[1];
        int[] ruleDiffers = new int[1];
        for (List<String> texts : EdgeComparison.batches(TEXTS, samples::text)) {
            for (Map<String, Object> options : same) {
                comparison.compare(texts, options, Bm25Options.parse(Bm25Samples.grpc(options)),
                        (text, document, query) -> japanese[0] += MultilingualTokenizer.japanese(text) ? 1 : 0);
            }
            for (Map<String, Object> options : later) {
                Bm25 qdrant = Bm25Options.parse(Bm25Samples.grpc(options));
                comparison.compare(texts, options, qdrant.withEdgeJapanese(), (text, document, query) -> {
                    japanese[0] += MultilingualTokenizer.japanese(text) ? 1 : 0;
                    if (!EdgeComparison.same(qdrant.document(text), document, qdrant.query(text), query)) {
                        ruleDiffers[0]++;
                    }
                });
            }
        }
        System.out.printf("japanese: %d texts x %d options, %d pairs compared (%d Japanese), %d differences; "
                + "1.17's rule differs from Edge's on %d of the later-rule pairs%n", TEXTS, same.size() + later.size(),
                comparison.compared(), japanese[0], comparison.differences(), ruleDiffers[0]);
        // the texts must be Japanese to whatlang, or the test would prove little about vaporetto
        assertThat(japanese[0]).isGreaterThan(comparison.compared() / 2);
        comparison.assertNoDifferences();
    }
}
