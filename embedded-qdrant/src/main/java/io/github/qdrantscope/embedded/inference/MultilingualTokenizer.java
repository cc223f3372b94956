package io.github.qdrantscope.embedded.inference;

import io.github.qdrantscope.embedded.storage.QdrantErrors;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Qdrant's {@code multilingual} tokenizer ({@code tokenizers/multilingual.rs} of the {@code qdrant-edge} 0.9.0
 * crate, as lib/segment's full-text index has it) for the texts whose charabia 0.10.0 segmentation has an exact
 * port: charabia's {@code str::segment().normalize(..)} tokens, those with an alphabetic character
 * ({@link RustAlphabetic}), each through the usual {@code process_token_cow}.
 *
 * <p>charabia splits the text into runs where its script changes ({@code SegmentedStrIter::new} in
 * {@code src/segmenter/mod.rs}: a character of no script joins the run it is in), detects each run's script
 * with whatlang 0.18.0 ({@code detect_script}, a majority vote of its script tables), picks the run's segmenter,
 * splits the run on its separators ({@link CharabiaSeparators}) and hands each piece to that segmenter, then
 * normalizes it for the run's script ({@link CharabiaNormalizer}). With Edge's charabia features (greek, hebrew,
 * thai, chinese-segmentation, chinese-normalization) every script but Chinese/Japanese, Thai and Arabic has the
 * identity segmenter. The vote is between the run's own script and Armenian, the one script whatlang counts and
 * charabia does not split by; a tie goes by the order of Rust's unstable sort, which this port does not follow.
 * So it refuses, per text: Han and kana (jieba's dictionary; a text whatlang finds Japanese goes to vaporetto's
 * model), Thai (dictionary segmentation), Arabic script but U+FEFF (language-detected segmenter and Persian
 * normalizer), a run where Armenian ties, and characters Java 17's Unicode 13 leaves unassigned (Rust and
 * unicode-normalization know later versions).
 */
final class MultilingualTokenizer {

    private MultilingualTokenizer() {
    }

    static void tokenize(String text, Consumer<String> process) {
        refuseUnported(text);
        for (String run : runs(text)) {
            CharabiaScript script = scriptOf(run);
            List<String> pieces = new ArrayList<>();
            CharabiaSeparators.split(run, pieces);
            for (String piece : pieces) {
                String lemma = CharabiaNormalizer.normalize(piece, script);
                // multilingual.rs skips a lemma with no char::is_alphabetic (digits alone too)
                if (lemma.codePoints().anyMatch(RustAlphabetic::isAlphabetic)) {
                    process.accept(lemma);
                }
            }
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

    // whatlang's detect_script over a run of one charabia script: the tables are disjoint (but for two Latin
    // letters whatlang also has as Cyrillic, which it tests for Latin first here) and its stop characters (ASCII
    // punctuation and digits) are in none, so the vote is between the run's script and Armenian; none at all is
    // Other
    private static CharabiaScript scriptOf(String run) {
        CharabiaScript own = CharabiaScript.OTHER;
        int ownCount = 0;
        int armenian = 0;
        for (int i = 0; i < run.length(); ) {
            int cp = run.codePointAt(i);
            CharabiaScript script = CharabiaScript.of(cp);
            if (script != CharabiaScript.OTHER) {
                own = script;
                ownCount++;
            } else if (CharabiaScript.isArmenian(cp)) {
                armenian++;
            }
            i += Character.charCount(cp);
        }
        if (armenian > 0 && armenian == ownCount) {
            throw QdrantErrors.unimplementedFeature(String.format("the multilingual tokenizer of qdrant/bm25 on "
                    + "Armenian text as frequent as the %s around it, a tie whatlang breaks by Rust's unstable sort",
                    own.name().toLowerCase(java.util.Locale.ROOT)));
        }
        return armenian > ownCount ? CharabiaScript.ARMENIAN : own;
    }

    private static void refuseUnported(String text) {
        text.codePoints().forEach(cp -> {
            String reason = unported(cp);
            if (reason != null) {
                throw QdrantErrors.unimplementedFeature(String.format(
                        "the multilingual tokenizer of qdrant/bm25 on %s (U+%04X)", reason, cp));
            }
        });
    }

    private static String unported(int cp) {
        if (Character.getType(cp) == Character.UNASSIGNED) {
            return "a character unassigned in Unicode 13, Java 17's version";
        }
        return switch (CharabiaScript.of(cp)) {
            case CJ -> "Chinese or Japanese text (Han or kana), which Qdrant segments with jieba's dictionary or "
                    + "vaporetto's model";
            case THAI -> "Thai text, which Qdrant segments with a dictionary";
            case ARABIC -> cp == 0xFEFF ? null : "Arabic-script text, which Qdrant segments and normalizes by "
                    + "whatlang's language detection";
            default -> null;
        };
    }
}
