package io.github.qdrantscope.embedded.inference;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * vaporetto 0.6.5's word segmentation as Qdrant's {@code tokenizers/japanese.rs} runs it:
 * {@code Sentence::from_raw}, {@code Predictor::new(model, false).predict}, {@code iter_tokens}.
 *
 * <p>Each boundary between two characters gets a score, the model's bias plus integer weights, and is a word
 * boundary when the score is above zero ({@code Predictor::predict}, {@code src/predictor.rs}). The weights
 * come from every occurrence of a model pattern: a character n-gram, a dictionary word, or an n-gram of
 * character types ({@link #type}). A pattern ending before character {@code e} adds its weight {@code k} to the
 * boundary after character {@code e - 1 + offset + k}, where the offset is minus the window size for n-grams and
 * minus the word's length for dictionary words ({@code PositionalWeight::add_score}); boundaries outside the text
 * fall into vaporetto's padding and are dropped. vaporetto finds the occurrences with Aho-Corasick automata that
 * report only the longest pattern at each end ({@code find_overlapping_no_suffix_iter}), after adding each
 * pattern's suffix patterns' weights into it ({@code CharWeightMerger::merge}, {@code src/char_scorer.rs}), so
 * the sum is the one over all patterns; this port sums over all patterns directly, which integer addition makes
 * equal bit for bit. With a type window of at most 3, vaporetto scores types from a table over the 2w types
 * around each boundary ({@code TypeScorerBoundaryCache}, {@code src/type_scorer/boundary_scorer_cache.rs}), so
 * a type n-gram counts only when it lies wholly inside that span, which {@link #addTypeScores} follows.
 */
final class VaporettoPredictor {

    private final VaporettoModel model;
    private final int maxCharNgram;
    private final int maxWord;
    private final int maxTypeNgram;

    VaporettoPredictor(VaporettoModel model) {
        this.model = model;
        this.maxCharNgram = longest(model.charNgrams);
        this.maxWord = longest(model.dictionary);
        this.maxTypeNgram = longest(model.typeNgrams);
    }

    private static final class Holder {
        static final VaporettoPredictor QDRANT = new VaporettoPredictor(VaporettoModel.read(VaporettoModel.bytes()));
    }

    /** Qdrant's predictor over its embedded model, read on first use (a class holder, so once and safely). */
    static VaporettoPredictor qdrant() {
        return Holder.QDRANT;
    }

    /**
     * The token surfaces of {@code text}, or none where {@code Sentence::from_raw} fails (an empty text or one
     * with U+0000, {@code parse_raw} in {@code src/sentence.rs}), which japanese.rs treats as no tokens. The raw
     * text is segmented as is: vaporetto normalizes nothing.
     */
    List<String> tokens(String text) {
        int[] chars = text.codePoints().toArray();
        List<String> tokens = new ArrayList<>();
        if (chars.length == 0 || text.indexOf('\0') >= 0) {
            return tokens;
        }
        boolean[] boundary = boundaries(chars);
        int start = 0;
        for (int b = 0; b < boundary.length; b++) {
            if (boundary[b]) {
                tokens.add(new String(chars, start, b + 1 - start));
                start = b + 1;
            }
        }
        tokens.add(new String(chars, start, chars.length - start));
        return tokens;
    }

    /** Whether each of the {@code chars.length - 1} boundaries is a word boundary. */
    boolean[] boundaries(int[] chars) {
        int[] scores = scores(chars);
        boolean[] boundary = new boolean[scores.length];
        for (int b = 0; b < scores.length; b++) {
            boundary[b] = scores[b] > 0;
        }
        return boundary;
    }

    int[] scores(int[] chars) {
        int[] scores = new int[chars.length - 1];
        java.util.Arrays.fill(scores, model.bias);
        // CharScorer::new: no scorer without n-grams and words, or with a zero window
        if ((!model.charNgrams.isEmpty() || !model.dictionary.isEmpty()) && model.charWindow != 0) {
            addCharScores(chars, scores);
        }
        // TypeScorer::new: likewise
        if (!model.typeNgrams.isEmpty() && model.typeWindow != 0) {
            int[] types = new int[chars.length];
            for (int i = 0; i < chars.length; i++) {
                types[i] = type(chars[i]);
            }
            addTypeScores(types, scores);
        }
        return scores;
    }

    private void addCharScores(int[] chars, int[] scores) {
        for (int start = 0; start < chars.length; start++) {
            for (int n = 1; n <= Math.max(maxCharNgram, maxWord) && start + n <= chars.length; n++) {
                String pattern = new String(chars, start, n);
                int end = start + n;
                int[] ngram = n <= maxCharNgram ? model.charNgrams.get(pattern) : null;
                if (ngram != null) {
                    add(ngram, end - 1 - model.charWindow, Integer.MAX_VALUE, scores);
                }
                int[] word = n <= maxWord ? model.dictionary.get(pattern) : null;
                if (word != null) {
                    add(word, end - 1 - n, Integer.MAX_VALUE, scores);
                }
            }
        }
    }

    private void addTypeScores(int[] types, int[] scores) {
        int window = model.typeWindow;
        // TypeScorerBoundaryCache for windows up to CACHE_MAX_WINDOW_SIZE (3), TypeScorerBoundary above
        boolean windowed = window <= 3;
        for (int start = 0; start < types.length; start++) {
            for (int n = 1; n <= maxTypeNgram && start + n <= types.length; n++) {
                int[] weights = model.typeNgrams.get(new String(types, start, n));
                if (weights != null) {
                    // in the table, weight k is read only while the n-gram starts within the window: k <= 2w - n
                    add(weights, start + n - 1 - window, windowed ? 2 * window - n : Integer.MAX_VALUE, scores);
                }
            }
        }
    }

    // weight k to boundary first + k, for the boundaries in the text and k up to lastWeight
    private static void add(int[] weights, int first, int lastWeight, int[] scores) {
        int last = Math.min(weights.length - 1, lastWeight);
        for (int k = Math.max(0, -first); k <= last && first + k < scores.length; k++) {
            scores[first + k] += weights[k];
        }
    }

    /**
     * {@code CharacterType::get_type} ({@code src/sentence.rs}): fixed code point ranges, not Unicode
     * properties, so no Unicode version enters. 1 digit, 2 roman, 3 hiragana, 4 katakana, 5 kanji, 6 other.
     */
    static int type(int cp) {
        if (cp >= 0x30 && cp <= 0x39 || cp >= 0xFF10 && cp <= 0xFF19) {
            return 1;
        }
        if (cp >= 0x41 && cp <= 0x5A || cp >= 0x61 && cp <= 0x7A || cp >= 0xFF21 && cp <= 0xFF3A
                || cp >= 0xFF41 && cp <= 0xFF5A) {
            return 2;
        }
        if (cp >= 0x3040 && cp <= 0x3096) {
            return 3;
        }
        // U+30FB (katakana middle dot) is left out of the katakana ranges
        if (cp >= 0x30A0 && cp <= 0x30FA || cp >= 0x30FC && cp <= 0x30FF || cp >= 0xFF66 && cp <= 0xFF9F) {
            return 4;
        }
        if (cp >= 0x3400 && cp <= 0x4DBF || cp >= 0x4E00 && cp <= 0x9FFF || cp >= 0xF900 && cp <= 0xFAFF
                || cp >= 0x20000 && cp <= 0x2A6DF || cp >= 0x2A700 && cp <= 0x2CEAF
                || cp >= 0x2F800 && cp <= 0x2FA1F) {
            return 5;
        }
        return 6;
    }

    private static int longest(Map<String, int[]> patterns) {
        return patterns.keySet().stream().mapToInt(p -> p.codePointCount(0, p.length())).max().orElse(0);
    }
}
