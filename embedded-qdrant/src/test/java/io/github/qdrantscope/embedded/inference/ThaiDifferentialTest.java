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
 * The {@code multilingual} tokenizer of {@code qdrant/bm25} on texts rich in Thai ({@link ThaiSamples}) against
 * Qdrant Edge 0.9.0's {@code Bm25} ({@code edge_bm25.py}) under several options: every text this port accepts must
 * give Edge's document vector (indices and f32 bits) and Edge's query indices; every other text must answer
 * UNIMPLEMENTED. All differences are counted before the test fails. 1,000 texts a run (about 10 seconds);
 * {@code -Dthai.diff.texts=N} for a longer one.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ThaiDifferentialTest {

    private static final int TEXTS = Integer.getInteger("thai.diff.texts", 1000);
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
    void thaiTextsGiveEdgesVectors() {
        List<Map<String, Object>> configurations = List.of(
                options(),
                options("lowercase", false),
                options("ascii_folding", true, "lowercase", false),
                options("stemmer", Map.of("type", "snowball", "language", "english"), "stopwords", "english",
                        "min_token_len", 2L, "max_token_len", 6L));
        ThaiSamples samples = new ThaiSamples(20261205L);
        List<String> differences = new ArrayList<>();
        int accepted = 0;
        int refused = 0;
        Map<String, Integer> reasons = new java.util.TreeMap<>();
        long started = System.nanoTime();
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
                    try {
                        Bm25.Embedding document = ours.document(text);
                        Bm25.Embedding query = ours.query(text);
                        accepted++;
                        compare(text, options, document, documents.get(i), query, queries.get(i), differences);
                    } catch (StatusRuntimeException e) {
                        refused++;
                        String reason = String.valueOf(e.getStatus().getDescription());
                        reasons.merge(reason.replaceAll(".*qdrant/bm25 on (.{0,30}).*", "$1"), 1, Integer::sum);
                        assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNIMPLEMENTED);
                        assertThat(e.getStatus().getDescription()).contains("multilingual tokenizer of qdrant/bm25 on ")
                                .contains("docs/embedded-qdrant.md").doesNotContain("Thai text");
                    }
                }
            }
        }
        System.out.printf("thai: %d texts x %d options, %d accepted, %d refused %s, %d differences, %d ms%n",
                TEXTS, configurations.size(), accepted, refused, reasons, differences.size(),
                (System.nanoTime() - started) / 1_000_000);
        // most texts must be compared, or the test would prove little
        assertThat(accepted).isGreaterThan(3 * refused);
        assertThat(differences).as("%d differences with Edge", differences.size()).isEmpty();
    }

    private static void compare(String text, Map<String, Object> options, Bm25.Embedding document,
            EdgeBm25Oracle.Answer edgeDocument, Bm25.Embedding query, int[] edgeQuery, List<String> differences) {
        boolean sameDocument = Arrays.equals(document.indices(), edgeDocument.indices())
                && Arrays.equals(bits(document.values()), bits(edgeDocument.values()));
        int[] ourQuery = query.indices().clone();
        int[] theirQuery = edgeQuery.clone();
        Arrays.sort(ourQuery);
        Arrays.sort(theirQuery);
        if (!sameDocument || !Arrays.equals(ourQuery, theirQuery)) {
            if (differences.size() < 20) {
                differences.add(String.format("%s with %s: our tokens %s", MultilingualDifferentialTest.escaped(text),
                        options, Bm25Options.parse(Bm25Samples.grpc(options)).tokens(text)));
            } else {
                differences.add("");
            }
        }
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
