package io.github.qdrantscope.embedded.inference;

import io.github.qdrantscope.embedded.storage.QdrantErrors;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Qdrant's {@code multilingual} tokenizer ({@code tokenizers/multilingual.rs} of the {@code qdrant-edge} 0.9.0
 * crate, as lib/segment's full-text index has it) for the texts whose segmentation has an exact port.
 *
 * <p>Qdrant first asks whatlang 0.18.0 about the whole text: a text whose main script is Latin goes to charabia
 * 0.10.0, and so does any other text but one whatlang finds Japanese, which goes to vaporetto 0.6.5 instead
 * ({@code tokenizers/japanese.rs}, {@link VaporettoPredictor}). charabia
 * splits the text into runs where its script changes ({@code SegmentedStrIter::new} in
 * {@code src/segmenter/mod.rs}: a character of no script joins the run it is in), gives each run whatlang's main
 * script ({@link WhatlangCounts}) and, where that script has several segmenters, its language; splits the run on
 * its separators ({@link CharabiaSeparators}); hands each piece between them that is not {@code maybe_number} to
 * the run's segmenter ({@link CharabiaSegmenters}); normalizes every token for the run's script
 * ({@link CharabiaNormalizer}). Qdrant keeps the lemmas with an alphabetic character ({@link RustAlphabetic}) and
 * hands each to the usual {@code process_token_cow}.
 *
 * <p>Where whatlang's main script is a tie it is decided by Rust's unstable sort, which this port does not follow,
 * so such a text is refused when the tied scripts would decide differently; so are characters Java 17's Unicode
 * 13 leaves unassigned (Rust and unicode-normalization know later versions) and the runs
 * {@link CharabiaSegmenters} has no port for.
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
        refuseUnassigned(text);
        if (japanese(text)) {
            // japanese.rs: vaporetto's surfaces as they are, those without char::is_alphabetic skipped
            for (String surface : VaporettoPredictor.qdrant().tokens(text)) {
                if (surface.codePoints().anyMatch(RustAlphabetic::isAlphabetic)) {
                    japanese.accept(surface);
                }
            }
            return;
        }
        for (String run : runs(text)) {
            WhatlangCounts counts = WhatlangCounts.of(run);
            CharabiaScript script = scriptOf(counts);
            CharabiaLanguage language = languageOf(run, script, counts);
            Consumer<String> token = piece -> {
                String lemma = CharabiaNormalizer.normalize(piece, script);
                // multilingual.rs skips a lemma with no char::is_alphabetic (digits alone too)
                if (lemma.codePoints().anyMatch(RustAlphabetic::isAlphabetic)) {
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
    // (to_lang_group: Hiragana and Katakana are Japanese outright, Mandarin by its share of kana)
    static boolean japanese(String text) {
        WhatlangCounts counts = WhatlangCounts.of(text);
        List<WhatlangScript> leaders = counts.leaders();
        boolean cj = leaders.stream().anyMatch(WhatlangScript::isChineseOrJapanese);
        if (!cj) {
            return false;
        }
        if (!leaders.stream().allMatch(WhatlangScript::isChineseOrJapanese)) {
            WhatlangScript other = leaders.stream().filter(s -> !s.isChineseOrJapanese()).findFirst().orElseThrow();
            throw CharabiaSegmenters.unported(text, String.format("a text with as many Han or kana characters as "
                    + "%s ones, a tie whatlang breaks by Rust's unstable sort", name(other)));
        }
        return leaders.contains(WhatlangScript.HIRAGANA) || leaders.contains(WhatlangScript.KATAKANA)
                || counts.japaneseOverMandarin();
    }

    // a run holds one charabia script besides characters of none, so whatlang's vote is between the scripts
    // whatlang splits it into (Mandarin, Hiragana, Katakana are charabia's Cj) and Armenian, which charabia
    // does not split runs by; none at all is Other
    private static CharabiaScript scriptOf(WhatlangCounts counts) {
        List<CharabiaScript> leaders = counts.leaders().stream().map(WhatlangScript::charabia).distinct().toList();
        if (leaders.size() > 1) {
            CharabiaScript own = leaders.stream().filter(s -> s != CharabiaScript.ARMENIAN).findFirst().orElseThrow();
            throw QdrantErrors.unimplementedFeature(String.format("the multilingual tokenizer of qdrant/bm25 on "
                    + "Armenian text as frequent as the %s around it, a tie whatlang breaks by Rust's unstable sort",
                    own.name().toLowerCase(Locale.ROOT)));
        }
        return leaders.isEmpty() ? CharabiaScript.OTHER : leaders.get(0);
    }

    // segmenter(): only Cj and Arabic have several segmenters, so only their runs get a language
    private static CharabiaLanguage languageOf(String run, CharabiaScript script, WhatlangCounts counts) {
        if (script == CharabiaScript.CJ) {
            List<WhatlangScript> leaders = counts.leaders();
            boolean japanese = leaders.contains(WhatlangScript.HIRAGANA) || leaders.contains(WhatlangScript.KATAKANA)
                    || counts.japaneseOverMandarin();
            if (!japanese) {
                // chinese.rs normalizes kVariants of a Chinese run's tokens, the unsegmented numbers too
                throw CharabiaSegmenters.unported(run, "Chinese text, which Qdrant segments with jieba's dictionary");
            }
            return CharabiaLanguage.JPN;
        }
        if (script == CharabiaScript.ARABIC && run.codePoints()
                .anyMatch(cp -> cp != 0xFEFF && CharabiaScript.of(cp) == CharabiaScript.ARABIC)) {
            // U+FEFF alone is in whatlang's Arabic range and meets neither the Arabic segmenter nor a normalizer
            throw CharabiaSegmenters.unported(run.replace("\uFEFF", ""),
                    "Arabic-script text, which Qdrant segments and normalizes by whatlang's language detection");
        }
        return CharabiaLanguage.NONE;
    }

    /** {@code maybe_number}: a piece of numbers and ASCII punctuation only is a token as it is, never segmented. */
    static boolean maybeNumber(String piece) {
        return piece.codePoints().allMatch(cp -> {
            int type = Character.getType(cp);
            return type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER
                    || type == Character.OTHER_NUMBER || cp < 0x80 && isAsciiPunctuation(cp);
        });
    }

    private static boolean isAsciiPunctuation(int cp) {
        return cp >= 0x21 && cp <= 0x2F || cp >= 0x3A && cp <= 0x40 || cp >= 0x5B && cp <= 0x60
                || cp >= 0x7B && cp <= 0x7E;
    }

    private static String name(WhatlangScript script) {
        String name = script.name().toLowerCase(Locale.ROOT);
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    private static void refuseUnassigned(String text) {
        text.codePoints().filter(cp -> Character.getType(cp) == Character.UNASSIGNED).findFirst().ifPresent(cp -> {
            throw QdrantErrors.unimplementedFeature(String.format("the multilingual tokenizer of qdrant/bm25 on "
                    + "a character unassigned in Unicode 13, Java 17's version (U+%04X)", cp));
        });
    }
}
