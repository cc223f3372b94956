// A hand translation of r_i_verb_suffix and r_verb_suffix in src/snowball/algorithms/french.rs of the crate
// qdrant-rust-stemmers 1.2.2 (MIT; generated from the pre-2.0 french.sbl, BSD), which Qdrant 1.17 stems BM25
// tokens with (tokenizers/stemmer.rs); Snowball 2.0 changed the French algorithm. Split from OldFrenchStemmer.
package io.github.qdrantscope.embedded.inference;

import static io.github.qdrantscope.embedded.inference.OldSnowballStemmer.among;

import io.github.qdrantscope.embedded.inference.OldSnowballStemmer.Among;

/** The old French {@code i_verb_suffix} and {@code verb_suffix} (lines 163-191 of the Snowball source), in RV. */
final class OldFrenchVerbSuffix {

    private static final Among[] A_5 = {
        among("ira", -1, 1), among("ie", -1, 1), among("isse", -1, 1), among("issante", -1, 1), among("i", -1, 1),
        among("irai", 4, 1), among("ir", -1, 1), among("iras", -1, 1), among("ies", -1, 1), among("îmes", -1, 1),
        among("isses", -1, 1), among("issantes", -1, 1), among("îtes", -1, 1), among("is", -1, 1),
        among("irais", 13, 1), among("issais", 13, 1), among("irions", -1, 1), among("issions", -1, 1),
        among("irons", -1, 1), among("issons", -1, 1), among("issants", -1, 1), among("it", -1, 1),
        among("irait", 21, 1), among("issait", 21, 1), among("issant", -1, 1), among("iraIent", -1, 1),
        among("issaIent", -1, 1), among("irent", -1, 1), among("issent", -1, 1), among("iront", -1, 1),
        among("ît", -1, 1), among("iriez", -1, 1), among("issiez", -1, 1), among("irez", -1, 1),
        among("issez", -1, 1)};

    private static final Among[] A_6 = {
        among("a", -1, 3), among("era", 0, 2), among("asse", -1, 3), among("ante", -1, 3), among("ée", -1, 2),
        among("ai", -1, 3), among("erai", 5, 2), among("er", -1, 2), among("as", -1, 3), among("eras", 8, 2),
        among("âmes", -1, 3), among("asses", -1, 3), among("antes", -1, 3), among("âtes", -1, 3),
        among("ées", -1, 2), among("ais", -1, 3), among("erais", 15, 2), among("ions", -1, 1),
        among("erions", 17, 2), among("assions", 17, 3), among("erons", -1, 2), among("ants", -1, 3),
        among("és", -1, 2), among("ait", -1, 3), among("erait", 23, 2), among("ant", -1, 3),
        among("aIent", -1, 3), among("eraIent", 26, 2), among("èrent", -1, 2), among("assent", -1, 3),
        among("eront", -1, 2), among("ât", -1, 3), among("ez", -1, 2), among("iez", 32, 2),
        among("eriez", 33, 2), among("assiez", 33, 3), among("erez", 32, 2), among("é", -1, 2)};

    private OldFrenchVerbSuffix() {
    }

    // line 163
    static boolean iVerbSuffix(OldFrenchStemmer env) {
        int v1 = env.limit - env.cursor;
        if (env.cursor < env.pV) {
            return false;
        }
        env.cursor = env.pV;
        int v2 = env.limitBackward;
        env.limitBackward = env.cursor;
        env.cursor = env.limit - v1;
        env.ket = env.cursor;
        int amongVar = env.findAmongB(A_5);
        if (amongVar == 0) {
            env.limitBackward = v2;
            return false;
        }
        env.bra = env.cursor;
        if (amongVar == 1) {
            if (!env.outGroupingB(OldFrenchStemmer.G_V, 97, 251)) {
                env.limitBackward = v2;
                return false;
            }
            env.sliceDel();
        }
        env.limitBackward = v2;
        return true;
    }

    // line 174
    static boolean verbSuffix(OldFrenchStemmer env) {
        int v1 = env.limit - env.cursor;
        if (env.cursor < env.pV) {
            return false;
        }
        env.cursor = env.pV;
        int v2 = env.limitBackward;
        env.limitBackward = env.cursor;
        env.cursor = env.limit - v1;
        env.ket = env.cursor;
        int amongVar = env.findAmongB(A_6);
        if (amongVar == 0) {
            env.limitBackward = v2;
            return false;
        }
        env.bra = env.cursor;
        if (amongVar == 1) {
            if (!env.rR2()) {
                env.limitBackward = v2;
                return false;
            }
            env.sliceDel();
        } else if (amongVar == 2) {
            env.sliceDel();
        } else if (amongVar == 3) {
            env.sliceDel();
            int v3 = env.limit - env.cursor;
            env.ket = env.cursor;
            if (env.eqSB("e")) {
                env.bra = env.cursor;
                env.sliceDel();
            } else {
                env.cursor = env.limit - v3;
            }
        }
        env.limitBackward = v2;
        return true;
    }

}
