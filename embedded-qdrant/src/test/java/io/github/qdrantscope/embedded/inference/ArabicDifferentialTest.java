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
 * The {@code multilingual} tokenizer of {@code qdrant/bm25} on Arabic-script texts ({@link ArabicSamples})
 * against Qdrant Edge 0.9.0's {@code Bm25} ({@code edge_bm25.py}) under several options: every text this port
 * accepts must give Edge's document vector (indices and f32 bits) and query indices; every other text must answer
 * UNIMPLEMENTED (a tie of whatlang's language scores that the tied languages would tokenize differently). All
 * differences are counted before the test fails. 2,000 texts a run; {@code -Darabic.diff.texts=N} for more.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ArabicDifferentialTest {

    private static final int TEXTS = Integer.getInteger("arabic.diff.texts", 2000);
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
    void arabicScriptTextsGiveEdgesVectorsOrAnswerUnimplemented() {
        List<Map<String, Object>> configurations = List.of(
                options(),
                options("lowercase", false),
                options("ascii_folding", true),
                options("stemmer", Map.of("type", "snowball", "language", "arabic"), "stopwords", "arabic",
                        "min_token_len", 2L, "max_token_len", 10L));
        ArabicSamples samples = new ArabicSamples(20261204L);
        List<String> differences = new ArrayList<>();
        int accepted = 0;
        int refused = 0;
        Map<String, Integer> reasons = new java.util.TreeMap<>();
        for (int done = 0; done < TEXTS; done += BATCH) {
            List<String> texts = new ArrayList<>();
            for (int i = done; i < Math.min(TEXTS, done + BATCH); i++) {
                texts.add(samples.text());
            }
            for (Map<String, Object> options : configurations) {
                Bm25 ours = Bm25Options.parse(Bm25Samples.grpc(options));
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
                        refused++;
                        String reason = e.getStatus().getDescription();
                        reasons.merge(reason.substring(0, Math.min(reason.length(), reason.indexOf(" (U+") < 0
                                ? reason.length() : reason.indexOf(" (U+"))), 1, Integer::sum);
                        assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNIMPLEMENTED);
                        assertThat(e.getStatus().getDescription())
                                .contains("multilingual tokenizer of qdrant/bm25 on ").contains("docs/embedded-qdrant.md");
                        continue;
                    }
                    accepted++;
                    if (!same(document, documents.get(i), query, queries.get(i))) {
                        differences.add(differences.size() < 20 ? String.format("%s with %s: our tokens %s",
                                MultilingualDifferentialTest.escaped(text), options, ours.tokens(text)) : "");
                    }
                }
            }
        }
        System.out.printf("arabic: %d texts x %d options, %d accepted, %d refused, %d differences%n",
                TEXTS, configurations.size(), accepted, refused, differences.size());
        reasons.forEach((reason, count) -> System.out.printf("  refused %d: %s%n", count, reason));
        assertThat(accepted).isGreaterThan(refused * 5);
        assertThat(differences).as("%d differences with Edge", differences.size()).isEmpty();
    }

    private static boolean same(Bm25.Embedding document, EdgeBm25Oracle.Answer edgeDocument, Bm25.Embedding query,
            int[] edgeQuery) {
        int[] ourQuery = query.indices().clone();
        int[] theirQuery = edgeQuery.clone();
        Arrays.sort(ourQuery);
        Arrays.sort(theirQuery);
        return Arrays.equals(document.indices(), edgeDocument.indices())
                && Arrays.equals(bits(document.values()), bits(edgeDocument.values()))
                && Arrays.equals(ourQuery, theirQuery);
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
