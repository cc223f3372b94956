// A hand translation of r_other_endings, r_i_plural, r_t_plural and r_tidy in src/snowball/algorithms/finnish.rs of
// the crate qdrant-rust-stemmers 1.2.2 (MIT; generated from the pre-2.0 finnish.sbl, BSD), which Qdrant 1.17 stems
// BM25 tokens with (tokenizers/stemmer.rs); Snowball 2.0 changed the Finnish algorithm. Split from OldFinnishStemmer.
package io.github.qdrantscope.embedded.inference;

import static io.github.qdrantscope.embedded.inference.OldSnowballStemmer.among;

import io.github.qdrantscope.embedded.inference.OldSnowballStemmer.Among;

/**
 * The old Finnish {@code other_endings}, {@code i_plural}, {@code t_plural} and {@code tidy} (lines 140-178 of the
 * Snowball source). {@code tidy} ends by undoubling the last non-vowel, any non-vowel: a digit, a mark, a letter of
 * another script, where Snowball 2.0 undoubles consonants only.
 */
final class OldFinnishOtherEndings {

    private static final Among[] A_7 = {
        among("eja", -1, -1), among("mma", -1, 1), among("imma", 1, -1), among("mpa", -1, 1), among("impa", 3, -1),
        among("mmi", -1, 1), among("immi", 5, -1), among("mpi", -1, 1), among("impi", 7, -1), among("ejä", -1, -1),
        among("mmä", -1, 1), among("immä", 10, -1), among("mpä", -1, 1), among("impä", 12, -1)};

    private static final Among[] A_8 = {among("i", -1, -1), among("j", -1, -1)};

    private static final Among[] A_9 = {among("mma", -1, 1), among("imma", 0, -1)};

    /** a e i ä (97 to 228). */
    private static final int[] G_AEI = {17, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 8};

    private OldFinnishOtherEndings() {
    }

    // line 140
    static boolean otherEndings(OldFinnishStemmer env) {
        int amongVar = env.suffixAfter(env.p2, A_7);
        if (amongVar == 0) {
            return false;
        }
        if (amongVar == 1) {
            int v3 = env.limit - env.cursor;
            if (env.eqSB("po")) {
                return false;
            }
            env.cursor = env.limit - v3;
        }
        env.sliceDel();
        return true;
    }

    // line 152
    static boolean iPlural(OldFinnishStemmer env) {
        if (env.suffixAfter(env.p1, A_8) == 0) {
            return false;
        }
        env.sliceDel();
        return true;
    }

    // line 159
    static boolean tPlural(OldFinnishStemmer env) {
        int v1 = env.limit - env.cursor;
        if (env.cursor < env.p1) {
            return false;
        }
        env.cursor = env.p1;
        int v2 = env.limitBackward;
        env.limitBackward = env.cursor;
        env.cursor = env.limit - v1;
        env.ket = env.cursor;
        if (!env.eqSB("t")) {
            env.limitBackward = v2;
            return false;
        }
        env.bra = env.cursor;
        int v3 = env.limit - env.cursor;
        if (!env.inGroupingB(OldFinnishStemmer.G_V1, 97, 246)) {
            env.limitBackward = v2;
            return false;
        }
        env.cursor = env.limit - v3;
        env.sliceDel();
        env.limitBackward = v2;
        int amongVar = env.suffixAfter(env.p2, A_9);
        if (amongVar == 0) {
            return false;
        }
        if (amongVar == 1) {
            int v6 = env.limit - env.cursor;
            if (env.eqSB("po")) {
                return false;
            }
            env.cursor = env.limit - v6;
        }
        env.sliceDel();
        return true;
    }

    // line 171
    static boolean tidy(OldFinnishStemmer env) {
        int v1 = env.limit - env.cursor;
        if (env.cursor < env.p1) {
            return false;
        }
        env.cursor = env.p1;
        int v2 = env.limitBackward;
        env.limitBackward = env.cursor;
        env.cursor = env.limit - v1;
        int v3 = env.limit - env.cursor; // do ( LONG and ( [ next ] delete ) )
        if (OldFinnishStemmer.rLong(env)) {
            env.cursor = env.limit - v3;
            env.ket = env.cursor;
            if (env.cursor > env.limitBackward) {
                env.previousChar();
                env.bra = env.cursor;
                env.sliceDel();
            }
        }
        env.cursor = env.limit - v3;
        int v5 = env.limit - env.cursor; // do ( [ AEI ] C delete )
        env.ket = env.cursor;
        if (env.inGroupingB(G_AEI, 97, 228)) {
            env.bra = env.cursor;
            if (env.outGroupingB(OldFinnishStemmer.G_V1, 97, 246)) {
                env.sliceDel();
            }
        }
        env.cursor = env.limit - v5;
        int v6 = env.limit - env.cursor; // do ( [ 'j' ] 'o' or 'u' delete )
        env.ket = env.cursor;
        if (env.eqSB("j")) {
            env.bra = env.cursor;
            int v7 = env.limit - env.cursor;
            boolean oOrU = env.eqSB("o");
            if (!oOrU) {
                env.cursor = env.limit - v7;
                oOrU = env.eqSB("u");
            }
            if (oOrU) {
                env.sliceDel();
            }
        }
        env.cursor = env.limit - v6;
        int v8 = env.limit - env.cursor; // do ( [ 'o' ] 'j' delete )
        env.ket = env.cursor;
        if (env.eqSB("o")) {
            env.bra = env.cursor;
            if (env.eqSB("j")) {
                env.sliceDel();
            }
        }
        env.cursor = env.limit - v8;
        env.limitBackward = v2;
        return undoubleConsonant(env);
    }

    // line 178: goto non-v1 [ next ] -> x x delete
    private static boolean undoubleConsonant(OldFinnishStemmer env) {
        while (true) {
            int v9 = env.limit - env.cursor;
            if (env.outGroupingB(OldFinnishStemmer.G_V1, 97, 246)) {
                env.cursor = env.limit - v9;
                break;
            }
            env.cursor = env.limit - v9;
            if (env.cursor <= env.limitBackward) {
                return false;
            }
            env.previousChar();
        }
        env.ket = env.cursor;
        if (env.cursor <= env.limitBackward) {
            return false;
        }
        env.previousChar();
        env.bra = env.cursor;
        byte[] x = env.sliceTo();
        if (x.length == 0 || !env.eqSB(x)) {
            return false;
        }
        env.sliceDel();
        return true;
    }
}
