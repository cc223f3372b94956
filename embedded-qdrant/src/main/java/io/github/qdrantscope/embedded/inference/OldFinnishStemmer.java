// A hand translation of src/snowball/algorithms/finnish.rs of the crate qdrant-rust-stemmers 1.2.2 (MIT; generated
// by the Snowball to Rust compiler from the pre-2.0 finnish.sbl, BSD). Qdrant 1.17 stems BM25 tokens with this crate
// (tokenizers/stemmer.rs); Snowball 2.0 changed the Finnish algorithm (its consonants are a set of letters, where
// the old one takes every non-vowel for a consonant: digits, marks, other scripts), so Lucene's Snowball 2.x
// FinnishStemmer stems some words differently. Comments "line N" cite the Snowball source line, as the generated
// code does.
package io.github.qdrantscope.embedded.inference;

/**
 * The old Snowball Finnish stemmer, rule for rule as the crate runs it (see {@link OldSnowballStemmer}); the steps
 * after {@code case_ending} are in {@link OldFinnishOtherEndings}.
 */
final class OldFinnishStemmer extends OldSnowballStemmer {

    private static final Among[] A_0 = {
        among("pa", -1, 1), among("sti", -1, 2), among("kaan", -1, 1), among("han", -1, 1), among("kin", -1, 1),
        among("hän", -1, 1), among("kään", -1, 1), among("ko", -1, 1), among("pä", -1, 1), among("kö", -1, 1)};

    private static final Among[] A_1 = {
        among("lla", -1, -1), among("na", -1, -1), among("ssa", -1, -1), among("ta", -1, -1), among("lta", 3, -1),
        among("sta", 3, -1)};

    private static final Among[] A_2 = {
        among("llä", -1, -1), among("nä", -1, -1), among("ssä", -1, -1), among("tä", -1, -1), among("ltä", 3, -1),
        among("stä", 3, -1)};

    private static final Among[] A_3 = {among("lle", -1, -1), among("ine", -1, -1)};

    private static final Among[] A_4 = {
        among("nsa", -1, 3), among("mme", -1, 3), among("nne", -1, 3), among("ni", -1, 2), among("si", -1, 1),
        among("an", -1, 4), among("en", -1, 6), among("än", -1, 5), among("nsä", -1, 3)};

    private static final Among[] A_5 = {
        among("aa", -1, -1), among("ee", -1, -1), among("ii", -1, -1), among("oo", -1, -1), among("uu", -1, -1),
        among("ää", -1, -1), among("öö", -1, -1)};

    private static final Among[] A_6 = {
        among("a", -1, 8), among("lla", 0, -1), among("na", 0, -1), among("ssa", 0, -1), among("ta", 0, -1),
        among("lta", 4, -1), among("sta", 4, -1), among("tta", 4, 9), among("lle", -1, -1), among("ine", -1, -1),
        among("ksi", -1, -1), among("n", -1, 7), among("han", 11, 1), among("den", 11, -1, OldFinnishStemmer::rVI),
        among("seen", 11, -1, OldFinnishStemmer::rLong), among("hen", 11, 2),
        among("tten", 11, -1, OldFinnishStemmer::rVI), among("hin", 11, 3),
        among("siin", 11, -1, OldFinnishStemmer::rVI), among("hon", 11, 4), among("hän", 11, 5),
        among("hön", 11, 6), among("ä", -1, 8), among("llä", 22, -1), among("nä", 22, -1), among("ssä", 22, -1),
        among("tä", 22, -1), among("ltä", 26, -1), among("stä", 26, -1), among("ttä", 26, 9)};

    /** Vowels: a e i o u y ä ö (97 to 246). */
    static final int[] G_V1 = {17, 65, 16, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 8, 0, 32};

    /** Vowels but y (97 to 246). */
    private static final int[] G_V2 = {17, 65, 16, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 8, 0, 32};

    /** What a particle may follow: vowels, n and t (97 to 246). */
    private static final int[] G_PARTICLE_END = {17, 97, 24, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 8, 0, 32};

    int p1;
    int p2;
    private boolean endingRemoved;

    @Override
    void run() {
        int v1 = cursor;
        markRegions();
        cursor = v1;
        endingRemoved = false;
        limitBackward = cursor; // backwards, line 186
        cursor = limit;
        int v2 = limit - cursor;
        particleEtc();
        cursor = limit - v2;
        int v3 = limit - cursor;
        possessive();
        cursor = limit - v3;
        int v4 = limit - cursor;
        caseEnding();
        cursor = limit - v4;
        int v5 = limit - cursor;
        OldFinnishOtherEndings.otherEndings(this);
        cursor = limit - v5;
        int v6 = limit - cursor; // line 191: ending_removed do i_plural or do t_plural
        if (endingRemoved) {
            OldFinnishOtherEndings.iPlural(this);
        } else {
            OldFinnishOtherEndings.tPlural(this);
        }
        cursor = limit - v6;
        int v9 = limit - cursor;
        OldFinnishOtherEndings.tidy(this);
        cursor = limit - v9;
        cursor = limitBackward;
    }

