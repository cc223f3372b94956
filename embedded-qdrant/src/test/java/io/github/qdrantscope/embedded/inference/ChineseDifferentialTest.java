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
 * The {@code multilingual} tokenizer of {@code qdrant/bm25} on Chinese ({@link ChineseSegmenter},
 * {@link ChineseVariants}) against Qdrant Edge 0.9.0's {@code Bm25} ({@code edge_bm25.py}) on generated texts
 * ({@link ChineseSamples}) under several options, as {@link MultilingualDifferentialTest} compares: every text this
 * port accepts must give Edge's document vector (indices and f32 bits) and query indices; every other text (one
 * whatlang finds Japanese as a whole, or with an unassigned code point) must answer UNIMPLEMENTED. 1,000 texts a
 * run; {@code -Dchinese.diff.texts=N} for a longer one.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChineseDifferentialTest {

    private static final int TEXTS = Integer.getInteger("chinese.diff.texts", 1000);
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
    void acceptedTextsGiveEdgesVectorsAndTheOthersAnswerUnimplemented() {
        List<Map<String, Object>> configurations = List.of(
                options(),
                options("lowercase", false),
                options("ascii_folding", true, "lowercase", false),
                options("stemmer", Map.of("type", "snowball", "language", "english"), "stopwords", "english",
                        "min_token_len", 2L, "max_token_len", 3L),
                options("stopwords", "chinese", "lowercase", false));
        ChineseSamples samples = new ChineseSamples(20261205L);
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
                    try {
                        Bm25.Embedding document = ours.document(text);
                        Bm25.Embedding query = ours.query(text);
                        accepted++;
                        compare(text, options, document, documents.get(i), query, queries.get(i), differences);
                    } catch (StatusRuntimeException e) {
                        refused++;
                        reasons.merge(e.getStatus().getDescription().replaceAll(" \\(U\\+.*", ""), 1, Integer::sum);
                        assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNIMPLEMENTED);
                        assertThat(e.getStatus().getDescription()).contains("multilingual tokenizer of qdrant/bm25 on ")
                                .contains("docs/embedded-qdrant.md");
                    }
                }
            }
        }
        System.out.printf("chinese: %d texts x %d options, %d accepted, %d refused, %d differences%n",
                TEXTS, configurations.size(), accepted, refused, differences.size());
        reasons.forEach((reason, count) -> System.out.printf("  refused %d: %s%n", count, reason));
        // most texts must be compared, or the test would prove little
        assertThat(accepted).isGreaterThan(5 * refused);
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
                differences.add(String.format("%s with %s: our tokens %s", MultilingualDifferentialTest.escaped(text), options,
                        Bm25Options.parse(Bm25Samples.grpc(options)).tokens(text)));
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
