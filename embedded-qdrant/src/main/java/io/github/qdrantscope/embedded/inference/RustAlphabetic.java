package io.github.qdrantscope.embedded.inference;

/**
 * Rust's {@code char::is_alphabetic} (the Alphabetic derived property) for the code points Java 17 assigns:
 * Java's {@link Character#isAlphabetic} (Unicode 13) plus the 38 combining letters Unicode 14 made
 * Other_Alphabetic. Measured over every code point against rustc 1.95's std (see docs/embedded-qdrant.md,
 * "Inference"); no other assigned code point differs, nor does uppercase, lowercase, control or NFKD.
 */
final class RustAlphabetic {

    private static final int[][] SINCE_UNICODE_14 = {
        {0x0363, 0x036F}, {0x0C04, 0x0C04}, {0x0F82, 0x0F83}, {0x1DD3, 0x1DE6}, {0x11080, 0x11081},
    };

    private RustAlphabetic() {
    }

    static boolean isAlphabetic(int cp) {
        if (Character.isAlphabetic(cp)) {
            return true;
        }
        for (int[] range : SINCE_UNICODE_14) {
            if (cp >= range[0] && cp <= range[1]) {
                return true;
            }
        }
        return false;
    }

    /** The count of code points the patch adds, pinned by a test. */
    static int patched() {
        int count = 0;
        for (int[] range : SINCE_UNICODE_14) {
            count += range[1] - range[0] + 1;
        }
        return count;
    }
}
