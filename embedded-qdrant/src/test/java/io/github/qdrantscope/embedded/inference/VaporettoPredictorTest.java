package io.github.qdrantscope.embedded.inference;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link VaporettoModel} and {@link VaporettoPredictor} against vaporetto 0.6.5 and Qdrant's japanese.rs:
 * the model file's checksum, the scorers' own test vectors of the crate, Qdrant's tokenization tests, and the
 * token surfaces the crate gives for 400 generated texts ({@code vaporetto-tokens.tsv}, written by
 * {@code src/test/rust/vaporetto_tokens}, whose header has the command). {@code -Dvaporetto.tokens=FILE}
 * compares another output of that program instead, e.g. 20,000 texts.
 */
class VaporettoPredictorTest {

    /** {@code MODEL_CHECKSUM} of japanese.rs (qdrant-edge 0.9.0, and qdrant/qdrant 1.17.0), in hex. */
    private static final String MODEL_SHA512 = "226c9c8207c71f18939c77ca62816d657208fab69f1c707ad63233bf76708fed"
            + "460f602d4e4c5a3eb20e56c25721134f3732d463624166ab7b966ee558e02bcb";

    @Test
    void theModelIsTheFileQdrantEmbeds() throws Exception {
        byte[] model = VaporettoModel.bytes();
        assertThat(model).hasSize(817_859);
        assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-512").digest(model)))
                .isEqualTo(MODEL_SHA512);
        VaporettoModel read = VaporettoModel.read(model);
        assertThat(read.charNgrams).hasSize(49_897);
        assertThat(read.typeNgrams).hasSize(219);
        assertThat(read.dictionary).isEmpty();
        assertThat(read.bias).isEqualTo(-469);
        assertThat(read.charWindow).isEqualTo(3);
        assertThat(read.typeWindow).isEqualTo(3);
    }

    // char_scorer.rs tests test_add_scores_1 and _2: n-grams and dictionary words over 我らは全世界の国民
    @Test
    void characterScorerGivesTheCratesScores() {
        Map<String, int[]> words = Map.of("全世界", new int[] {26, 27, 28, 29}, "世界", new int[] {30, 31, 32},
                "世", new int[] {33, 34});
        VaporettoModel window3 = new VaporettoModel(Map.of("我ら", new int[] {1, 2, 3, 4, 5},
                "全世界", new int[] {6, 7, 8, 9}, "国民", new int[] {10, 11, 12, 13, 14},
                "世界", new int[] {15, 16, 17, 18, 19}, "界", new int[] {20, 21, 22, 23, 24, 25}),
                Map.of(), words, 1, 3, 0);
        assertThat(scores(window3, "我らは全世界の国民")).containsExactly(4, 5, 73, 135, 141, 122, 55, 38);
        VaporettoModel window2 = new VaporettoModel(Map.of("我ら", new int[] {1, 2, 3},
                "全世界", new int[] {4, 5}, "国民", new int[] {6, 7, 8}, "世界", new int[] {9, 10, 11},
                "界", new int[] {12, 13, 14, 15}),
                Map.of(), Map.of("全世界", new int[] {16, 17, 18, 19}, "世界", new int[] {20, 21, 22},
                        "世", new int[] {23, 24}), 2, 2, 0);
        assertThat(scores(window2, "我らは全世界の国民")).containsExactly(4, 5, 18, 87, 93, 68, 23, 9);
    }

    // type_scorer.rs tests test_add_scores_cache_1 and _2 (windows 3 and 2, the table) and test_add_scores
    // (window 4, the automaton)
    @Test
    void typeScorerGivesTheCratesScores() {
        String kh = "\5\3";
        String kkk = "\5\5\5";
        String kk = "\5\5";
        String k = "\5";
        VaporettoModel cache3 = new VaporettoModel(Map.of(), Map.of(kh, new int[] {1, 2, 3, 4, 5},
                kkk, new int[] {6, 7, 8, 9}, kk, new int[] {10, 11, 12, 13, 14}, k, new int[] {15, 16, 17, 18, 19, 20}),
                Map.of(), 2, 0, 3);
        assertThat(scores(cache3, "我らは全世界の国民")).containsExactly(38, 66, 102, 84, 106, 139, 103, 74);
        VaporettoModel cache2 = new VaporettoModel(Map.of(), Map.of(kh, new int[] {1, 2, 3},
                kkk, new int[] {4, 5}, kk, new int[] {6, 7, 8}, k, new int[] {9, 10, 11, 12}), Map.of(), 3, 0, 2);
        assertThat(scores(cache2, "我らは全世界の国民")).containsExactly(16, 27, 28, 50, 57, 45, 43, 31);
        VaporettoModel automaton = new VaporettoModel(Map.of(), Map.of(kh, new int[] {1, 2, 3, 4, 5, 6, 7},
                kkk, new int[] {8, 9, 10, 11, 12, 13}, kk, new int[] {14, 15, 16, 17, 18, 19, 20},
                k, new int[] {21, 22, 23, 24, 25, 26, 27, 28}), Map.of(), 1, 0, 4);
        assertThat(scores(automaton, "我らは全世界の国民")).containsExactly(87, 135, 144, 174, 182, 192, 202, 148);
    }

