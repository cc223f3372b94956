// A hand translation of r_standard_suffix in src/snowball/algorithms/french.rs of the crate qdrant-rust-stemmers
// 1.2.2 (MIT; generated from the pre-2.0 french.sbl, BSD), which Qdrant 1.17 stems BM25 tokens with
// (tokenizers/stemmer.rs); Snowball 2.0 changed the French algorithm. Split from OldFrenchStemmer for its size.
package io.github.qdrantscope.embedded.inference;

import static io.github.qdrantscope.embedded.inference.OldSnowballStemmer.among;

import io.github.qdrantscope.embedded.inference.OldSnowballStemmer.Among;

/**
 * The old French {@code standard_suffix} (lines 91-158 of the Snowball source). As in the generated code, the
 * {@code fail} branches (13, 14, 15) change the word before failing, and the change stays.
 */
final class OldFrenchStandardSuffix {

    private static final Among[] A_2 = {
        among("iqU", -1, 3), among("abl", -1, 3), among("Ièr", -1, 4), among("ièr", -1, 4), among("eus", -1, 2),
        among("iv", -1, 1)};

    private static final Among[] A_3 = {
        among("ic", -1, 2), among("abil", -1, 1), among("iv", -1, 3)};

    private static final Among[] A_4 = {
        among("iqUe", -1, 1), among("atrice", -1, 2), among("ance", -1, 1), among("ence", -1, 5),
        among("logie", -1, 3), among("able", -1, 1), among("isme", -1, 1), among("euse", -1, 11),
        among("iste", -1, 1), among("ive", -1, 8), among("if", -1, 8), among("usion", -1, 4), among("ation", -1, 2),
        among("ution", -1, 4), among("ateur", -1, 2), among("iqUes", -1, 1), among("atrices", -1, 2),
        among("ances", -1, 1), among("ences", -1, 5), among("logies", -1, 3), among("ables", -1, 1),
        among("ismes", -1, 1), among("euses", -1, 11), among("istes", -1, 1), among("ives", -1, 8),
        among("ifs", -1, 8), among("usions", -1, 4), among("ations", -1, 2), among("utions", -1, 4),
        among("ateurs", -1, 2), among("ments", -1, 15), among("ements", 30, 6), among("issements", 31, 12),
        among("ités", -1, 7), among("ment", -1, 15), among("ement", 34, 6), among("issement", 35, 12),
        among("amment", 34, 13), among("emment", 34, 14), among("aux", -1, 10), among("eaux", 39, 9),
        among("eux", -1, 1), among("ité", -1, 7)};

    private OldFrenchStandardSuffix() {
    }

    static boolean apply(OldFrenchStemmer env) {
        env.ket = env.cursor;
        int amongVar = env.findAmongB(A_4);
        if (amongVar == 0) {
            return false;
        }
        env.bra = env.cursor;
        switch (amongVar) {
            case 1, 2, 3, 4, 5 -> {
                if (!env.rR2()) {
                    return false;
                }
                switch (amongVar) {
                    case 1 -> env.sliceDel();
                    case 2 -> {
                        env.sliceDel();
                        tryIc(env);
                    }
                    case 3 -> env.sliceFrom("log");
                    case 4 -> env.sliceFrom("u");
                    default -> env.sliceFrom("ent");
                }
            }
            case 6 -> {
                if (!env.rRV()) {
                    return false;
                }
                env.sliceDel();
                afterEment(env);
            }
            case 7 -> {
                if (!env.rR2()) {
                    return false;
                }
                env.sliceDel();
                afterIte(env);
            }
            case 8 -> {
                if (!env.rR2()) {
                    return false;
                }
                env.sliceDel();
                afterIf(env);
            }
            case 9 -> env.sliceFrom("eau");
            case 10 -> {
                if (!env.rR1()) {
                    return false;
                }
                env.sliceFrom("al");
            }
            case 11 -> {
                int v10 = env.limit - env.cursor;
                if (env.rR2()) {
                    env.sliceDel();
                } else {
                    env.cursor = env.limit - v10;
                    if (!env.rR1()) {
                        return false;
                    }
                    env.sliceFrom("eux");
                }
            }
            case 12 -> {
                if (!env.rR1() || !env.outGroupingB(OldFrenchStemmer.G_V, 97, 251)) {
                    return false;
                }
                env.sliceDel();
            }
            case 13, 14 -> {
                // line 155-156: RV, then the replacement, then fail
                if (env.rRV()) {
                    env.sliceFrom(amongVar == 13 ? "ant" : "ent");
                }
                return false;
            }
            case 15 -> {
                // line 158: test (v RV), then delete, then fail
                int v11 = env.limit - env.cursor;
                if (env.inGroupingB(OldFrenchStemmer.G_V, 97, 251) && env.rRV()) {
                    env.cursor = env.limit - v11;
                    env.sliceDel();
                }
                return false;
            }
            default -> { }
        }
        return true;
    }

