package io.github.qdrantscope.embedded.inference;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/**
 * {@link RustUnicode} (and {@link RustCase} on it) against Rust itself: {@code unicode17-digests.txt} holds, per
 * plane and question, a digest of rustc's std and unicode-normalization 0.1.25's answers for every code point
 * ({@code src/test/rust/unicode17 digest}), so one wrong answer anywhere fails its plane's line. The examples
 * below are lines of that program's {@code dump}.
 */
class RustUnicodeTest {

    private static final String SIGMA = "\u03A3";

    @Test
    void everyCodePointAnswersAsRustDoes() throws IOException {
        Map<String, IntFunction<String>> questions = Map.of(
                "alphabetic", cp -> flag(RustUnicode.isAlphabetic(cp)),
                "numeric", cp -> flag(RustUnicode.isNumeric(cp)),
                "whitespace", cp -> flag(RustUnicode.isWhitespace(cp)),
                "control", cp -> flag(RustUnicode.isControl(cp)),
                "uppercase", cp -> flag(RustUnicode.isUppercase(cp)),
                "sigma_after", cp -> flag(RustCase.lowercase(chars(cp) + SIGMA).endsWith("\u03C2")),
                "sigma_between", cp -> flag(RustCase.lowercase("A" + chars(cp) + SIGMA).endsWith("\u03C2")),
                "to_lowercase", cp -> hex(RustUnicode.toLowercase(cp)),
                "nfkd", cp -> hex(RustUnicode.nfkd(cp)));
        List<String> differing = new ArrayList<>();
        int lines = 0;
        for (String line : fixture().split("\n")) {
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.split("\t");
            int plane = Integer.parseInt(fields[0]);
            IntFunction<String> question = Objects.requireNonNull(questions.get(fields[1]), fields[1]);
            long digest = 0xcbf29ce484222325L;
            for (int cp = plane << 16; cp <= (plane << 16) + 0xFFFF; cp++) {
                if (cp >= 0xD800 && cp <= 0xDFFF) {
                    continue;
                }
                for (byte b : (question.apply(cp) + ";").getBytes(StandardCharsets.UTF_8)) {
                    digest = (digest ^ (b & 0xFF)) * 0x100000001b3L;
                }
            }
            if (!String.format("%016x", digest).equals(fields[2])) {
                differing.add("plane " + plane + " " + fields[1]);
            }
            lines++;
        }
        assertThat(lines).isEqualTo(17 * questions.size());
        assertThat(differing).isEmpty();
    }

    @Test
    void tablesHoldWhereUnicode17DiffersFromJava17() {
        assertThat(RustUnicode.sizes()).isEqualTo(Map.of("ALPHABETIC", 105, "NUMERIC", 13, "UPPERCASE", 18,
                "CASE", 84, "lowercase.txt", 95, "nfkd.txt", 178));
    }

    @Test
    void charactersOfLaterUnicodeVersionsAnswerAsInRust() {
        // 0363: Other_Alphabetic since Unicode 14; 0295: Lo since Unicode 16, neither lowercase nor cased
        assertThat(RustUnicode.isAlphabetic(0x0363)).isTrue();
        assertThat(Character.isAlphabetic(0x0363)).isFalse();
        assertThat(RustUnicode.caseContext(0x0295)).isEqualTo(RustUnicode.CaseContext.NONE);
        // 1734: Mc since Unicode 14, so no longer case-ignorable: "A᜴Σ" ends with σ
        assertThat(RustCase.lowercase("A\u1734" + SIGMA)).isEqualTo("a\u1734\u03C3");
        // A7C0/A7C1 (Unicode 14), 1C89/1C8A (Unicode 16)
        assertThat(RustUnicode.isUppercase(0xA7C0)).isTrue();
        assertThat(RustCase.lowercase("\uA7C0\u1C89")).isEqualTo("\uA7C1\u1C8A");
        // 10D40: Garay digit zero (Unicode 16); A7F1: modifier capital S (Unicode 17), compatibility S
        assertThat(RustUnicode.isNumeric(0x10D40)).isTrue();
        assertThat(RustUnicode.isAlphanumeric(0x10D40)).isTrue();
        assertThat(RustUnicode.nfkd(0xA7F1)).isEqualTo("S");
        // unassigned in Unicode 17: nothing at all, as in Java
        assertThat(RustUnicode.isAlphanumeric(0x0378)).isFalse();
        assertThat(RustUnicode.toLowercase(0x0378)).isEqualTo("\u0378");
        assertThat(RustUnicode.caseContext(0x0378)).isEqualTo(RustUnicode.CaseContext.NONE);
    }

    private static String fixture() throws IOException {
        try (InputStream in = RustUnicodeTest.class.getResourceAsStream("unicode17-digests.txt")) {
            return new String(Objects.requireNonNull(in).readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String flag(boolean value) {
        return value ? "1" : "0";
    }

    private static String chars(int cp) {
        return new String(Character.toChars(cp));
    }

    private static String hex(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().forEach(cp -> {
            String digits = Integer.toHexString(cp).toUpperCase(java.util.Locale.ROOT);
            out.append(out.length() == 0 ? "" : " ").append("0000", Math.min(4, digits.length()), 4).append(digits);
        });
        return out.toString();
    }
}
