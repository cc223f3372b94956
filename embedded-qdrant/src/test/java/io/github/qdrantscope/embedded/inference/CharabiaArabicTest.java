package io.github.qdrantscope.embedded.inference;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Arabic segmenter and the Persian and Arabic normalizers against the test vectors of charabia 0.10.0
 * ({@code src/segmenter/arabic.rs}, {@code src/normalizer/arabic.rs}, {@code src/normalizer/persian.rs}).
 */
class CharabiaArabicTest {

    /** arabic.rs's segmenter test: the text, its segments (as {@code test_segmenter!} splits them), its tokens. */
    @Test
    void segmentsAndTokenizesTheCratesArabicText() {
        String text = "السلام عليكم، كيف حالكم؟ (أتمنى أن تكونوا بأفضل ٱلأحوال) 123 456";
        List<String> segmented = new ArrayList<>();
        List<String> tokenized = new ArrayList<>();
        CharabiaSeparators.split(text, segmented::add, piece -> {
            if (MultilingualTokenizer.maybeNumber(piece)) {
                segmented.add(piece);
            } else {
                segmented.addAll(CharabiaSegmenters.segment(piece, CharabiaScript.ARABIC, CharabiaLanguage.ARA));
            }
        });
        segmented.forEach(s -> tokenized.add(CharabiaNormalizer.normalize(s, CharabiaScript.ARABIC,
                CharabiaLanguage.ARA)));
        assertThat(segmented).containsExactly("ال", "سلام", " ", "عليكم", "،", " ", "كيف", " ", "حالكم", "؟", " ",
                "(", "أتمنى", " ", "أن", " ", "تكونوا", " ", "بأفضل", " ", "ٱل", "أحوال", ")", " ", "123", " ", "456");
        assertThat(tokenized).containsExactly("ال", "سلام", " ", "عليكم", "،", " ", "كيف", " ", "حالكم", "؟", " ",
                "(", "اتمني", " ", "ان", " ", "تكونوا", " ", "بافضل", " ", "ال", "احوال", ")", " ", "123", " ", "456");
    }

    @Test
    void segmenterCutsOnlyLongerPiecesStartingWithAnAlefLam() {
        assertThat(CharabiaArabic.segment("الشجرة")).containsExactly("ال", "شجرة");
        assertThat(CharabiaArabic.segment("ال")).containsExactly("ال");
        assertThat(CharabiaArabic.segment("الa")).containsExactly("ال", "a");
        assertThat(CharabiaArabic.segment("ا\u0654لكتاب")).containsExactly("ا\u0654لكتاب");
        assertThat(CharabiaArabic.segment("كتاب")).containsExactly("كتاب");
    }

    /** arabic.rs's normalizer test: the normalizer alone, then the whole pipeline (no language). */
    @Test
    void arabicNormalizerMatchesTheCrate() {
        String[] tokens = {"الحمــــــد", "رحــــــيم", "ٱلحمد", "يومى", "النهاردة"};
        String[] expected = {"الحمد", "رحيم", "الحمد", "يومي", "النهارده"};
        for (int i = 0; i < tokens.length; i++) {
            assertThat(CharabiaArabic.arabic(tokens[i])).isEqualTo(expected[i]);
            assertThat(CharabiaNormalizer.normalize(tokens[i], CharabiaScript.ARABIC, CharabiaLanguage.NONE))
                    .isEqualTo(expected[i]);
        }
    }

    /** persian.rs's normalizer test: the normalizer alone, then the whole pipeline for a Pes token. */
    @Test
    void persianNormalizerMatchesTheCrate() {
        String[] tokens = {"علي", "كتاب", "۱۲۳۴۵۶۷۸۹۰", "كیك ۱۲۳ یک کتاب", "سلام", "خانه", "گژ پژ",
            "قنات قصبه شهر گناباد عمیق\u200Cترین و قدیمی\u200Cترین کاریز جهان است."};
        String[] expected = {"علی", "کتاب", "1234567890", "کیک 123 یک کتاب", "سلام", "خانه", "گژ پژ",
            "قنات قصبه شهر گناباد عمیقترین و قدیمیترین کاریز جهان است."};
        for (int i = 0; i < tokens.length; i++) {
            assertThat(CharabiaArabic.persian(tokens[i])).isEqualTo(expected[i]);
            assertThat(CharabiaNormalizer.normalize(tokens[i], CharabiaScript.ARABIC, CharabiaLanguage.PES))
                    .isEqualTo(expected[i]);
        }
    }

    @Test
    void persianNormalizerRunsBeforeTheArabicOneAndOnlyForPes() {
        // alef maksura: Persian yeh for Pes, Arabic yeh otherwise
        assertThat(CharabiaNormalizer.normalize("يومى", CharabiaScript.ARABIC, CharabiaLanguage.PES))
                .isEqualTo("یومی");
        assertThat(CharabiaNormalizer.normalize("يومى", CharabiaScript.ARABIC, CharabiaLanguage.URD))
                .isEqualTo("يومي");
        // harakat are nonspacing marks, removed last
        assertThat(CharabiaNormalizer.normalize("كِتَابٌ", CharabiaScript.ARABIC, CharabiaLanguage.ARA))
                .isEqualTo("كتاب");
    }
}
