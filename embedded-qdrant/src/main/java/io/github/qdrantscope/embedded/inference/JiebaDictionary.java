package io.github.qdrantscope.embedded.inference;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * The default dictionary of jieba-rs 0.10.4 ({@code src/data/dict.txt}, what {@code Jieba::new()} loads for
 * charabia 0.10.0's Chinese segmenter) as {@code jieba/dict.tsv.gz} beside this class holds it, loaded once on
 * first use. The words are one {@code char[]} sorted by UTF-16 code units with their offsets, so a prefix search is
 * a binary search and 349,045 words cost a few megabytes, not as many {@code String}s.
 *
 * <p>A word's weight is the natural logarithm of its frequency as Rust computes it ({@code Record::new} in
 * {@code src/lib.rs}: {@code (freq as f64).ln()}); {@code jieba/ln.tsv.gz} holds those bits, since
 * {@code StrictMath.log} rounds 77 of the 5,088 values that occur the other way.
 */
final class JiebaDictionary {

    private final char[] chars;
    private final int[] offsets;
    private final short[] weightIndex;
    private final double[] weights;
    private final double logTotal;

    private JiebaDictionary(char[] chars, int[] offsets, short[] weightIndex, double[] weights, double logTotal) {
        this.chars = chars;
        this.offsets = offsets;
        this.weightIndex = weightIndex;
        this.weights = weights;
        this.logTotal = logTotal;
    }

    private static final class Holder {
        static final JiebaDictionary INSTANCE = load();
    }

    static JiebaDictionary get() {
        return Holder.INSTANCE;
    }

    int size() {
        return offsets.length - 1;
    }

    /** {@code ln(total)}: the sum of every word's frequency, as jieba-rs's {@code update_log_total} has it. */
    double logTotal() {
        return logTotal;
    }

    /** {@code ln(freq)} of the word at {@code index}. */
    double logFrequency(int index) {
        return weights[weightIndex[index]];
    }

    String word(int index) {
        return new String(chars, offsets[index], offsets[index + 1] - offsets[index]);
    }

    /** jieba-rs's {@code has_word}: the exact text is a dictionary word. */
    boolean hasWord(CharSequence text) {
        return find(text, 0, text.length()) >= 0;
    }

    /** The index of the word equal to {@code text[from, to)}, or -1. */
    int find(CharSequence text, int from, int to) {
        int low = lowerBound(text, from, to);
        return low < size() && compare(low, text, from, to) == 0 ? low : -1;
    }

    /**
     * The words that begin {@code text} at {@code from} (cedarwood's {@code common_prefix_iter}, shortest first):
     * {@code ends[k]} receives the end of the k-th, {@code indices[k]} its word; returns how many.
     */
    int prefixes(CharSequence text, int from, int[] ends, int[] indices) {
        int count = 0;
        for (int to = from; to < text.length(); ) {
            to += Character.isHighSurrogate(text.charAt(to)) && to + 1 < text.length() ? 2 : 1;
            int low = lowerBound(text, from, to);
            if (low == size() || !startsWith(low, text, from, to)) {
                break;
            }
            if (offsets[low + 1] - offsets[low] == to - from) {
                ends[count] = to;
                indices[count] = low;
                count++;
            }
        }
        return count;
    }

    private int lowerBound(CharSequence text, int from, int to) {
        int low = 0;
        int high = size();
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (compare(mid, text, from, to) < 0) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    private int compare(int index, CharSequence text, int from, int to) {
        int start = offsets[index];
        int length = offsets[index + 1] - start;
        int n = Math.min(length, to - from);
        for (int i = 0; i < n; i++) {
            int diff = chars[start + i] - text.charAt(from + i);
            if (diff != 0) {
                return diff;
            }
        }
        return length - (to - from);
    }

    private boolean startsWith(int index, CharSequence text, int from, int to) {
        int start = offsets[index];
        if (offsets[index + 1] - start < to - from) {
            return false;
        }
        for (int i = 0; i < to - from; i++) {
            if (chars[start + i] != text.charAt(from + i)) {
                return false;
            }
        }
        return true;
    }

    private static JiebaDictionary load() {
        Map<Long, Double> ln = new HashMap<>();
        read("ln.tsv.gz", line -> {
            int tab = line.indexOf('\t');
            ln.put(Long.parseLong(line.substring(0, tab)),
                    Double.longBitsToDouble(Long.parseUnsignedLong(line.substring(tab + 1), 16)));
        });
        long[] distinct = ln.keySet().stream().mapToLong(Long::longValue).sorted().toArray();
        Builder builder = new Builder(distinct);
        read("dict.tsv.gz", builder::add);
        Double logTotal = ln.get(builder.total);
        if (logTotal == null) {
            throw new IllegalStateException("jieba/ln.tsv.gz lacks the dictionary's total " + builder.total);
        }
        double[] weights = Arrays.stream(distinct).mapToDouble(ln::get).toArray();
        return builder.build(weights, logTotal);
    }

    private static final class Builder {
        private final long[] distinct;
        private final StringBuilder chars = new StringBuilder(1 << 20);
        private int[] offsets = new int[1 << 16];
        private short[] weightIndex = new short[1 << 16];
        private int count;
        private long total;

        Builder(long[] distinct) {
            this.distinct = distinct;
        }

        void add(String line) {
            int tab = line.indexOf('\t');
            long freq = Long.parseLong(line.substring(tab + 1));
            if (count + 1 == offsets.length) {
                offsets = Arrays.copyOf(offsets, offsets.length * 2);
                weightIndex = Arrays.copyOf(weightIndex, weightIndex.length * 2);
            }
            if (count > 0 && compareSorted(chars, offsets[count - 1], offsets[count], line, tab) >= 0) {
                throw new IllegalStateException("jieba/dict.tsv.gz is not sorted at line " + (count + 1));
            }
            int weight = Arrays.binarySearch(distinct, freq);
            if (weight < 0) {
                throw new IllegalStateException("jieba/ln.tsv.gz lacks the frequency " + freq);
            }
            chars.append(line, 0, tab);
            offsets[count + 1] = chars.length();
            weightIndex[count] = (short) weight;
            total += freq;
            count++;
        }

        JiebaDictionary build(double[] weights, double logTotal) {
            char[] all = new char[chars.length()];
            chars.getChars(0, all.length, all, 0);
            return new JiebaDictionary(all, Arrays.copyOf(offsets, count + 1), Arrays.copyOf(weightIndex, count),
                    weights, logTotal);
        }
    }

    private static int compareSorted(StringBuilder chars, int start, int end, String line, int tab) {
        int n = Math.min(end - start, tab);
        for (int i = 0; i < n; i++) {
            int diff = chars.charAt(start + i) - line.charAt(i);
            if (diff != 0) {
                return diff;
            }
        }
        return (end - start) - tab;
    }

    private static void read(String name, java.util.function.Consumer<String> line) {
        InputStream in = JiebaDictionary.class.getResourceAsStream("jieba/" + name);
        if (in == null) {
            throw new IllegalStateException("Missing resource jieba/" + name + " beside "
                    + JiebaDictionary.class.getName());
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(new GZIPInputStream(in, 1 << 16),
                StandardCharsets.UTF_8))) {
            for (String l = reader.readLine(); l != null; l = reader.readLine()) {
                line.accept(l);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
