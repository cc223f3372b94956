package io.github.qdrantscope.embedded.inference;

/**
 * Rust's {@code str::to_lowercase}: each character's lowercase ({@link RustUnicode#lowercase}), except for capital
 * sigma, which Rust makes final ({@code ς}) when a cased letter precedes it and none follows, skipping
 * case-ignorable characters on both sides ({@code map_uppercase_sigma} in {@code alloc/src/str.rs}); Java decides
 * by word boundaries instead.
 */
final class RustCase {

    private static final char SIGMA = '\u03A3';

    private RustCase() {
    }

    static String lowercase(String text) {
        int sigma = text.indexOf(SIGMA);
        if (sigma < 0) {
            return RustUnicode.lowercase(text);
        }
        StringBuilder out = new StringBuilder(text.length());
        int start = 0;
        while (sigma >= 0) {
            out.append(RustUnicode.lowercase(text.substring(start, sigma)));
            boolean casedBefore = casedBefore(text, sigma);
            boolean casedAfter = casedAfter(text, sigma + 1);
            out.append(casedBefore && !casedAfter ? '\u03C2' : '\u03C3');
            start = sigma + 1;
            sigma = text.indexOf(SIGMA, start);
        }
        return out.append(RustUnicode.lowercase(text.substring(start))).toString();
    }

    private static boolean casedBefore(String text, int end) {
        for (int i = end; i > 0; ) {
            int cp = text.codePointBefore(i);
            RustUnicode.CaseContext context = RustUnicode.caseContext(cp);
            if (context != RustUnicode.CaseContext.IGNORABLE) {
                return context == RustUnicode.CaseContext.CASED;
            }
            i -= Character.charCount(cp);
        }
        return false;
    }

    private static boolean casedAfter(String text, int start) {
        for (int i = start; i < text.length(); ) {
            int cp = text.codePointAt(i);
            RustUnicode.CaseContext context = RustUnicode.caseContext(cp);
            if (context != RustUnicode.CaseContext.IGNORABLE) {
                return context == RustUnicode.CaseContext.CASED;
            }
            i += Character.charCount(cp);
        }
        return false;
    }
}
