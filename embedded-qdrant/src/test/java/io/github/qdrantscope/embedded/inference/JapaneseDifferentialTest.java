package io.github.qdrantscope.embedded.inference;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The {@code multilingual} tokenizer on texts whatlang finds Japanese ({@link JapaneseSamples}), which Qdrant
 * segments with vaporetto, against Qdrant Edge 0.9.0's {@code Bm25} ({@code edge_bm25.py}): document vectors
 * equal bit for bit and query index sets equal, and texts the port refuses answer UNIMPLEMENTED.
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
    private static final int BATCH = 500;

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
        // options under which 1.17's japanese.rs and Edge's agree
        List<Map<String, Object>> same = List.of(
                options("language", "japanese"),
                options("language", "japanese", "lowercase", false),
                options("language", "japanese", "stopwords", Map.of("custom", List.of("の", "です", "テスト", "ｶﾀｶﾅ"))));
        // options under which they differ: Edge's later rule is compared
        List<Map<String, Object>> later = List.of(
                options(),
                options("lowercase", false, "ascii_folding", true),
                options("stemmer", Map.of("type", "snowball", "language", "english"), "stopwords", "english",
                        "min_token_len", 2L, "max_token_len", 4L));
        JapaneseSamples samples = new JapaneseSamples(20261204L);
        List<String> differences = new ArrayList<>();
        int[] counts = new int[4]; // compared, of which Japanese, refused, 1.17 differing from Edge
        for (int done = 0; done < TEXTS; done += BATCH) {
            List<String> texts = new ArrayList<>();
            for (int i = done; i < Math.min(TEXTS, done + BATCH); i++) {
                texts.add(samples.text());
            }
            for (Map<String, Object> options : same) {
                compare(texts, options, false, counts, differences);
            }
            for (Map<String, Object> options : later) {
                compare(texts, options, true, counts, differences);
            }
        }
        System.out.printf("japanese: %d texts x %d options, %d pairs compared (%d Japanese), %d refused, "
                + "%d differences; 1.17's rule differs from Edge's on %d of the later-rule pairs%n", TEXTS,
                same.size() + later.size(), counts[0], counts[1], counts[2], differences.size(), counts[3]);
        assertThat(counts[1]).isGreaterThan(counts[0] / 2);
        assertThat(differences).as("%d differences with Edge", differences.size()).isEmpty();
    }

    private void compare(List<String> texts, Map<String, Object> options, boolean edgeRule, int[] counts,
            List<String> differences) {
        Bm25 qdrant = Bm25Options.parse(Bm25Samples.grpc(options));
        Bm25 ours = edgeRule ? qdrant.withEdgeJapanese() : qdrant;
        List<EdgeBm25Oracle.Answer> documents = oracle.documents(texts, options);
        List<int[]> queries = oracle.queries(texts, options);
        for (int i = 0; i < texts.size(); i++) {
            String text = texts.get(i);
            Bm25.Embedding document;
            Bm25.Embedding query;
            try {
                document = ours.document(text);
                query = ours.query(text);
            } catch (StatusRuntimeException e) {
                counts[2]++;
                assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNIMPLEMENTED);
                assertThat(e.getStatus().getDescription()).contains("multilingual tokenizer of qdrant/bm25 on ")
                        .contains("docs/embedded-qdrant.md");
                continue;
            }
            counts[0]++;
            if (MultilingualTokenizer.japanese(text)) {
                counts[1]++;
            }
            EdgeBm25Oracle.Answer edge = documents.get(i);
            if (!same(document, edge, query, queries.get(i))) {
                differences.add(differences.size() < 20 ? String.format("%s with %s: our tokens %s",
                        MultilingualDifferentialTest.escaped(text), options, ours.tokens(text)) : "");
            }
            if (edgeRule && !same(qdrant.document(text), edge, qdrant.query(text), queries.get(i))) {
                counts[3]++;
            }
        }
    }

    private static boolean same(Bm25.Embedding document, EdgeBm25Oracle.Answer edge, Bm25.Embedding query,
            int[] edgeQuery) {
        int[] ourQuery = query.indices().clone();
        int[] theirQuery = edgeQuery.clone();
        Arrays.sort(ourQuery);
        Arrays.sort(theirQuery);
        return Arrays.equals(document.indices(), edge.indices())
                && Arrays.equals(bits(document.values()), bits(edge.values())) && Arrays.equals(ourQuery, theirQuery);
    }

    private static int[] bits(float[] values) {
        int[] bits = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            bits[i] = Float.floatToIntBits(values[i]);
        }
        return bits;
    }

    private static Map<String, Object> options(Object... pairs) {
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("tokenizer", "multilingual");
        for (int i = 0; i < pairs.length; i += 2) {
            options.put((String) pairs[i], pairs[i + 1]);
        }
        return options;
    }
}