    // japanese.rs tests test_tokenization and test_tokenization_partially_japanese (after its alphabetic
    // filter, which drops 。 ' and the spaces), and multilingual.rs's これはテストです
    @Test
    void qdrantsJapaneseTestsSegmentAsQdrantExpects() {
        assertThat(alphabetic("日本語のテキストです。Qdrantのコードで単体テストで使用されています。")).containsExactly(
                "日本", "語", "の", "テキスト", "です", "Qdrant", "の", "コード", "で", "単体", "テスト", "で", "使用",
                "さ", "れ", "て", "い", "ます");
        assertThat(alphabetic("日本語のテキストです。It's used in Qdrant's code in a unit test")).containsExactly(
                "日本", "語", "の", "テキスト", "です", "It", "s", "used", "in", "Qdrant", "s", "code", "in", "a",
                "unit", "test");
        assertThat(alphabetic("これはテストです")).containsExactly("これ", "は", "テスト", "です");
    }

    private static List<String> alphabetic(String text) {
        return VaporettoPredictor.qdrant().tokens(text).stream()
                .filter(token -> token.codePoints().anyMatch(RustUnicode::isAlphabetic)).toList();
    }

    @Test
    void emptyTextsAndTextsWithNulHaveNoTokens() {
        assertThat(VaporettoPredictor.qdrant().tokens("")).isEmpty();
        assertThat(VaporettoPredictor.qdrant().tokens("日本\0語")).isEmpty();
        assertThat(VaporettoPredictor.qdrant().tokens("語")).containsExactly("語");
    }

    @Test
    void generatedTextsSegmentAsTheCrateSegmentsThem() throws IOException {
        String file = System.getProperty("vaporetto.tokens");
        int compared = 0;
        List<String> differences = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(open(file))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                String[] fields = line.split("\t", -1);
                String text = unescape(fields[0]);
                List<String> expected = new ArrayList<>();
                if (!(fields.length == 2 && fields[1].equals("\\!"))) {
                    for (int i = 1; i < fields.length; i++) {
                        expected.add(unescape(fields[i]));
                    }
                }
                compared++;
                List<String> ours = VaporettoPredictor.qdrant().tokens(text);
                if (!ours.equals(expected) && differences.size() < 20) {
                    differences.add(fields[0] + ": crate " + expected + ", ours " + ours);
                }
            }
        }
        System.out.printf("vaporetto: %d texts compared, %d differ%n", compared, differences.size());
        assertThat(compared).isGreaterThanOrEqualTo(file == null ? 400 : 1);
        assertThat(differences).isEmpty();
    }

    private static Reader open(String file) throws IOException {
        if (file != null) {
            return Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8);
        }
        InputStream in = VaporettoPredictorTest.class.getResourceAsStream("vaporetto-tokens.tsv");
        assertThat(in).as("vaporetto-tokens.tsv").isNotNull();
        return new InputStreamReader(in, StandardCharsets.UTF_8);
    }

    private static int[] scores(VaporettoModel model, String text) {
        return new VaporettoPredictor(model).scores(text.codePoints().toArray());
    }

    private static String unescape(String escaped) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < escaped.length(); i++) {
            char c = escaped.charAt(i);
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char next = escaped.charAt(++i);
            switch (next) {
                case 't' -> out.append('\t');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 'u' -> {
                    int close = escaped.indexOf('}', i);
                    out.appendCodePoint(Integer.parseInt(escaped.substring(i + 2, close), 16));
                    i = close;
                }
                default -> out.append(next);
            }
        }
        return out.toString();
    }
}
