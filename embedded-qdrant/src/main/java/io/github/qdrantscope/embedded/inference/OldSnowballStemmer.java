// A hand translation of src/snowball/snowball_env.rs and src/snowball/among.rs of the crate qdrant-rust-stemmers
// 1.2.2 (MIT; Qdrant's fork of rust-stemmers, generated from the Snowball algorithms, BSD). Qdrant 1.17 stems BM25
// tokens with it (tokenizers/stemmer.rs); its French, Dutch and Finnish algorithms predate Snowball 2.0, which
// changed all three, so Lucene's Snowball 2.x classes cannot stand in for them and this runtime runs their ports.
package io.github.qdrantscope.embedded.inference;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Predicate;

/**
 * The crate's {@code SnowballEnv}: Lucene's {@code SnowballProgram} on the word's UTF-8 bytes instead of its UTF-16
 * chars. {@code cursor}, {@code limit}, {@code limitBackward}, {@code bra} and {@code ket} are byte offsets, as in
 * Rust, because the generated code compares them with numbers (Dutch {@code $p1 < 3}) and so counts bytes: an
 * {@code ç} counts two. Groupings test the code point at the cursor; literals and {@code among} compare bytes. The
 * crate's quirks are kept: {@code eq_s} ignores {@code limit} once the cursor is before it. Not thread-safe.
 */
abstract class OldSnowballStemmer {

    /** {@code Among(s, substring_i, result, method)}: {@code s} as UTF-8, as {@code find_among} compares it. */
    record Among(byte[] s, int substringI, int result, Predicate<OldSnowballStemmer> method) {
    }

    static Among among(String s, int substringI, int result) {
        return new Among(utf8(s), substringI, result, null);
    }

    static Among among(String s, int substringI, int result, Predicate<OldSnowballStemmer> method) {
        return new Among(utf8(s), substringI, result, method);
    }

    byte[] current;
    int cursor;
    int limit;
    int limitBackward;
    int bra;
    int ket;

    /** {@code Stemmer::stem}: {@code SnowballEnv::create} then the algorithm's {@code stem}. */
    final String stem(String word) {
        current = utf8(word);
        cursor = 0;
        limit = current.length;
        limitBackward = 0;
        bra = 0;
        ket = limit;
        run();
        return new String(current, StandardCharsets.UTF_8);
    }

    /** The algorithm's {@code stem(env)}. */
    abstract void run();

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    // str::is_char_boundary: 0 and len are, past len is not, else not a continuation byte
    private boolean isCharBoundary(int index) {
        if (index == 0 || index == current.length) {
            return true;
        }
        return index < current.length && (current[index] & 0xC0) != 0x80;
    }

    // self.current[at..].chars().next(), at a boundary before the end
    private int codePointAt(int at) {
        int b0 = current[at] & 0xFF;
        if (b0 < 0x80) {
            return b0;
        }
        int length = b0 >= 0xF0 ? 4 : b0 >= 0xE0 ? 3 : 2;
        int cp = b0 & (0x7F >> length);
        for (int i = 1; i < length; i++) {
            cp = cp << 6 | current[at + i] & 0x3F;
        }
        return cp;
    }

    private boolean startsWith(int at, byte[] s) {
        return at + s.length <= current.length && Arrays.equals(current, at, at + s.length, s, 0, s.length);
    }

    private int replaceS(int from, int to, byte[] s) {
        int adjustment = s.length - (to - from);
        byte[] result = new byte[current.length + adjustment];
        System.arraycopy(current, 0, result, 0, from);
        System.arraycopy(s, 0, result, from, s.length);
        System.arraycopy(current, to, result, from + s.length, current.length - to);
        limit += adjustment;
        if (cursor >= to) {
            cursor += adjustment;
        } else if (cursor > from) {
            cursor = from;
        }
        current = result;
        return adjustment;
    }

    /** {@code eq_s}: {@code s} after the cursor (checked against the end of the word, not {@code limit}). */
    final boolean eqS(String literal) {
        if (cursor >= limit) {
            return false;
        }
        byte[] s = utf8(literal);
        if (!startsWith(cursor, s)) {
            return false;
        }
        cursor += s.length;
        while (!isCharBoundary(cursor)) {
            cursor++;
        }
        return true;
    }

    final boolean eqSB(String literal) {
        return eqSB(utf8(literal));
    }

    /** {@code eq_s_b}: {@code s} before the cursor, after {@code limitBackward}. */
    final boolean eqSB(byte[] s) {
        if (cursor - limitBackward < s.length) {
            return false;
        }
        if (!isCharBoundary(cursor - s.length) || !startsWith(cursor - s.length, s)) {
            return false;
        }
        cursor -= s.length;
        return true;
    }

    final void sliceFrom(String s) {
        replaceS(bra, ket, utf8(s));
    }

