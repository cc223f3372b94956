package io.github.qdrantscope.embedded.inference;

import java.util.EnumMap;
import java.util.Map;

/**
 * whatlang 0.18.0's {@code raw_detect_script} ({@code src/scripts/detect.rs}): every character but a stop
 * character ({@code is_stop_char} of {@code src/utils.rs}: U+0000–0040, U+005B–0060, U+007B–007E) counts for
 * the first script of the current order whose range holds it, and that script then swaps one place forward. The
 * order is state, not a constant: a character in two scripts' ranges (U+1D2B and U+1D78 are Latin and Cyrillic)
 * counts for whichever of the two was found more recently near the front, so the walk is ported as it is.
 *
 * <p>whatlang then sorts the counts with {@code sort_unstable_by_key} and takes the first ({@code main_script}).
 * Among scripts with the same highest count that is the one nearest the front of the final order: Rust's
 * unstable sort of these 25 pairs (since 1.81: an already sorted run is left as it is, anything else goes to a
 * small-sort that keeps equal keys in order) behaves as a stable sort here, which a one-off Rust program checked
 * against {@code whatlang::detect_script} on 200,000 texts with 147,012 ties (rustc 1.95, 0 differences) and the
 * multilingual differential test checks against Qdrant Edge's build.
 */
final class WhatlangCounts {

    private final Map<WhatlangScript, Integer> counts;
    private final WhatlangScript main;

    private WhatlangCounts(Map<WhatlangScript, Integer> counts, WhatlangScript main) {
        this.counts = counts;
        this.main = main;
    }

    static WhatlangCounts of(String text) {
        WhatlangScript[] order = WhatlangScript.values();
        int[] counts = new int[order.length];
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (cp <= 0x40 || cp >= 0x5B && cp <= 0x60 || cp >= 0x7B && cp <= 0x7E) {
                continue;
            }
            for (int slot = 0; slot < order.length; slot++) {
                if (order[slot].contains(cp)) {
                    counts[slot]++;
                    if (slot > 0) {
                        swap(order, counts, slot);
                    }
                    break;
                }
            }
        }
        Map<WhatlangScript, Integer> byScript = new EnumMap<>(WhatlangScript.class);
        WhatlangScript main = null;
        int max = 0;
        for (int slot = 0; slot < order.length; slot++) {
            byScript.put(order[slot], counts[slot]);
            if (counts[slot] > max) {
                max = counts[slot];
                main = order[slot];
            }
        }
        return new WhatlangCounts(byScript, main);
    }

    private static void swap(WhatlangScript[] order, int[] counts, int slot) {
        WhatlangScript script = order[slot];
        order[slot] = order[slot - 1];
        order[slot - 1] = script;
        int count = counts[slot];
        counts[slot] = counts[slot - 1];
        counts[slot - 1] = count;
    }

    int count(WhatlangScript script) {
        return counts.get(script);
    }

    /** whatlang's {@code main_script}: {@code null} when no character counted. */
    WhatlangScript main() {
        return main;
    }

    /**
     * {@code detect_lang} over Chinese and Japanese scripts: a text led by Hiragana or Katakana is Japanese
     * outright ({@code to_lang_group}), one led by Mandarin when {@link #japaneseOverMandarin}; {@code false} for
     * any other main script.
     */
    boolean japanese() {
        return main == WhatlangScript.HIRAGANA || main == WhatlangScript.KATAKANA
                || main == WhatlangScript.MANDARIN && japaneseOverMandarin();
    }

    /**
     * {@code detect_lang_base_on_mandarin_script} ({@code src/core/detect.rs}) with Mandarin allowed, as both
     * charabia's runs and Qdrant's {@code SUPPORTED_LANGUAGES} allow it: Japanese when more than 5% of the Han and
     * kana characters are kana. A text led by Hiragana or Katakana is Japanese outright ({@code to_lang_group}).
     */
    boolean japaneseOverMandarin() {
        int kana = count(WhatlangScript.HIRAGANA) + count(WhatlangScript.KATAKANA);
        int total = count(WhatlangScript.MANDARIN) + kana;
        return (double) kana / (double) total > 0.05;
    }
}
