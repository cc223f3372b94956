package io.github.qdrantscope.embedded.inference;

/**
 * The scripts of charabia 0.10.0 that decide how the multilingual tokenizer segments and normalizes a run of text:
 * {@code Script::from(char)} ({@code src/detection/script_language.rs}) over the ranges of
 * {@code src/detection/chars.rs}, a copy of whatlang 0.18.0's {@code scripts/chars.rs} plus {@code is_persian}
 * (inside the Arabic ranges). Armenian is absent from {@link #of}, as from charabia's {@code Script::from(char)}:
 * only whatlang's vote over a run ({@link MultilingualTokenizer}) gives it.
 */
enum CharabiaScript {
    LATIN, CYRILLIC, ARABIC, DEVANAGARI, HEBREW, ETHIOPIC, GEORGIAN, BENGALI, HANGUL, CJ, GREEK, KANNADA, TAMIL,
    THAI, GUJARATI, GURMUKHI, TELUGU, MALAYALAM, ORIYA, MYANMAR, SINHALA, KHMER, OTHER, ARMENIAN;

    // charabia's order of tests, each script's ranges inclusive, as chars.rs lists them
    private static final int[][] RANGES = {
        {'a', 'z', 'A', 'Z', 0x80, 0xFF, 0x100, 0x17F, 0x180, 0x24F, 0x250, 0x2AF, 0x1D00, 0x1D7F, 0x1D80, 0x1DBF,
            0x1E00, 0x1EFF, 0x2100, 0x214F, 0x2C60, 0x2C7F, 0xA720, 0xA7FF, 0xAB30, 0xAB6F},
        {0x400, 0x484, 0x487, 0x52F, 0x2DE0, 0x2DFF, 0xA640, 0xA69D, 0x1D2B, 0x1D2B, 0x1D78, 0x1D78, 0xA69F, 0xA69F},
        {0x600, 0x6FF, 0x750, 0x7FF, 0x8A0, 0x8FF, 0xFB50, 0xFDFF, 0xFE70, 0xFEFF, 0x10E60, 0x10E7F, 0x1EE00,
            0x1EEFF},
        {0x900, 0x97F, 0xA8E0, 0xA8FF, 0x1CD0, 0x1CFF},
        {0x590, 0x5FF},
        {0x1200, 0x139F, 0x2D80, 0x2DDF, 0xAB00, 0xAB2F},
        {0x10A0, 0x10FF},
        {0x980, 0x9FF},
        {0xAC00, 0xD7AF, 0x1100, 0x11FF, 0x3130, 0x318F, 0x3200, 0x32FF, 0xA960, 0xA97F, 0xD7B0, 0xD7FF, 0xFF00,
            0xFFEF},
        // hiragana, katakana, then whatlang's "mandarin"
        {0x3040, 0x309F, 0x30A0, 0x30FF, 0x2E80, 0x2E99, 0x2E9B, 0x2EF3, 0x2F00, 0x2FD5, 0x3005, 0x3005, 0x3007,
            0x3007, 0x3021, 0x3029, 0x3038, 0x303B, 0x3400, 0x4DB5, 0x4E00, 0x9FCC, 0xF900, 0xFA6D, 0xFA70, 0xFAD9},
        {0x370, 0x3FF},
        {0xC80, 0xCFF},
        {0xB80, 0xBFF},
        {0xE00, 0xE7F},
        {0xA80, 0xAFF},
        {0xA00, 0xA7F},
        {0xC00, 0xC7F},
        {0xD00, 0xD7F},
        {0xB00, 0xB7F},
        {0x1000, 0x109F},
        {0xD80, 0xDFF},
        {0x1780, 0x17FF, 0x19E0, 0x19FF},
    };
    private static final CharabiaScript[] VALUES = values();

    static CharabiaScript of(int cp) {
        for (int script = 0; script < RANGES.length; script++) {
            int[] ranges = RANGES[script];
            for (int i = 0; i < ranges.length; i += 2) {
                if (cp >= ranges[i] && cp <= ranges[i + 1]) {
                    return VALUES[script];
                }
            }
        }
        return OTHER;
    }

    /** whatlang 0.18.0's {@code is_armenian}: a script whatlang detects and charabia does not split runs by. */
    static boolean isArmenian(int cp) {
        return cp >= 0x530 && cp <= 0x58F || cp >= 0xFB13 && cp <= 0xFB17;
    }
}