    // line 100: try ( ['ic'] ( R2 delete or <- 'iqU' ) )
    private static void tryIc(OldFrenchStemmer env) {
        int v1 = env.limit - env.cursor;
        env.ket = env.cursor;
        if (!env.eqSB("ic")) {
            env.cursor = env.limit - v1;
            return;
        }
        env.bra = env.cursor;
        int v2 = env.limit - env.cursor;
        if (env.rR2()) {
            env.sliceDel();
        } else {
            env.cursor = env.limit - v2;
            env.sliceFrom("iqU");
        }
    }

    // line 115: try [substring] after (e)ment
    private static void afterEment(OldFrenchStemmer env) {
        int v3 = env.limit - env.cursor;
        env.ket = env.cursor;
        int amongVar = env.findAmongB(A_2);
        if (amongVar == 0) {
            env.cursor = env.limit - v3;
            return;
        }
        env.bra = env.cursor;
        switch (amongVar) {
            case 1 -> {
                if (!env.rR2()) {
                    env.cursor = env.limit - v3;
                    return;
                }
                env.sliceDel();
                env.ket = env.cursor;
                if (!env.eqSB("at")) {
                    env.cursor = env.limit - v3;
                    return;
                }
                env.bra = env.cursor;
                if (!env.rR2()) {
                    env.cursor = env.limit - v3;
                    return;
                }
                env.sliceDel();
            }
            case 2 -> {
                int v4 = env.limit - env.cursor;
                if (env.rR2()) {
                    env.sliceDel();
                } else {
                    env.cursor = env.limit - v4;
                    if (!env.rR1()) {
                        env.cursor = env.limit - v3;
                        return;
                    }
                    env.sliceFrom("eux");
                }
            }
            case 3 -> {
                if (!env.rR2()) {
                    env.cursor = env.limit - v3;
                    return;
                }
                env.sliceDel();
            }
            case 4 -> {
                if (!env.rRV()) {
                    env.cursor = env.limit - v3;
                    return;
                }
                env.sliceFrom("i");
            }
            default -> { }
        }
    }

    // line 130: try [substring] after ité
    private static void afterIte(OldFrenchStemmer env) {
        int v5 = env.limit - env.cursor;
        env.ket = env.cursor;
        int amongVar = env.findAmongB(A_3);
        if (amongVar == 0) {
            env.cursor = env.limit - v5;
            return;
        }
        env.bra = env.cursor;
        switch (amongVar) {
            case 1, 2 -> {
                int v6 = env.limit - env.cursor;
                if (env.rR2()) {
                    env.sliceDel();
                } else {
                    env.cursor = env.limit - v6;
                    env.sliceFrom(amongVar == 1 ? "abl" : "iqU");
                }
            }
            case 3 -> {
                if (!env.rR2()) {
                    env.cursor = env.limit - v5;
                    return;
                }
                env.sliceDel();
            }
            default -> { }
        }
    }

    // line 142: try ( ['at'] R2 delete ['ic'] ( R2 delete or <- 'iqU' ) )
    private static void afterIf(OldFrenchStemmer env) {
        int v8 = env.limit - env.cursor;
        env.ket = env.cursor;
        if (!env.eqSB("at")) {
            env.cursor = env.limit - v8;
            return;
        }
        env.bra = env.cursor;
        if (!env.rR2()) {
            env.cursor = env.limit - v8;
            return;
        }
        env.sliceDel();
        env.ket = env.cursor;
        if (!env.eqSB("ic")) {
            env.cursor = env.limit - v8;
            return;
        }
        env.bra = env.cursor;
        int v9 = env.limit - env.cursor;
        if (env.rR2()) {
            env.sliceDel();
        } else {
            env.cursor = env.limit - v9;
            env.sliceFrom("iqU");
        }
    }
}
