package io.github.qdrantscope.embedded.inference;

import java.util.ArrayList;
import java.util.List;

/**
 * charabia 0.10.0's Chinese segmenter ({@code src/segmenter/chinese.rs}): jieba-rs 0.10.4's {@code cut} without
 * HMM over its default dictionary ({@link JiebaDictionary}), then charabia's own {@code cut_for_search} on each word.
 *
 * <p>{@code cut} ({@code cut_internal} in jieba-rs's {@code src/lib.rs}) splits the piece into maximal blocks of
 * {@code is_han_default} characters and the characters between them, which it emits one by one (a CR LF pair as
 * one). A block is cut along the most probable route of its DAG ({@code dag}, {@code calc},
 * {@code cut_dag_no_hmm}).
 */
final class ChineseSegmenter {

    /** jieba's longest word has 16 characters, so a position has at most 16 edges. */
    private static final int MAX_EDGES = 64;

    private ChineseSegmenter() {
    }

    static List<String> segment(String piece) {
        List<String> segments = new ArrayList<>();
        for (String word : cut(piece)) {
            cutForSearch(word, segments);
        }
        return segments;
    }

    /** jieba-rs's {@code cut(piece, false)}. */
    static List<String> cut(String piece) {
        List<String> words = new ArrayList<>();
        int i = 0;
        while (i < piece.length()) {
            int start = i;
            boolean han = isHanDefault(piece.codePointAt(i));
            while (i < piece.length() && isHanDefault(piece.codePointAt(i)) == han) {
                i += Character.charCount(piece.codePointAt(i));
            }
            if (han) {
                cutBlock(piece.substring(start, i), words);
            } else {
                for (int j = start; j < i; ) {
                    // cut_internal keeps "\r\n" as one word, every other unmatched character alone
                    int end = piece.startsWith("\r\n", j) ? j + 2 : j + Character.charCount(piece.codePointAt(j));
                    words.add(piece.substring(j, end));
                    j = end;
                }
            }
        }
        return words;
    }

    /**
     * {@code cut_dag_no_hmm}: the route from the last character back ({@code calc}), then the words along it, where
     * consecutive single ASCII letters or digits are joined into one word.
     */
    private static void cutBlock(String block, List<String> words) {
        JiebaDictionary dictionary = JiebaDictionary.get();
        int length = block.length();
        double[] score = new double[length + 1];
        int[] next = new int[length + 1];
        int[] ends = new int[MAX_EDGES];
        int[] indices = new int[MAX_EDGES];
        double logTotal = dictionary.logTotal();
        // calc: ln(1) - logtotal for a character no dictionary word starts with (jieba-rs's DAG has no implicit
        // single-character edge, so a character that only begins longer words must take one of them)
        double single = 0.0 - logTotal;
        int following = length;
        for (int start = lastStart(block); start >= 0; start = previousStart(block, start)) {
            int edges = dictionary.prefixes(block, start, ends, indices);
            if (edges == 0) {
                score[start] = single + score[following];
                next[start] = following;
            } else {
                double best = 0;
                int bestEnd = -1;
                for (int e = 0; e < edges; e++) {
                    double probability = dictionary.logFrequency(indices[e]) - logTotal + score[ends[e]];
                    // calc: a later (longer) edge wins a tie, the edges coming shortest first
                    if (bestEnd < 0 || probability > best || probability == best && ends[e] > bestEnd) {
                        best = probability;
                        bestEnd = ends[e];
                    }
                }
                score[start] = best;
                next[start] = bestEnd;
            }
            following = start;
        }
        int pending = -1;
        for (int x = 0; x < length; ) {
            int y = next[x];
            int cp = block.codePointAt(x);
            if (y - x == Character.charCount(cp) && cp < 0x80 && Character.isLetterOrDigit(cp)) {
                if (pending < 0) {
                    pending = x;
                }
            } else {
                if (pending >= 0) {
                    words.add(block.substring(pending, x));
                    pending = -1;
                }
                words.add(block.substring(x, y));
            }
            x = y;
        }
        if (pending >= 0) {
            words.add(block.substring(pending));
        }
    }

    /**
     * charabia's {@code cut_for_search}: a word of at most two characters or of ASCII letters and digits only stays
     * whole; a longer one is cut greedily into the dictionary's two-character words, else three-character ones,
     * else single characters.
     */
    static void cutForSearch(String word, List<String> segments) {
        int count = word.codePointCount(0, word.length());
        if (count <= 2 || word.chars().allMatch(c -> c < 0x80 && Character.isLetterOrDigit(c))) {
            segments.add(word);
            return;
        }
        JiebaDictionary dictionary = JiebaDictionary.get();
        int index = 0;
        while (index < word.length()) {
            int two = advance(word, index, 2);
            int three = advance(word, index, 3);
            int end;
            if (two > 0 && dictionary.find(word, index, two) >= 0) {
                end = two;
            } else if (three > 0 && dictionary.find(word, index, three) >= 0) {
                end = three;
            } else {
                end = advance(word, index, 1);
            }
            segments.add(word.substring(index, end));
            index = end;
        }
    }

    /** The end of the {@code n} characters from {@code index}, or -1 where fewer are left ({@code next_gram}). */
    private static int advance(String word, int index, int n) {
        int end = index;
        for (int k = 0; k < n; k++) {
            if (end >= word.length()) {
                return -1;
            }
            end += Character.charCount(word.codePointAt(end));
        }
        return end;
    }

    /** {@code is_han_default}: jieba-rs's CJK ranges, ASCII letters and digits, and {@code + # & . _ % -}. */
    static boolean isHanDefault(int cp) {
        return cp >= 0x3400 && cp <= 0x4DBF || cp >= 0x4E00 && cp <= 0x9FFF || cp >= 0xF900 && cp <= 0xFAFF
                || cp >= 0x20000 && cp <= 0x2A6DF || cp >= 0x2A700 && cp <= 0x2EBEF || cp >= 0x2F800 && cp <= 0x2FA1F
                || cp < 0x80 && (Character.isLetterOrDigit(cp) || "+#&._%-".indexOf(cp) >= 0);
    }

    private static int lastStart(String block) {
        return block.offsetByCodePoints(block.length(), -1);
    }

    private static int previousStart(String block, int start) {
        return start == 0 ? -1 : block.offsetByCodePoints(start, -1);
    }
}
