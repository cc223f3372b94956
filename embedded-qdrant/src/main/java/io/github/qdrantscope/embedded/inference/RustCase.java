package io.github.qdrantscope.embedded.inference;

import java.util.Locale;

/**
 * Rust's {@code str::to_lowercase}: Java's root-locale lowercasing, except for capital sigma, which Rust makes
 * final ({@code ς}) when a cased letter precedes it and none follows, skipping case-ignorable characters on both
 * sides ({@code map_uppercase_sigma} in {@code alloc/src/str.rs}); Java decides by word boundaries instead.
 */
final class RustCase {

    private static final char SIGMA = '\u03A3';
    /** Word_Break MidLetter, MidNumLet and Single_Quote: case-ignorable whatever their category. */
    private static final String MID_LETTERS = "'.:\u00B7\u0387\u055F\u05F4\u2018\u2019\u2024\u2027\uFE13\uFE52\uFE55"
            + "\uFF07\uFF0E\uFF1A";

    private RustCase() {
    }

    static String lowercase(String text) {
        int sigma = text.indexOf(SIGMA);
        if (sigma < 0) {
            return text.toLowerCase(Locale.ROOT);
        }
        StringBuilder out = new StringBuilder(text.length());
        int start = 0;
        while (sigma >= 0) {
            out.append(text.substring(start, sigma).toLowerCase(Locale.ROOT));
            boolean casedBefore = casedBefore(text, sigma);
            boolean casedAfter = casedAfter(text, sigma + 1);
            out.append(casedBefore && !casedAfter ? '\u03C2' : '\u03C3');
            start = sigma + 1;
            sigma = text.indexOf(SIGMA, start);
        }
        return out.append(text.substring(start).toLowerCase(Locale.ROOT)).toString();
    }

    private static boolean casedBefore(String text, int end) {
        for (int i = end; i > 0; ) {
            int cp = text.codePointBefore(i);
            if (!caseIgnorable(cp)) {
                return cased(cp);
            }
            i -= Character.charCount(cp);
        }
        return false;
    }

    private static boolean casedAfter(String text, int start) {
        for (int i = start; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (!caseIgnorable(cp)) {
                return cased(cp);
            }
            i += Character.charCount(cp);
        }
        return false;
    }

    private static boolean cased(int cp) {
        return Character.isLowerCase(cp) || Character.isUpperCase(cp) || Character.isTitleCase(cp);
    }

    private static boolean caseIgnorable(int cp) {
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.FORMAT
                || type == Character.MODIFIER_LETTER || type == Character.MODIFIER_SYMBOL
                || cp < 0x10000 && MID_LETTERS.indexOf(cp) >= 0;
    }
}