    final void sliceDel() {
        sliceFrom("");
    }

    final byte[] sliceTo() {
        return Arrays.copyOfRange(current, bra, ket);
    }

    final void nextChar() {
        cursor++;
        while (!isCharBoundary(cursor)) {
            cursor++;
        }
    }

    final void previousChar() {
        cursor--;
        while (!isCharBoundary(cursor)) {
            cursor--;
        }
    }

    // a grouping: bit (cp - min) of the table, least significant bit first, for min <= cp <= max
    private static boolean inTable(int[] table, int min, int max, int cp) {
        if (cp > max || cp < min) {
            return false;
        }
        int bit = cp - min;
        return (table[bit >> 3] & 1 << (bit & 7)) != 0;
    }

    final boolean inGrouping(int[] table, int min, int max) {
        if (cursor >= limit || !inTable(table, min, max, codePointAt(cursor))) {
            return false;
        }
        nextChar();
        return true;
    }

    final boolean inGroupingB(int[] table, int min, int max) {
        if (cursor <= limitBackward) {
            return false;
        }
        previousChar();
        int cp = codePointAt(cursor);
        nextChar();
        if (!inTable(table, min, max, cp)) {
            return false;
        }
        previousChar();
        return true;
    }

    final boolean outGrouping(int[] table, int min, int max) {
        if (cursor >= limit || inTable(table, min, max, codePointAt(cursor))) {
            return false;
        }
        nextChar();
        return true;
    }

    final boolean outGroupingB(int[] table, int min, int max) {
        if (cursor <= limitBackward) {
            return false;
        }
        previousChar();
        int cp = codePointAt(cursor);
        nextChar();
        if (inTable(table, min, max, cp)) {
            return false;
        }
        previousChar();
        return true;
    }

    /** {@code find_among}: the binary search over sorted byte strings, then the fallback chain. */
    final int findAmong(Among[] amongs) {
        int i = 0;
        int j = amongs.length;
        int c = cursor;
        int l = limit;
        int commonI = 0;
        int commonJ = 0;
        boolean firstKeyInspected = false;
        while (true) {
            int k = i + ((j - i) >> 1);
            int diff = 0;
            int common = Math.min(commonI, commonJ);
            byte[] w = amongs[k].s();
            for (int lvar = common; lvar < w.length; lvar++) {
                if (c + common == l) {
                    diff = -1;
                    break;
                }
                diff = (current[c + common] & 0xFF) - (w[lvar] & 0xFF);
                if (diff != 0) {
                    break;
                }
                common++;
            }
            if (diff < 0) {
                j = k;
                commonJ = common;
            } else {
                i = k;
                commonI = common;
            }
            if (j - i <= 1) {
                if (i > 0 || j == i || firstKeyInspected) {
                    break;
                }
                firstKeyInspected = true;
            }
        }
        while (true) {
            Among w = amongs[i];
            if (commonI >= w.s().length) {
                cursor = c + w.s().length;
                if (w.method() == null) {
                    return w.result();
                }
                boolean res = w.method().test(this);
                cursor = c + w.s().length;
                if (res) {
                    return w.result();
                }
            }
            i = w.substringI();
            if (i < 0) {
                return 0;
            }
        }
    }

    /** {@code find_among_b}: as {@link #findAmong}, backwards from the cursor down to {@code limitBackward}. */
    final int findAmongB(Among[] amongs) {
        int i = 0;
        int j = amongs.length;
        int c = cursor;
        int lb = limitBackward;
        int commonI = 0;
        int commonJ = 0;
        boolean firstKeyInspected = false;
        while (true) {
            int k = i + ((j - i) >> 1);
            int diff = 0;
            int common = Math.min(commonI, commonJ);
            byte[] w = amongs[k].s();
            for (int lvar = w.length - common - 1; lvar >= 0; lvar--) {
                if (c - common == lb) {
                    diff = -1;
                    break;
                }
                diff = (current[c - common - 1] & 0xFF) - (w[lvar] & 0xFF);
                if (diff != 0) {
                    break;
                }
                common++;
            }
            if (diff < 0) {
                j = k;
                commonJ = common;
            } else {
                i = k;
                commonI = common;
            }
            if (j - i <= 1) {
                if (i > 0 || j == i || firstKeyInspected) {
                    break;
                }
                firstKeyInspected = true;
            }
        }
        while (true) {
            Among w = amongs[i];
            if (commonI >= w.s().length) {
                cursor = c - w.s().length;
                if (w.method() == null) {
                    return w.result();
                }
                boolean res = w.method().test(this);
                cursor = c - w.s().length;
                if (res) {
                    return w.result();
                }
            }
            i = w.substringI();
            if (i < 0) {
                return 0;
            }
        }
    }
}
