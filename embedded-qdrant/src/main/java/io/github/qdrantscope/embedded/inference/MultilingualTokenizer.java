package io.github.qdrantscope.embedded.inference;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Qdrant's {@code multilingual} tokenizer ({@code tokenizers/multilingual.rs} of the {@code qdrant-edge} 0.9.0
 * crate, as lib/segment's full-text index has it), every text as Qdrant segments it.
 *
 * <p>Qdrant first asks whatlang 0.18.0 about the whole text: a text whose main script is Latin goes to charabia
 * 0.10.0, and so does any other text but one whatlang finds Japanese, which goes to vaporetto 0.6.5 instead
 * ({@code tokenizers/japanese.rs}, {@link VaporettoPredictor}). charabia
 * splits the text into runs where its script changes ({@code SegmentedStrIter::new} in
 * {@code src/segmenter/mod.rs}: a character of no script joins the run it is in), gives each run whatlang's main
 * script ({@link WhatlangCounts}) and, where that script has several segmenters, its language; splits the run on
 * its separators ({@link CharabiaSeparators}); hands each piece between them that is not {@code maybe_number} to
 * the run's segmenter ({@link CharabiaSegmenters}); normalizes every token for the run's script
 * ({@link CharabiaNormalizer}). Qdrant keeps the lemmas with an alphabetic character ({@link RustUnicode}) and
 * hands each to the usual {@code process_token_cow}.
 *
 * <p>Characters Java 17's Unicode 13 leaves unassigned are tokenized as Edge's Unicode 17 has them
 * ({@link RustUnicode}). Where whatlang's or charabia's choices depend on the order Rust's unstable sort leaves
 * equal keys in, the port follows that order ({@link WhatlangCounts}, {@link WhatlangArabic}).
 */
final class MultilingualTokenizer {

    private MultilingualTokenizer() {
    }

    /**
     * Hands charabia's lemmas to {@code process} and, for a text whatlang finds Japanese, vaporetto's token
     * surfaces to {@code japanese} instead (japanese.rs processes them differently); either way only those with
     * an alphabetic character.
     */
    static void tokenize(String text, Consumer<String> process, Consumer<String> japanese) {
        if (japanese(text)) {
            // japanese.rs: vaporetto's surfaces as they are, those without char::is_alphabetic skipped
            for (String surface : VaporettoPredictor.qdrant().tokens(text)) {
                if (surface.codePoints().anyMatch(RustUnicode::isAlphabetic)) {
                    japanese.accept(surface);
                }
            }
            return;
        }
        for (String run : runs(text)) {
            WhatlangCounts counts = WhatlangCounts.of(run);
            CharabiaScript script = scriptOf(counts);
            lemmas(run, script, languageOf(run, script, counts), process);
        }
    }

    /** charabia's tokens of one run, normalized, those with an alphabetic character. */
    private static void lemmas(String run, CharabiaScript script, CharabiaLanguage language,
            Consumer<String> process) {
        Consumer<String> token = piece -> {
            String lemma = CharabiaNormalizer.normalize(piece, script, language);
            // multilingual.rs skips a lemma with no char::is_alphabetic (digits alone too)
            if (lemma.codePoints().anyMatch(RustUnicode::isAlphabetic)) {
                process.accept(lemma);
            }
        };
        CharabiaSeparators.split(run, token, piece -> {
            if (maybeNumber(piece)) {
                token.accept(piece);
            } else {
                CharabiaSegmenters.segment(piece, script, language).forEach(token);
            }
        });
    }

    /** {@code SegmentedStrIter::new}: a new run where a character's script differs from the run's one. */
    static List<String> runs(String text) {
        List<String> runs = new ArrayList<>();
        CharabiaScript current = CharabiaScript.OTHER;
        int start = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            CharabiaScript script = CharabiaScript.of(cp);
            if (script != CharabiaScript.OTHER && script != current) {
                if (current != CharabiaScript.OTHER) {
                    runs.add(text.substring(start, i));
                    start = i;
                }
                current = script;
            }
            i += Character.charCount(cp);
        }
        if (start < text.length()) {
            runs.add(text.substring(start));
        }
        return runs;
    }

    // multilingual.rs: Latin goes to charabia, and any other main script unless whatlang's language is Japanese
    static boolean japanese(String text) {
        return WhatlangCounts.of(text).japanese();
    }

    // the run's script is whatlang's main script, as charabia maps it (Mandarin, Hiragana and Katakana are Cj;
    // Armenian, which charabia does not split runs by, can win a run); none at all is Other
    private static CharabiaScript scriptOf(WhatlangCounts counts) {
        return counts.main() == null ? CharabiaScript.OTHER : counts.main().charabia();
    }

    // segmenter(): only Cj and Arabic have several segmenters, so only their runs get a language
    private static CharabiaLanguage languageOf(String run, CharabiaScript script, WhatlangCounts counts) {
        if (script == CharabiaScript.CJ) {
            // whatlang's detect_lang on a Cj run answers Chinese or Japanese, never nothing
            return counts.japanese() ? CharabiaLanguage.JPN : CharabiaLanguage.CMN;
        }
        if (script == CharabiaScript.ARABIC) {
            return arabicLanguage(run);
        }
        return CharabiaLanguage.NONE;
    }

    // StrDetection::language with no allow list: whatlang's combined scores over Ara, Urd and Pes. Equal top
    // scores keep whatlang's order, Ara, Urd, Pes: Rust's unstable sort of up to 20 elements is an insertion
    // sort, which moves no element past an equal one (a Rust one-off over 20,000 texts, 1,797 of them tied, and
    // ArabicDifferentialTest against Edge agree)
    private static CharabiaLanguage arabicLanguage(String run) {
        return WhatlangArabic.leaders(run).get(0);
    }

    /** {@code maybe_number}: a piece of numbers and ASCII punctuation only is a token as it is, never segmented. */
    static boolean maybeNumber(String piece) {
        return piece.codePoints().allMatch(cp -> RustUnicode.isNumeric(cp) || cp < 0x80 && isAsciiPunctuation(cp));
    }

    private static boolean isAsciiPunctuation(int cp) {
        return cp >= 0x21 && cp <= 0x2F || cp >= 0x3A && cp <= 0x40 || cp >= 0x5B && cp <= 0x60
                || cp >= 0x7B && cp <= 0x7E;
    }
}
