package io.github.qdrantscope.embedded.inference;

import java.util.ArrayList;
import java.util.List;

/**
 * charabia 0.10.0's {@code FstSegmenter} ({@code src/segmenter/utils.rs}) with the
 * {@code BufferingStrategy::UntilNextMatch} it is built with: at each position the longest dictionary word that
 * prefixes the rest of the text, looked up over its UTF-8 bytes ({@link FstWords}), is a segment; where no word
 * matches, characters are buffered one at a time and the buffer is a segment once it holds {@code maxCharCount}
 * characters, before the next match, or at the end of the text.
 */
final class FstSegmenter {

    private final FstWords words;
    /** The buffer's size in characters; 0 buffers until the next match (charabia's {@code None}). */
    private final int maxCharCount;

    FstSegmenter(FstWords words, int maxCharCount) {
        this.words = words;
        this.maxCharCount = maxCharCount;
    }

    List<String> segment(String text) {
        int count = text.codePointCount(0, text.length());
        // the UTF-16 and UTF-8 offset of each code point, and one past the end
        int[] charAt = new int[count + 1];
        int[] byteAt = new int[count + 1];
        for (int i = 0, c = 0, b = 0; c < count; c++) {
            charAt[c] = i;
            byteAt[c] = b;
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            b += utf8Length(cp);
            charAt[c + 1] = i;
            byteAt[c + 1] = b;
        }
        byte[] utf8 = utf8(text, byteAt[count]);
        List<String> segments = new ArrayList<>();
        int at = 0;
        int bufferHead = -1;
        while (at < count) {
            int match = words.longestPrefix(utf8, byteAt[at], utf8.length);
            if (match > 0) {
                if (bufferHead >= 0) {
                    // the buffer goes out first; the same match is looked up again on the next turn
                    segments.add(text.substring(charAt[bufferHead], charAt[at]));
                    bufferHead = -1;
                    continue;
                }
                // utils.rs's floor_char_boundary: the cut moves to the first character boundary at or after the
                // match's byte length (the Thai words are whole UTF-8 characters, so it is one already)
                int end = at + 1;
                while (byteAt[end] < byteAt[at] + match) {
                    end++;
                }
                segments.add(text.substring(charAt[at], charAt[end]));
                at = end;
            } else {
                if (bufferHead < 0) {
                    bufferHead = at;
                }
                at++;
                if (maxCharCount > 0 && at - bufferHead >= maxCharCount) {
                    segments.add(text.substring(charAt[bufferHead], charAt[at]));
                    bufferHead = -1;
                }
            }
        }
        if (bufferHead >= 0) {
            segments.add(text.substring(charAt[bufferHead], charAt[count]));
        }
        return segments;
    }

    private static int utf8Length(int cp) {
        return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    }

    // a lone surrogate (never in a Rust str) is encoded as its code point, so it matches no word, as the
    // replacement character a gRPC string would carry instead would not either
    private static byte[] utf8(String text, int length) {
        byte[] out = new byte[length];
        int b = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (cp < 0x80) {
                out[b++] = (byte) cp;
            } else if (cp < 0x800) {
                out[b++] = (byte) (0xC0 | cp >> 6);
                out[b++] = (byte) (0x80 | cp & 0x3F);
            } else if (cp < 0x10000) {
                out[b++] = (byte) (0xE0 | cp >> 12);
                out[b++] = (byte) (0x80 | cp >> 6 & 0x3F);
                out[b++] = (byte) (0x80 | cp & 0x3F);
            } else {
                out[b++] = (byte) (0xF0 | cp >> 18);
                out[b++] = (byte) (0x80 | cp >> 12 & 0x3F);
                out[b++] = (byte) (0x80 | cp >> 6 & 0x3F);
                out[b++] = (byte) (0x80 | cp & 0x3F);
            }
        }
        return out;
    }
}
