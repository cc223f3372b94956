// A hand translation of r_residual_suffix, r_un_double and r_un_accent in src/snowball/algorithms/french.rs of the
// crate qdrant-rust-stemmers 1.2.2 (MIT; generated from the pre-2.0 french.sbl, BSD), which Qdrant 1.17 stems BM25
// tokens with (tokenizers/stemmer.rs); Snowball 2.0 changed the French algorithm. Split from OldFrenchStemmer.
package io.github.qdrantscope.embedded.inference;

import static io.github.qdrantscope.embedded.inference.OldSnowballStemmer.among;

import io.github.qdrantscope.embedded.inference.OldSnowballStemmer.Among;

/**
 * The old French {@code residual_suffix}, {@code un_double} and {@code un_accent} (lines 198-217 of the Snowball
 * source), the steps after the standard and verb suffixes.
 */
final class OldFrenchResidualSuffix {

    private static final Among[] A_7 = {
        among("e", -1, 3), among("Ière", 0, 2), among("ière", 0, 2), among("ion", -1, 1), among("Ier", -1, 2),
        among("ier", -1, 2), among("ë", -1, 4)};

    private static final Among[] A_8 = {
        among("ell", -1, -1), among("eill", -1, -1), among("enn", -1, -1), among("onn", -1, -1),
        among("ett", -1, -1)};

    private static final int[] G_KEEP_WITH_S = {1, 65, 20, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 128};

    private OldFrenchResidualSuffix() {
    }

    // line 198
    static boolean residualSuffix(OldFrenchStemmer env) {
        int v1 = env.limit - env.cursor;
        env.ket = env.cursor;
        if (env.eqSB("s")) {
            env.bra = env.cursor;
            int v2 = env.limit - env.cursor;
            if (env.outGroupingB(G_KEEP_WITH_S, 97, 232)) {
                env.cursor = env.limit - v2;
                env.sliceDel();
            } else {
                env.cursor = env.limit - v1;
            }
        } else {
            env.cursor = env.limit - v1;
        }
        int v3 = env.limit - env.cursor;
        if (env.cursor < env.pV) {
            return false;
        }
        env.cursor = env.pV;
        int v4 = env.limitBackward;
        env.limitBackward = env.cursor;
        env.cursor = env.limit - v3;
        env.ket = env.cursor;
        int amongVar = env.findAmongB(A_7);
        if (amongVar == 0) {
            env.limitBackward = v4;
            return false;
        }
        env.bra = env.cursor;
        if (amongVar == 1) {
            if (!env.rR2()) {
                env.limitBackward = v4;
                return false;
            }
            int v5 = env.limit - env.cursor;
            if (!env.eqSB("s")) {
                env.cursor = env.limit - v5;
                if (!env.eqSB("t")) {
                    env.limitBackward = v4;
                    return false;
                }
            }
            env.sliceDel();
        } else if (amongVar == 2) {
            env.sliceFrom("i");
        } else if (amongVar == 3) {
            env.sliceDel();
        } else if (amongVar == 4) {
            if (!env.eqSB("gu")) {
                env.limitBackward = v4;
                return false;
            }
            env.sliceDel();
        }
        env.limitBackward = v4;
        return true;
    }

    // line 211
    static boolean unDouble(OldFrenchStemmer env) {
        int v1 = env.limit - env.cursor;
        if (env.findAmongB(A_8) == 0) {
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

    // line 215: atleast 1 non-v, then [é or è] <- 'e'
    static boolean unAccent(OldFrenchStemmer env) {
        int count = 1;
        while (env.outGroupingB(OldFrenchStemmer.G_V, 97, 251)) {
            count--;
        }
        if (count > 0) {
            return false;
        }
        env.ket = env.cursor;
        int v3 = env.limit - env.cursor;
        if (!env.eqSB("é")) {
            env.cursor = env.limit - v3;
            if (!env.eqSB("è")) {
                return false;
            }
        }
        env.bra = env.cursor;
        env.sliceFrom("e");
        return true;
    }
}
