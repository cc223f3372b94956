package io.github.qdrantscope.embedded.inference;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What the multilingual tokenizer's differential tests share: texts drawn in batches (Edge embeds a batch per
 * request), each batch compared under each option set with Qdrant Edge 0.9.0's {@code Bm25}
 * ({@link EdgeBm25Oracle}): the document vector equal bit for bit, the query's index set equal. Every difference is
 * counted (the first 20 described) before the test fails, so a broken rule shows how many pairs it changes. No text
 * answers UNIMPLEMENTED any more, so an exception on our side fails the test as it is.
 */
final class EdgeComparison {

    private static final int BATCH = 500;

    /** Sees each compared text with Edge's answers, for what a test counts besides differences. */
    interface Observer {
        void compared(String text, EdgeBm25Oracle.Answer edgeDocument, int[] edgeQuery);
    }

    private final EdgeBm25Oracle oracle;
    private final List<String> differences = new ArrayList<>();
    private int compared;

    EdgeComparison(EdgeBm25Oracle oracle) {
        this.oracle = oracle;
    }

    /** {@code texts} texts of {@code sample}, in batches, drawn in order before any is compared. */
    static List<List<String>> batches(int texts, Supplier<String> sample) {
        List<List<String>> batches = new ArrayList<>();
        for (int done = 0; done < texts; done += BATCH) {
            List<String> batch = new ArrayList<>();
            for (int i = done; i < Math.min(texts, done + BATCH); i++) {
                batch.add(sample.get());
            }
            batches.add(batch);
        }
        return batches;
    }

    /** BM25 options of the multilingual tokenizer and the given key-value pairs. */
    static Map<String, Object> multilingual(Object... pairs) {
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("tokenizer", "multilingual");
        for (int i = 0; i < pairs.length; i += 2) {
            options.put((String) pairs[i], pairs[i + 1]);
        }
        return options;
    }

    /**
     * Our model for {@code options}, with Edge's later rule for texts whatlang finds Japanese as a whole: Edge's
     * japanese.rs hands vaporetto's surfaces to {@code process_token_cow}, 1.17's does not, and
     * JapaneseDifferentialTest covers 1.17's own rule.
     */
    static Bm25 withEdgeJapanese(Map<String, Object> options) {
        return Bm25Options.parse(Bm25Samples.grpc(options)).withEdgeJapanese();
    }

    /**
     * The whole of a script's differential test: {@code texts} texts of {@code sample}, each batch under each of
     * {@code configurations} with {@link #withEdgeJapanese}, a line of counts under {@code name}, and no difference.
     */
    static void assertEveryTextAgrees(String name, EdgeBm25Oracle oracle, int texts, Supplier<String> sample,
            List<Map<String, Object>> configurations) {
        EdgeComparison comparison = new EdgeComparison(oracle);
        for (List<String> batch : batches(texts, sample)) {
            for (Map<String, Object> options : configurations) {
                comparison.compare(batch, options, withEdgeJapanese(options));
            }
        }
        System.out.printf("%s: %d texts x %d options, %d compared, %d differences%n", name, texts,
                configurations.size(), comparison.compared(), comparison.differences());
        comparison.assertNoDifferences();
    }

    void compare(List<String> texts, Map<String, Object> options, Bm25 ours) {
        compare(texts, options, ours, (text, document, query) -> { });
    }

    void compare(List<String> texts, Map<String, Object> options, Bm25 ours, Observer observer) {
        List<EdgeBm25Oracle.Answer> documents = oracle.documents(texts, options);
        List<int[]> queries = oracle.queries(texts, options);
        for (int i = 0; i < texts.size(); i++) {
            String text = texts.get(i);
            compared++;
            if (!same(ours.document(text), documents.get(i), ours.query(text), queries.get(i))) {
                differences.add(differences.size() < 20 ? String.format("%s with %s: our tokens %s", escaped(text),
                        options, ours.tokens(text)) : "");
            }
            observer.compared(text, documents.get(i), queries.get(i));
        }
    }

    /** Document vectors equal bit for bit and query index sets equal. */
    static boolean same(Bm25.Embedding document, EdgeBm25Oracle.Answer edge, Bm25.Embedding query,
            int[] edgeQuery) {
        int[] ourQuery = query.indices().clone();
        int[] theirQuery = edgeQuery.clone();
        Arrays.sort(ourQuery);
        Arrays.sort(theirQuery);
        return Arrays.equals(document.indices(), edge.indices())
                && Arrays.equals(bits(document.values()), bits(edge.values())) && Arrays.equals(ourQuery, theirQuery);
    }

    int compared() {
        return compared;
    }

    int differences() {
        return differences.size();
    }

    void assertNoDifferences() {
        assertThat(differences).as("%d differences with Edge", differences.size()).isEmpty();
    }

    private static int[] bits(float[] values) {
        int[] bits = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            bits[i] = Float.floatToIntBits(values[i]);
        }
        return bits;
    }

    /** The text with every character outside printable ASCII as {@code \\u{X}}. */
    static String escaped(String text) {
        StringBuilder out = new StringBuilder("\"");
        text.codePoints().forEach(cp -> {
            if (cp >= 0x20 && cp < 0x7F) {
                out.appendCodePoint(cp);
            } else {
                out.append(String.format("\\u{%X}", cp));
            }
        });
        return out.append('"').toString();
    }
}
