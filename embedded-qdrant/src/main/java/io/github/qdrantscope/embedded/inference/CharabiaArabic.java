package io.github.qdrantscope.embedded.inference;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * charabia 0.10.0's Arabic-script specifics: the {@code ArabicSegmenter} that {@code SEGMENTERS}
 * ({@code src/segmenter/mod.rs}) gives an Arabic run whose detected language is Ara or Pes, and the Persian and
 * Arabic normalizers ({@code src/normalizer/persian.rs}, {@code arabic.rs}), each a per-character mapping.
 */
final class CharabiaArabic {

    /** The two-letter prefixes of {@code src/segmenter/arabic.rs}: alef (plain, hamza above/below, madda, wasla) + lam. */
    private static final String[] PREFIXES = {"\u0627\u0644", "\u0623\u0644", "\u0625\u0644", "\u0622\u0644",
        "\u0671\u0644"};

    private CharabiaArabic() {
    }

    /**
     * {@code ArabicSegmenter::segment_str}: a piece longer than 4 UTF-8 bytes that starts with one of the
     * prefixes is cut after its 4th byte, the prefix's two 2-byte letters; any other piece is kept whole. The
     * length is the piece's own, before any normalization (so a prefix alone, or spelled with a decomposed hamza
     * or a presentation form, is not cut).
     */
    static List<String> segment(String piece) {
        if (piece.getBytes(StandardCharsets.UTF_8).length > 4 && startsWithPrefix(piece)) {
            return List.of(piece.substring(0, 2), piece.substring(2));
        }
        return List.of(piece);
    }

    private static boolean startsWithPrefix(String piece) {
        for (String prefix : PREFIXES) {
            if (piece.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@code PersianNormalizer}, which charabia applies to a token of an Arabic run detected as Pes, right after
     * the control-character normalizer (so after compatibility decomposition, which has already turned U+06C0 into
     * U+06D5 U+0654 and U+FDFC into four letters, leaving their mappings here without effect on such a token): the
     * Yeh variants to Farsi Yeh, Arabic Kaf to Keheh, Extended Arabic-Indic digits to ASCII, Arabic comma and
     * question mark to ASCII, ZWNJ removed.
     */
    static String persian(String lemma) {
        StringBuilder out = new StringBuilder(lemma.length());
        lemma.codePoints().forEach(cp -> {
            switch (cp) {
                case 0x064A, 0x06CC, 0x0649, 0x06C0 -> out.append('\u06CC');
                case 0x0643, 0x06A9 -> out.append('\u06A9');
                case 0x060C -> out.append(',');
                case 0x061F -> out.append('?');
                case 0xFDFC -> out.append("RIAL");
                case 0x200C -> {
                }
                default -> {
                    if (cp >= 0x06F0 && cp <= 0x06F9) {
                        out.append((char) ('0' + cp - 0x06F0));
                    } else {
                        out.appendCodePoint(cp);
                    }
                }
            }
        });
        return out.toString();
    }

    /**
     * {@code ArabicNormalizer}, which charabia applies to every token of an Arabic run whatever its language,
     * after the Greek normalizer and before the nonspacing-mark one: tatweel removed, the alef variants to alef
     * (those with a hamza or madda are decomposed by then, but not alef wasla), alef maksura to yeh, teh marbuta
     * to heh.
     */
    static String arabic(String lemma) {
        StringBuilder out = new StringBuilder(lemma.length());
        lemma.codePoints().forEach(cp -> {
            switch (cp) {
                case 0x0640 -> {
                }
                case 0x0623, 0x0625, 0x0622, 0x0671 -> out.append('\u0627');
                case 0x0649 -> out.append('\u064A');
                case 0x0629 -> out.append('\u0647');
                default -> out.appendCodePoint(cp);
            }
        });
        return out.toString();
    }
}
