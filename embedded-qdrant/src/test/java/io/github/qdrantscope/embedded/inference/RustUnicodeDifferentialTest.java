package io.github.qdrantscope.embedded.inference;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.StatusRuntimeException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The characters where Java 17's Unicode 13 and Edge's Unicode 17 differ, through every tokenizer of
 * {@code qdrant/bm25} against Qdrant Edge 0.9.0 ({@code edge_bm25.py}): generated texts of the code points
 * {@link RustUnicode}'s tables name, of code points Java 17 leaves unassigned (most of them unassigned in Unicode 17
 * too, the rest assigned without a difference), next to Latin and Greek letters, capital sigma, digits and
 * spaces. Each text gives Edge's document vector (indices and f32 bits) and query indices under the word,
 * whitespace and multilingual tokenizers and Edge's query indices under the prefix one (whose documents 1.17 and
 * Edge tokenize differently), with and without lowercase and ASCII folding. A multilingual text with a script
 * that tokenizer refuses is counted, not compared; every other difference fails the test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RustUnicodeDifferentialTest {

    private static final int TEXTS = Integer.getInteger("unicode.diff.texts", 1500);
    private static final int BATCH = 500;
    private static final List<String> CONTEXT = List.of("a", "Z", "ab", "Qdrant", "é", "ÉTÉ", "Σ", "ΣΑΣ", "σ", "ς",
            "Ω", "'", ".", "-", "_", "1", "42", "\u0301", "\u00AD", "ß", "İ", "ǅ");
    private static final List<String> SPACES = List.of(" ", " ", " ", "\t", "\n", "\u3000", "", "", "", "");

    private EdgeBm25Oracle oracle;
    private List<int[]> tabled;

    @BeforeAll
    void start() throws IOException {
        oracle = EdgeBm25Oracle.start();
        tabled = tabledCodePoints();
    }

    @AfterAll
    void stop() throws Exception {
        oracle.close();
    }

    @Test
    void charactersJava17DoesNotKnowAreTokenizedAsEdgeTokenizesThem() {
        List<Map<String, Object>> configurations = new ArrayList<>();
        for (String tokenizer : List.of("word", "whitespace", "multilingual", "prefix")) {
            configurations.add(options(tokenizer));
            configurations.add(options(tokenizer, "lowercase", false));
            configurations.add(options(tokenizer, "ascii_folding", true));
        }
        Random random = new Random(20261217L);
        List<String> differences = new ArrayList<>();
        int compared = 0;
        int refused = 0;
        for (int done = 0; done < TEXTS; done += BATCH) {
            List<String> texts = new ArrayList<>();
            for (int i = done; i < Math.min(TEXTS, done + BATCH); i++) {
                texts.add(text(random));
            }
            for (Map<String, Object> options : configurations) {
                boolean prefix = "prefix".equals(options.get("tokenizer"));
                // a text whatlang finds Japanese as a whole goes to vaporetto, whose surfaces Edge's japanese.rs
                // (later than 1.17's) hands to process_token_cow; JapaneseDifferentialTest covers 1.17's own rule
                Bm25 ours = Bm25Options.parse(Bm25Samples.grpc(options)).withEdgeJapanese();
                List<EdgeBm25Oracle.Answer> documents = prefix ? null : oracle.documents(texts, options);
                List<int[]> queries = oracle.queries(texts, options);
                for (int i = 0; i < texts.size(); i++) {
                    String text = texts.get(i);
                    Bm25.Embedding document;
                    Bm25.Embedding query;
                    try {
                        document = prefix ? null : ours.document(text);
                        query = ours.query(text);
                    } catch (StatusRuntimeException e) {
                        assertThat(options.get("tokenizer")).isEqualTo("multilingual");
                        assertThat(e.getStatus().getDescription()).doesNotContain("unassigned");
                        refused++;
                        continue;
                    }
                    compared++;
                    boolean same = prefix || Arrays.equals(document.indices(), documents.get(i).indices())
                            && Arrays.equals(document.values(), documents.get(i).values());
                    if ((!same || !Arrays.equals(sorted(query.indices()), sorted(queries.get(i))))
                            && differences.size() < 20) {
                        differences.add(String.format("%s with %s: our tokens %s",
                                EdgeComparison.escaped(text), options, ours.tokens(text)));
                    } else if (!same || !Arrays.equals(sorted(query.indices()), sorted(queries.get(i)))) {
                        differences.add("");
                    }
                }
            }
        }
        System.out.printf("unicode 17: %d texts x %d options, %d compared, %d refused, %d differences%n", TEXTS,
                configurations.size(), compared, refused, differences.size());
        assertThat(compared).isGreaterThan(TEXTS * configurations.size() * 9 / 10);
        assertThat(differences).as("%d differences with Edge", differences.size()).isEmpty();
    }

    private String text(Random random) {
        StringBuilder text = new StringBuilder();
        int parts = 1 + random.nextInt(12);
        for (int i = 0; i < parts; i++) {
            int kind = random.nextInt(10);
            if (kind < 5) {
                // a table first, so the small ones (lowercase, NFKD) show as often as the alphabetic one
                int[] table = tabled.get(random.nextInt(tabled.size()));
                text.appendCodePoint(table[random.nextInt(table.length)]);
            } else if (kind < 7) {
                text.appendCodePoint(unassignedInJava17(random));
            } else {
                text.append(CONTEXT.get(random.nextInt(CONTEXT.size())));
            }
            text.append(SPACES.get(random.nextInt(SPACES.size())));
        }
        return text.toString();
    }

    // mostly the planes with scripts (0, 1), now and then any other
    private static int unassignedInJava17(Random random) {
        while (true) {
            int cp = random.nextInt(8) == 0 ? random.nextInt(0x110000) : random.nextInt(0x20000);
            if (Character.getType(cp) == Character.UNASSIGNED) {
                return cp;
            }
        }
    }

    // the code points each table gives Rust's answer for (one list per property and mapping), as the resources
    // write them
    private static List<int[]> tabledCodePoints() throws IOException {
        Map<String, List<Integer>> tables = new LinkedHashMap<>();
        for (String name : List.of("properties.txt", "lowercase.txt", "nfkd.txt")) {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(Objects.requireNonNull(
                    RustUnicode.class.getResourceAsStream("unicode17/" + name)), StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    if (line.isEmpty() || line.startsWith("#")) {
                        continue;
                    }
                    String[] fields = line.split("\\s+");
                    boolean property = name.equals("properties.txt");
                    String[] range = (property ? fields[1] : fields[0]).split("\\.\\.");
                    List<Integer> points = tables.computeIfAbsent(property ? fields[0] : name, k -> new ArrayList<>());
                    for (int cp = Integer.parseInt(range[0], 16); cp <= Integer.parseInt(range[range.length - 1],
                            16); cp++) {
                        points.add(cp);
                    }
                }
            }
        }
        assertThat(tables).hasSize(6);
        List<int[]> points = new ArrayList<>();
        tables.values().forEach(list -> points.add(list.stream().mapToInt(Integer::intValue).toArray()));
        return points;
    }

    private static int[] sorted(int[] values) {
        int[] copy = values.clone();
        Arrays.sort(copy);
        return copy;
    }

    private static Map<String, Object> options(String tokenizer, Object... pairs) {
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("tokenizer", tokenizer);
        for (int i = 0; i < pairs.length; i += 2) {
            options.put((String) pairs[i], pairs[i + 1]);
        }
        return options;
    }
}