    // line 40: p1 after the first non-vowel that follows a vowel, p2 likewise after p1
    private void markRegions() {
        p1 = limit;
        p2 = limit;
        if (!goToVowel() || !goPastNonVowel()) {
            return;
        }
        p1 = cursor;
        if (!goToVowel() || !goPastNonVowel()) {
            return;
        }
        p2 = cursor;
    }

    private boolean goToVowel() {
        while (true) {
            int v1 = cursor;
            if (inGrouping(G_V1, 97, 246)) {
                cursor = v1;
                return true;
            }
            cursor = v1;
            if (cursor >= limit) {
                return false;
            }
            nextChar();
        }
    }

    private boolean goPastNonVowel() {
        while (true) {
            if (outGrouping(G_V1, 97, 246)) {
                return true;
            }
            if (cursor >= limit) {
                return false;
            }
            nextChar();
        }
    }

    /**
     * {@code setlimit tomark p [ substring ]}: the among found with {@code limitBackward} at {@code p}, which is
     * then put back; 0 when the cursor is before {@code p} or nothing matches.
     */
    int suffixAfter(int p, Among[] amongs) {
        int v1 = limit - cursor;
        if (cursor < p) {
            return 0;
        }
        cursor = p;
        int v2 = limitBackward;
        limitBackward = cursor;
        cursor = limit - v1;
        ket = cursor;
        int amongVar = findAmongB(amongs);
        if (amongVar != 0) {
            bra = cursor;
        }
        limitBackward = v2;
        return amongVar;
    }

    boolean rR2() {
        return p2 <= cursor;
    }

    // line 53
    private boolean particleEtc() {
        int amongVar = suffixAfter(p1, A_0);
        if (amongVar == 0 || amongVar == 1 && !inGroupingB(G_PARTICLE_END, 97, 246) || amongVar == 2 && !rR2()) {
            return false;
        }
        sliceDel();
        return true;
    }

    // line 67
    private boolean possessive() {
        int amongVar = suffixAfter(p1, A_4);
        switch (amongVar) {
            case 0 -> {
                return false;
            }
            case 1 -> {
                int v3 = limit - cursor;
                if (eqSB("k")) {
                    return false;
                }
                cursor = limit - v3;
                sliceDel();
            }
            case 2 -> {
                sliceDel();
                ket = cursor;
                if (!eqSB("kse")) {
                    return false;
                }
                bra = cursor;
                sliceFrom("ksi");
            }
            case 3 -> sliceDel();
            default -> {
                // 4, 5, 6: after -an, -än, -en only a case ending of A_1, A_2, A_3
                if (findAmongB(amongVar == 4 ? A_1 : amongVar == 5 ? A_2 : A_3) == 0) {
                    return false;
                }
                sliceDel();
            }
        }
        return true;
    }

    // line 90
    static boolean rLong(OldSnowballStemmer env) {
        return env.findAmongB(A_5) != 0;
    }

    // line 92
    static boolean rVI(OldSnowballStemmer env) {
        return env.eqSB("i") && env.inGroupingB(G_V2, 97, 246);
    }

    // line 94
    private boolean caseEnding() {
        int amongVar = suffixAfter(p1, A_6);
        if (amongVar == 0) {
            return false;
        }
        if (amongVar >= 1 && amongVar <= 6) {
            // han hen hin hon hän hön: the vowel before the h repeats
            if (!eqSB(String.valueOf("aeioäö".charAt(amongVar - 1)))) {
                return false;
            }
        } else if (amongVar == 7) {
            caseEndingN();
        } else if (amongVar == 8) {
            if (!inGroupingB(G_V1, 97, 246) || !outGroupingB(G_V1, 97, 246)) {
                return false;
            }
        } else if (amongVar == 9) {
            if (!eqSB("e")) {
                return false;
            }
        }
        sliceDel();
        endingRemoved = true;
        return true;
    }

    // line 110: try ( ( LONG or 'ie' ) next ] ), the n and the character before it
    private void caseEndingN() {
        int v3 = limit - cursor;
        int v4 = limit - cursor;
        int v5 = limit - cursor;
        if (!rLong(this)) {
            cursor = limit - v5;
            if (!eqSB("ie")) {
                cursor = limit - v3;
                return;
            }
        }
        cursor = limit - v4;
        if (cursor <= limitBackward) {
            cursor = limit - v3;
            return;
        }
        previousChar();
        bra = cursor;
    }
}
