package io.github.qdrantscope.embedded.inference;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * whatlang 0.18.0's {@code raw_detect_script} ({@code src/scripts/detect.rs}): every character but a stop
 * character ({@code is_stop_char} of {@code src/utils.rs}: U+0000–0040, U+005B–0060, U+007B–007E) counts for
 * the first script of the current order whose range holds it, and that script then swaps one place forward. The
 * order is state, not a constant: a character in two scripts' ranges (U+1D2B and U+1D78 are Latin and Cyrillic)
 * counts for whichever of the two was found more recently near the front, so the walk is ported as it is.
 *
 * <p>whatlang then sorts the counts with {@code sort_unstable_by_key} and takes the first: among scripts with
 * the same highest count the winner is up to Rust's unstable sort, so {@link #leaders} returns them all and the
 * caller refuses when they would decide differently.
 */
final class WhatlangCounts {

    private final Map<WhatlangScript, Integer> counts;

    private WhatlangCounts(Map<WhatlangScript, Integer> counts) {
        this.counts = counts;
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
        for (int slot = 0; slot < order.length; slot++) {
            byScript.put(order[slot], counts[slot]);
        }
        return new WhatlangCounts(byScript);
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

    /** The scripts with the highest count, none when no character counted ({@code main_script} is None). */
    List<WhatlangScript> leaders() {
        int max = counts.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        List<WhatlangScript> leaders = new ArrayList<>();
        if (max > 0) {
            counts.forEach((script, count) -> {
                if (count == max) {
                    leaders.add(script);
                }
            });
        }
        return leaders;
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
