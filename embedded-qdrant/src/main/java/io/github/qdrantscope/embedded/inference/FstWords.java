package io.github.qdrantscope.embedded.inference;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;

/**
 * The keys of one of charabia 0.10.0's word FSTs ({@code dictionaries/fst/<script>/words.fst}), kept as the UTF-8
 * bytes of a gzip'd word list (one word a line, in the FST's order: by unsigned bytes) and searched by longest byte
 * prefix, the question {@code find_longest_prefix} of {@code src/segmenter/utils.rs} asks the FST. charabia walks
 * the FST byte by byte and answers the end of the last final state it passed; here a binary search narrows the
 * sorted words to those sharing one more byte with the text at each step, which finds the same longest key. The
 * FST's outputs are ignored by charabia's segmenter, so only the keys are kept. One byte array and one offset
 * array: about 1.5 MB for the 62,055 Thai words. Immutable once built, so shared by all threads.
 */
final class FstWords {

    private final byte[] bytes;
    /** Start of each word in {@link #bytes}; {@code starts[count]} is one past the last word's end. */
    private final int[] starts;

    private FstWords(byte[] bytes, int[] starts) {
        this.bytes = bytes;
        this.starts = starts;
    }

    /** Reads {@code <resource>} beside this class; fails unless its lines are non-empty, sorted and distinct. */
    static FstWords load(String resource) {
        byte[] text;
        try (InputStream raw = FstWords.class.getResourceAsStream(resource)) {
            if (raw == null) {
                throw new IllegalStateException("Missing resource " + resource + " beside " + FstWords.class.getName());
            }
            try (InputStream in = new GZIPInputStream(raw)) {
                text = in.readAllBytes();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int count = 0;
        for (byte b : text) {
            if (b == '\n') {
                count++;
            }
        }
        int[] starts = new int[count + 1];
        byte[] bytes = new byte[text.length - count];
        int word = 0;
        int length = 0;
        for (byte b : text) {
            if (b == '\n') {
                starts[++word] = length;
            } else {
                bytes[length++] = b;
            }
        }
        FstWords words = new FstWords(bytes, starts);
        words.checkOrder(resource);
        return words;
    }

    int size() {
        return starts.length - 1;
    }

    private void checkOrder(String resource) {
        for (int i = 0; i < size(); i++) {
            if (length(i) == 0 || i > 0 && Arrays.compareUnsigned(bytes, starts[i - 1], starts[i], bytes, starts[i],
                    starts[i + 1]) >= 0) {
                throw new IllegalStateException(resource + " is not a list of distinct words in byte order at line "
                        + (i + 1));
            }
        }
    }

    private int length(int word) {
        return starts[word + 1] - starts[word];
    }

    /**
     * The length in bytes of the longest word that is a prefix of {@code text[from, to)}, or 0 if none is. Like
     * charabia's walk, the empty word never matches.
     */
    int longestPrefix(byte[] text, int from, int to) {
        int lo = 0;
        int hi = size();
        int longest = 0;
        // invariant: the words in [lo, hi) are those starting with text[from, from + depth)
        for (int depth = 0; from + depth < to && lo < hi; depth++) {
            int b = text[from + depth] & 0xFF;
            lo = firstAtLeast(lo, hi, depth, b);
            hi = firstAtLeast(lo, hi, depth, b + 1);
            // a word equal to the prefix sorts before its extensions
            if (lo < hi && length(lo) == depth + 1) {
                longest = depth + 1;
            }
        }
        return longest;
    }

    // first word in [lo, hi) whose byte at depth is >= b; a word that ends before depth counts as -1
    private int firstAtLeast(int lo, int hi, int depth, int b) {
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            int at = length(mid) > depth ? bytes[starts[mid] + depth] & 0xFF : -1;
            if (at < b) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
