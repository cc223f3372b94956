package io.github.qdrantscope.embedded.inference;

import java.util.HashMap;
import java.util.Map;
import org.tartarus.snowball.SnowballStemmer;

/**
 * The Snowball stemmers of Qdrant 1.17 ({@code tokenizers/stemmer.rs}: {@code rust_stemmers}, the crate
 * qdrant-rust-stemmers 1.2.2, whose algorithms predate Snowball 2.0). French, Dutch and Finnish, which Snowball 2.0
 * changed, run hand ports of the crate's generated code ({@link OldFrenchStemmer}, {@link OldDutchStemmer},
 * {@link OldFinnishStemmer} on {@link OldSnowballStemmer}, which works on UTF-8 bytes as the crate does). The other
 * languages run Lucene's generated Snowball code ({@code org.tartarus.snowball.ext}, Snowball 2.x), which agrees
 * with the crate word for word except where this class bridges a difference (checked against Qdrant Edge by
 * {@code Bm25DifferentialTest} and {@code StemmerDifferentialTest}):
 * <ul>
 * <li>a code point outside the BMP is one {@code char} in Rust and two in Java: each is stemmed as one
 *     placeholder character (private use, in no grouping or suffix), then put back;</li>
 * <li>Russian: Snowball 2.0 rewrites ё to е, rust_stemmers keeps ё as a non-vowel: ё gets a placeholder too;</li>
 * <li>Arabic: the older algorithm deletes 17 punctuation marks anywhere in the word before stemming
 *     ({@link #ARABIC_PUNCTUATION}), Snowball 2.0 keeps them: they are deleted first;</li>
 * <li>Danish: the older {@code undouble} drops the last of two equal final non-vowels in R1, Snowball 2.0 only
 *     of two consonants: {@link #danishUndouble} finishes what Snowball 2.0 leaves.</li>
 * </ul>
 * Not thread-safe: one instance per request.
 */
final class SnowballStemming {

    /** What rust_stemmers' Arabic {@code Normalize_pre} deletes and Snowball 2.0's keeps. */
    static final String ARABIC_PUNCTUATION = "!\"%*,./:;?\\\u060C\u061B\u061F\u066A\u066B\u066C";

    private final Languages.Snowball language;
    private final SnowballStemmer stemmer;
    private final OldSnowballStemmer oldStemmer;

    SnowballStemming(Languages.Snowball language) {
        this.language = language;
        this.oldStemmer = switch (language) {
            case FRENCH -> new OldFrenchStemmer();
            case DUTCH -> new OldDutchStemmer();
            case FINNISH -> new OldFinnishStemmer();
            default -> null;
        };
        if (oldStemmer != null) {
            this.stemmer = null;
            return;
        }
        String name = language.serdeName();
        String className = "org.tartarus.snowball.ext." + Character.toUpperCase(name.charAt(0)) + name.substring(1)
                + "Stemmer";
        try {
            this.stemmer = (SnowballStemmer) Class.forName(className).getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("No Snowball stemmer " + className, e);
        }
    }

    String stem(String input) {
        if (oldStemmer != null) {
            return oldStemmer.stem(input);
        }
        String word = language == Languages.Snowball.ARABIC ? withoutArabicPunctuation(input) : input;
        Map<Integer, Character> placeholders = new HashMap<>();
        StringBuilder masked = new StringBuilder(word.length());
        char next = '\uE000';
        for (int i = 0; i < word.length(); ) {
            int cp = word.codePointAt(i);
            i += Character.charCount(cp);
            if (cp > 0xFFFF || language == Languages.Snowball.RUSSIAN && cp == 'ё') {
                Character placeholder = placeholders.get(cp);
                if (placeholder == null) {
                    while (word.indexOf(next) >= 0) {
                        next++;
                    }
                    placeholder = next++;
                    placeholders.put(cp, placeholder);
                }
                masked.append(placeholder.charValue());
            } else {
                masked.appendCodePoint(cp);
            }
        }
        stemmer.setCurrent(masked.toString());
        stemmer.stem();
        String stemmed = stemmer.getCurrent();
        if (language == Languages.Snowball.DANISH) {
            stemmed = danishUndouble(masked.toString(), stemmed);
        }
        if (placeholders.isEmpty()) {
            return stemmed;
        }
        Map<Character, Integer> originals = new HashMap<>();
        placeholders.forEach((cp, placeholder) -> originals.put(placeholder, cp));
        StringBuilder out = new StringBuilder(stemmed.length() + 4);
        for (int i = 0; i < stemmed.length(); i++) {
            Integer original = originals.get(stemmed.charAt(i));
            if (original != null) {
                out.appendCodePoint(original);
            } else {
                out.append(stemmed.charAt(i));
            }
        }
        return out.toString();
    }

    private static final String DANISH_VOWELS = "aeiouyæåø";
    private static final String DANISH_CONSONANTS = "bcdfghjklmnpqrstvwxz";

    /**
     * rust_stemmers' Danish {@code undouble}: {@code setlimit tomark p1 for ([non-v] ->ch) ch delete}, for the
     * final pairs Snowball 2.0's consonant-only rule leaves (neither vowel nor consonant). R1 ({@code p1}) is
     * {@code mark_regions} of the unstemmed word: after the first non-vowel that follows a vowel, at least 3.
     */
    static String danishUndouble(String word, String stemmed) {
        int last = stemmed.length() - 1;
        if (last < 1) {
            return stemmed;
        }
        char c = stemmed.charAt(last);
        if (c != stemmed.charAt(last - 1) || DANISH_VOWELS.indexOf(c) >= 0 || DANISH_CONSONANTS.indexOf(c) >= 0) {
            return stemmed;
        }
        if (word.length() < 3) {
            return stemmed;
        }
        int p1 = word.length();
        int i = 0;
        while (i < word.length() && DANISH_VOWELS.indexOf(word.charAt(i)) < 0) {
            i++;
        }
        while (i < word.length() && DANISH_VOWELS.indexOf(word.charAt(i)) >= 0) {
            i++;
        }
        if (i < word.length()) {
            p1 = Math.max(i + 1, 3);
        }
        return last >= p1 ? stemmed.substring(0, last) : stemmed;
    }

    private static String withoutArabicPunctuation(String word) {
        StringBuilder kept = new StringBuilder(word.length());
        for (int i = 0; i < word.length(); i++) {
            if (ARABIC_PUNCTUATION.indexOf(word.charAt(i)) < 0) {
                kept.append(word.charAt(i));
            }
        }
        return kept.length() == word.length() ? word : kept.toString();
    }
}
