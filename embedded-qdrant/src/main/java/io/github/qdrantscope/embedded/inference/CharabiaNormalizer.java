package io.github.qdrantscope.embedded.inference;

import java.text.Normalizer;
import java.util.HashSet;
import java.util.Set;

/**
 * charabia 0.10.0's normalizers as {@code Token::normalize} runs them with the lossy option Qdrant passes
 * ({@code src/normalizer/mod.rs}), restricted to what a token of a supported run can meet: compatibility
 * decomposition, control characters, Persian (Arabic runs detected as Pes), then lowercase, quotes, æ/œ, Chinese
 * kVariants, Greek final sigma, Arabic (Arabic runs) and nonspacing marks. The classifier changes no lemma.
 */
final class CharabiaNormalizer {

    private static final Set<Integer> MARKS = marks();

    private CharabiaNormalizer() {
    }

    private static Set<Integer> marks() {
        Set<Integer> marks = new HashSet<>();
        CharabiaTables.marks().forEach(mark -> marks.add(mark.codePointAt(0)));
        return marks;
    }

    /** {@code language}: the run's language, as charabia's segmenter choice detected it (persian.rs reads it). */
    static String normalize(String token, CharabiaScript script, CharabiaLanguage language) {
        String lemma = decompose(token);
        lemma = removeControls(lemma);
        if (script == CharabiaScript.ARABIC && language == CharabiaLanguage.PES) {
            // persian.rs, the last of NORMALIZERS (mod.rs): before the lossy ones, lowercase to nonspacing marks
            lemma = CharabiaArabic.persian(lemma);
        }
        if (lowercased(script) && lemma.codePoints().anyMatch(Character::isUpperCase)) {
            lemma = lowercase(lemma);
        }
        if (script == CharabiaScript.LATIN) {
            // quote.rs, then ae_oe_normalizer.rs
            lemma = lemma.replace('\u2019', '\'').replace('\u2018', '\'').replace('\u201B', '\'');
            lemma = lemma.replace("\u0153", "oe").replace("\u0152", "oe").replace("\u00E6", "ae")
                    .replace("\u00C6", "ae");
        }
        if (script == CharabiaScript.CJ && language == CharabiaLanguage.CMN) {
            // chinese.rs: should_normalize takes every token of a Cj run in Chinese (or of no language, which a
            // Cj run never is), separators and numbers too; LOSSY_NORMALIZERS runs it after ae_oe_normalizer.rs
            lemma = ChineseVariants.normalize(lemma);
        }
        if (script == CharabiaScript.GREEK && lemma.endsWith("\u03C2")) {
            // greek.rs: only the lemma's last character, whatever its position in a word
            lemma = lemma.substring(0, lemma.length() - 1) + '\u03C3';
        }
        if (script == CharabiaScript.ARABIC) {
            // arabic.rs, listed in LOSSY_NORMALIZERS after greek.rs and before nonspacing_mark.rs
            lemma = CharabiaArabic.arabic(lemma);
        }
        if (marked(script)) {
            lemma = removeMarks(lemma);
        }
        return lemma;
    }

    /** compatibility_decomposition.rs: NFKD one character at a time, so marks are never reordered across characters. */
    private static String decompose(String token) {
        StringBuilder out = new StringBuilder(token.length());
        token.codePoints().forEach(cp -> {
            if (cp < 0x80) {
                out.append((char) cp);
            } else {
                out.append(Normalizer.normalize(new String(Character.toChars(cp)), Normalizer.Form.NFKD));
            }
        });
        return out.toString();
    }

    /** control_char.rs: {@code c.is_control() && !c.is_whitespace()}, the Cc category less Rust's whitespace. */
    private static String removeControls(String lemma) {
        StringBuilder out = new StringBuilder(lemma.length());
        lemma.codePoints().filter(cp -> Character.getType(cp) != Character.CONTROL || TextPipeline.isWhitespace(cp))
                .forEach(out::appendCodePoint);
        return out.toString();
    }

    /** lowercase.rs: Rust's {@code char::to_lowercase}, one character at a time (no final-sigma context). */
    private static String lowercase(String lemma) {
        StringBuilder out = new StringBuilder(lemma.length());
        lemma.codePoints().forEach(cp -> {
            if (cp == 0x130) {
                // the one unconditional multi-character lowercase mapping of SpecialCasing.txt
                out.append("i\u0307");
            } else {
                out.appendCodePoint(Character.toLowerCase(cp));
            }
        });
        return out.toString();
    }

    private static String removeMarks(String lemma) {
        StringBuilder out = new StringBuilder(lemma.length());
        lemma.codePoints().filter(cp -> !MARKS.contains(cp)).forEach(out::appendCodePoint);
        return out.toString();
    }

    private static boolean lowercased(CharabiaScript script) {
        return script == CharabiaScript.LATIN || script == CharabiaScript.CYRILLIC || script == CharabiaScript.GREEK
                || script == CharabiaScript.GEORGIAN || script == CharabiaScript.ARMENIAN;
    }

    private static boolean marked(CharabiaScript script) {
        return script == CharabiaScript.HEBREW || script == CharabiaScript.THAI || script == CharabiaScript.ARABIC
                || script == CharabiaScript.LATIN || script == CharabiaScript.GREEK;
    }
}
