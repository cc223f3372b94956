package io.github.qdrantscope.embedded.inference;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/**
 * {@link WhatlangArabic} and the Arabic run's segmentation and normalization against whatlang 0.18.0 and charabia
 * 0.10.0 themselves: {@code arabic-oracle.tsv.gz} holds 300 generated Arabic-script texts (Arabic, Persian and
 * Urdu words, alef-lam prefixes, harakat, tatweel, digits, ZWNJ, presentation forms, random letters of the
 * Arabic blocks) with whatlang's combined scores, as f64 bits in Rust's sorted order, and charabia's tokens, as
 * {@code src/test/rust/arabic_oracle} printed them. {@code -Darabic.oracle.file=<tsv>} compares a longer output of
 * that program instead (see its header).
 */
class ArabicOracleTest {

    private static final String RESOURCE = "arabic-oracle.tsv.gz";

    @Test
    void profilesHoldThreeHundredTrigramsPerLanguage() throws IOException {
        Map<String, Integer> counts = new LinkedHashMap<>();
        try (InputStream in = WhatlangArabic.class.getResourceAsStream("whatlang/arabic-trigrams.txt")) {
            assertThat(in).isNotNull();
            new String(in.readAllBytes(), StandardCharsets.US_ASCII).lines()
                    .forEach(line -> counts.merge(line.split(" ")[0], 1, Integer::sum));
        }
        assertThat(counts).containsExactly(Map.entry("ara", 300), Map.entry("urd", 300), Map.entry("pes", 300));
    }

    @Test
    void scoresAndTokensEqualTheCrates() throws IOException {
        List<String> lines = lines();
        int scored = 0;
        int ties = 0;
        int tiesTokenizedAlike = 0;
        List<String> differences = new ArrayList<>();
        for (String line : lines) {
            String[] fields = line.split("\t", -1);
            String text = decode(fields[0], " ");
            List<String> runs = MultilingualTokenizer.runs(text);
            assertThat(runs).as("the generator writes one run a text: %s", fields[0]).hasSizeLessThanOrEqualTo(1);
            boolean arabic = text.codePoints().anyMatch(cp -> CharabiaScript.of(cp) == CharabiaScript.ARABIC);
            CharabiaLanguage language = CharabiaLanguage.NONE;
            if (arabic) {
                scored++;
                Map<String, Long> rust = new LinkedHashMap<>();
                for (String score : fields[1].split(",")) {
                    String[] pair = score.split("=");
                    rust.put(pair[0], Long.parseUnsignedLong(pair[1], 16));
                }
                double[] scores = WhatlangArabic.scores(text);
                for (int i = 0; i < scores.length; i++) {
                    String code = WhatlangArabic.LANGUAGES.get(i).name().toLowerCase(Locale.ROOT);
                    if (Double.doubleToRawLongBits(scores[i]) != rust.get(code)) {
                        differences.add(fields[0] + ": score of " + code);
                    }
                }
                language = CharabiaLanguage.valueOf(rust.keySet().iterator().next().toUpperCase(Locale.ROOT));
                List<CharabiaLanguage> leaders = WhatlangArabic.leaders(text);
                assertThat(leaders).as(fields[0]).contains(language);
                if (leaders.size() > 1) {
                    ties++;
                    List<List<String>> outcomes = leaders.stream().map(l -> tokens(text, l)).distinct().toList();
                    tiesTokenizedAlike += outcomes.size() == 1 ? 1 : 0;
                }
            }
            List<String> expected = new ArrayList<>();
            for (String token : fields[2].isEmpty() ? new String[0] : fields[2].split(" ")) {
                String[] parts = token.split("/", -1);
                assertThat(parts[1]).as(fields[0]).isEqualTo(arabic ? capitalized(language) : "-");
                expected.add(decode(parts[2], "\\."));
            }
            if (!tokens(text, language).equals(expected)) {
                differences.add(fields[0] + ": tokens " + tokens(text, language) + " for " + expected);
            }
        }
        System.out.printf("ArabicOracleTest: %d texts, %d scored, %d ties (%d tokenized alike), %d differences%n",
                lines.size(), scored, ties, tiesTokenizedAlike, differences.size());
        assertThat(differences).isEmpty();
        assertThat(scored).isGreaterThan(lines.size() * 9 / 10);
        assertThat(ties).isPositive();
    }

    /** charabia's tokens of a one-run text with the given language (separators and numbers included). */
    private static List<String> tokens(String text, CharabiaLanguage language) {
        CharabiaScript script = language == CharabiaLanguage.NONE ? CharabiaScript.OTHER : CharabiaScript.ARABIC;
        List<String> pieces = new ArrayList<>();
        CharabiaSeparators.split(text, pieces::add, piece -> {
            if (MultilingualTokenizer.maybeNumber(piece)) {
                pieces.add(piece);
            } else {
                pieces.addAll(CharabiaSegmenters.segment(piece, script, language));
            }
        });
        return pieces.stream().map(piece -> CharabiaNormalizer.normalize(piece, script, language)).toList();
    }

    private static String capitalized(CharabiaLanguage language) {
        String name = language.name();
        return name.charAt(0) + name.substring(1).toLowerCase(Locale.ROOT);
    }

    private static String decode(String hex, String separator) {
        StringBuilder out = new StringBuilder();
        for (String cp : hex.split(separator)) {
            if (!cp.isEmpty()) {
                out.appendCodePoint(Integer.parseInt(cp, 16));
            }
        }
        return out.toString();
    }

    private static List<String> lines() throws IOException {
        String file = System.getProperty("arabic.oracle.file");
        if (file != null) {
            return Files.readAllLines(Path.of(file), StandardCharsets.UTF_8);
        }
        try (InputStream in = ArabicOracleTest.class.getResourceAsStream(RESOURCE)) {
            assertThat(in).as(RESOURCE).isNotNull();
            List<String> lines = new BufferedReader(new InputStreamReader(new GZIPInputStream(in),
                    StandardCharsets.UTF_8)).lines().toList();
            assertThat(lines).hasSize(300);
            return lines;
        }
    }
}
