// A hand translation of r_standard_suffix (with r_undouble, r_e_ending and r_en_ending) in
// src/snowball/algorithms/dutch.rs of the crate qdrant-rust-stemmers 1.2.2 (MIT; generated from the pre-2.0
// dutch.sbl, BSD), which Qdrant 1.17 stems BM25 tokens with (tokenizers/stemmer.rs); Snowball 2.0 changed the Dutch
// algorithm. Split from OldDutchStemmer for its size.
package io.github.qdrantscope.embedded.inference;

import static io.github.qdrantscope.embedded.inference.OldSnowballStemmer.among;

import io.github.qdrantscope.embedded.inference.OldSnowballStemmer.Among;

/** The old Dutch {@code standard_suffix} (lines 90-152 of the Snowball source): the backward pass. */
final class OldDutchStandardSuffix {

    private static final Among[] A_2 = {among("dd", -1, -1), among("kk", -1, -1), among("tt", -1, -1)};

    private static final Among[] A_3 = {
        among("ene", -1, 2), among("se", -1, 3), among("en", -1, 2), among("heden", 2, 1), among("s", -1, 3)};

    private static final Among[] A_4 = {
        among("end", -1, 1), among("ig", -1, 2), among("ing", -1, 1), among("lijk", -1, 3), among("baar", -1, 4),
        among("bar", -1, 5)};

    private static final Among[] A_5 = {among("aa", -1, -1), among("ee", -1, -1), among("oo", -1, -1),
        among("uu", -1, -1)};

    /** Vowels and I (73 to 232). */
    private static final int[] G_V_I = {1, 0, 0, 17, 65, 16, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 128};

    /** Vowels and j (97 to 232). */
    private static final int[] G_V_J = {17, 67, 16, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 128};

    private OldDutchStandardSuffix() {
    }

    // line 90
    private static boolean undouble(OldDutchStemmer env) {
        int v1 = env.limit - env.cursor;
        if (env.findAmongB(A_2) == 0) {
            return false;
        }
        env.cursor = env.limit - v1;
        env.ket = env.cursor;
        if (env.cursor <= env.limitBackward) {
            return false;
        }
        env.previousChar();
        env.bra = env.cursor;
        env.sliceDel();
        return true;
    }

    // line 94
    private static boolean eEnding(OldDutchStemmer env) {
        env.eFound = false;
        env.ket = env.cursor;
        if (!env.eqSB("e")) {
            return false;
        }
        env.bra = env.cursor;
        if (!env.rR1()) {
            return false;
        }
        int v1 = env.limit - env.cursor;
        if (!env.outGroupingB(OldDutchStemmer.G_V, 97, 232)) {
            return false;
        }
        env.cursor = env.limit - v1;
        env.sliceDel();
        env.eFound = true;
        return undouble(env);
    }

    // line 101
    private static boolean enEnding(OldDutchStemmer env) {
        if (!env.rR1()) {
            return false;
        }
        int v1 = env.limit - env.cursor;
        if (!env.outGroupingB(OldDutchStemmer.G_V, 97, 232)) {
            return false;
        }
        env.cursor = env.limit - v1;
        int v2 = env.limit - env.cursor;
        if (env.eqSB("gem")) {
            return false;
        }
        env.cursor = env.limit - v2;
        env.sliceDel();
        return undouble(env);
    }

    // line 106
    static void apply(OldDutchStemmer env) {
        int v1 = env.limit - env.cursor;
        env.ket = env.cursor;
        int amongVar = env.findAmongB(A_3);
        if (amongVar != 0) {
            env.bra = env.cursor;
            if (amongVar == 1) {
                if (env.rR1()) {
                    env.sliceFrom("heid");
                }
            } else if (amongVar == 2) {
                enEnding(env);
            } else if (amongVar == 3) {
                if (env.rR1() && env.outGroupingB(G_V_J, 97, 232)) {
                    env.sliceDel();
                }
            }
        }
        env.cursor = env.limit - v1;
        int v2 = env.limit - env.cursor;
        eEnding(env);
        env.cursor = env.limit - v2;
        int v3 = env.limit - env.cursor;
        heid(env);
        env.cursor = env.limit - v3;
        int v5 = env.limit - env.cursor;
        derivational(env);
        env.cursor = env.limit - v5;
        int v9 = env.limit - env.cursor;
        undoubleVowel(env);
        env.cursor = env.limit - v9;
    }

    // line 122: [ 'heid' ] R2 not 'c' delete [ 'en' ] en_ending
    private static void heid(OldDutchStemmer env) {
        env.ket = env.cursor;
        if (!env.eqSB("heid")) {
            return;
        }
        env.bra = env.cursor;
        if (!env.rR2()) {
            return;
        }
        int v4 = env.limit - env.cursor;
        if (env.eqSB("c")) {
            return;
        }
        env.cursor = env.limit - v4;
        env.sliceDel();
        env.ket = env.cursor;
        if (!env.eqSB("en")) {
            return;
        }
        env.bra = env.cursor;
        enEnding(env);
    }

    // line 126
    private static void derivational(OldDutchStemmer env) {
        env.ket = env.cursor;
        int amongVar = env.findAmongB(A_4);
        if (amongVar == 0) {
            return;
        }
        env.bra = env.cursor;
        if (!env.rR2()) {
            return;
        }
        switch (amongVar) {
            case 1 -> {
                env.sliceDel();
                int v6 = env.limit - env.cursor;
                env.ket = env.cursor;
                if (env.eqSB("ig")) {
                    env.bra = env.cursor;
                    if (env.rR2()) {
                        int v7 = env.limit - env.cursor;
                        if (!env.eqSB("e")) {
                            env.cursor = env.limit - v7;
                            env.sliceDel();
                            return;
                        }
                    }
                }
                env.cursor = env.limit - v6;
                undouble(env);
            }
            case 2 -> {
                int v8 = env.limit - env.cursor;
                if (env.eqSB("e")) {
                    return;
                }
                env.cursor = env.limit - v8;
                env.sliceDel();
            }
            case 3 -> {
                env.sliceDel();
                eEnding(env);
            }
            case 4 -> env.sliceDel();
            case 5 -> {
                if (env.eFound) {
                    env.sliceDel();
                }
            }
            default -> { }
        }
    }

    // line 146: non-v_I, test ( among(aa ee oo uu) non-v ), [ next ] delete
    private static void undoubleVowel(OldDutchStemmer env) {
        if (!env.outGroupingB(G_V_I, 73, 232)) {
            return;
        }
        int v10 = env.limit - env.cursor;
        if (env.findAmongB(A_5) == 0 || !env.outGroupingB(OldDutchStemmer.G_V, 97, 232)) {
            return;
        }
        env.cursor = env.limit - v10;
        env.ket = env.cursor;
        if (env.cursor <= env.limitBackward) {
            return;
        }
        env.previousChar();
        env.bra = env.cursor;
        env.sliceDel();
    }
}
