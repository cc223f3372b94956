package io.github.qdrantscope.embedded.inference;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link ThaiSegmenter} against charabia 0.10.0 itself: the test vectors of {@code src/segmenter/thai.rs}, and
 * {@code thai/segments.tsv}, 300 generated texts (dictionary words whole, cut short and run together, random Thai
 * letters, marks, digits, unassigned Thai code points, a few other characters) with the segments charabia's
 * {@code ThaiSegmenter} gives them, written by {@code src/test/rust/thai_segments} (its header has the commands).
 * {@code -Dthai.segments.fixture=<file>} checks a larger file of that program as well.
 */
class ThaiSegmenterTest {

    @Test
    void wordListIsCharabiasThaiFst() {
        // words.fst has 62,055 keys, all UTF-8
        assertThat(FstWords.load(ThaiSegmenter.WORDS).size()).isEqualTo(62055);
    }

    @Test
    void segmentsCharabiasThaiTestText() {
        // thai.rs's TEXT and SEGMENTED, between the separators (spaces) and the numbers its test keeps whole
        assertThat(ThaiSegmenter.segment("ภาษาไทยง่ายนิดเดียว")).containsExactly("ภาษาไทย", "ง่าย", "นิดเดียว");
        assertThat(ThaiSegmenter.segment("ไก่ขันตอนเช้าบนขันน้ำ"))
                .containsExactly("ไก่", "ขัน", "ตอนเช้า", "บน", "ขันน้ำ");
        assertThat(ThaiSegmenter.segment("ฉันสระผมที่สระน้ำด้วยน้ำยาสระผม"))
                .containsExactly("ฉัน", "สระผม", "ที่", "สระน้ำ", "ด้วย", "น้ำยา", "สระผม");
    }

    @Test
    void normalizesCharabiasThaiTestTokens() {
        // thai.rs's TOKENIZED: ำ decomposed (NFKD) to ํ + า, then the nonspacing marks deleted
        List<String> segments = List.of("ภาษาไทย", "ง่าย", "นิดเดียว", "ไก่", "ขัน", "ตอนเช้า", "บน", "ขันน้ำ", "ฉัน",
                "สระผม", "ที่", "สระน้ำ", "ด้วย", "น้ำยา");
        assertThat(segments.stream()
                .map(s -> CharabiaNormalizer.normalize(s, CharabiaScript.THAI, CharabiaLanguage.NONE)))
                .containsExactly("ภาษาไทย", "งาย", "นดเดยว", "ไก", "ขน", "ตอนเชา", "บน", "ขนนา", "ฉน", "สระผม", "ท",
                        "สระนา", "ดวย", "นายา");
    }

    @Test
    void segmentsAsCharabiaOnGeneratedTexts() throws IOException {
        InputStream in = ThaiSegmenterTest.class.getResourceAsStream("thai/segments.tsv");
        assertThat(in).isNotNull();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            assertThat(compare(reader)).isEqualTo(300);
        }
        String more = System.getProperty("thai.segments.fixture");
        if (more != null) {
            try (BufferedReader reader = Files.newBufferedReader(Path.of(more))) {
                System.out.printf("ThaiSegmenterTest: %,d texts of %s as charabia segments them%n", compare(reader),
                        more);
            }
        }
    }

    // each line: text, tab, the segments joined by U+241F; fails at the first text segmented otherwise
    private static int compare(BufferedReader reader) throws IOException {
        int count = 0;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            String[] fields = line.split("\t", -1);
            assertThat(fields).hasSize(2);
            List<String> expected = Arrays.asList(fields[1].split("\u241F", -1));
            assertThat(ThaiSegmenter.segment(fields[0])).as(fields[0]).isEqualTo(expected);
            count++;
        }
        return count;
    }

    @Test
    void charactersThatStartNoWordAreSegmentsOfTheirOwn() {
        // utils.rs's buffer of one character: an unmatched character never waits for the next match
        assertThat(ThaiSegmenter.segment("ฺฺก")).containsExactly("ฺ", "ฺ", "ก");
        assertThat(ThaiSegmenter.segment("")).isEmpty();
    }
}
