package io.github.qdrantscope.embedded.inference;

import java.util.Locale;

/**
 * The language names Qdrant 1.17's BM25 options accept ({@code lib/segment/src/data_types/index.rs}): serde
 * {@code snake_case} names plus one alias each, matched case-sensitively ({@code FromStr} goes through
 * {@code serde_json}).
 */
final class Languages {

    private Languages() {
    }

    /** {@code Language}: the stopword lists. */
    enum Stopwords {
        ARABIC("ar"), AZERBAIJANI("az"), BASQUE("eu"), BENGALI("bn"), CATALAN("ca"), CHINESE("zh"), DANISH("da"),
        DUTCH("nl"), ENGLISH("en"), FINNISH("fi"), FRENCH("fr"), GERMAN("de"), GREEK("el"), HEBREW("he"),
        HINGLISH("hi-en"), HUNGARIAN("hu"), INDONESIAN("id"), ITALIAN("it"), JAPANESE("jp"), KAZAKH("kk"),
        NEPALI("ne"), NORWEGIAN("no"), PORTUGUESE("pt"), ROMANIAN("ro"), RUSSIAN("ru"), SLOVENE("sl"),
        SPANISH("es"), SWEDISH("sv"), TAJIK("tg"), TURKISH("tr");

        private final String alias;

        Stopwords(String alias) {
            this.alias = alias;
        }

        String serdeName() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Stopwords parse(String value) {
            for (Stopwords language : values()) {
                if (language.serdeName().equals(value) || language.alias.equals(value)) {
                    return language;
                }
            }
            return null;
        }
    }

    /**
     * serde_json's error for a {@code Language} it does not know, as {@code Language::from_str} parses the quoted
     * name: the variants' serde names (aliases are not listed) and the position after the closing quote.
     */
    static String unknownStopwordsLanguage(String name) {
        StringBuilder expected = new StringBuilder();
        for (Stopwords language : Stopwords.values()) {
            expected.append(expected.length() == 0 ? "" : ", ").append('`').append(language.serdeName()).append('`');
        }
        int column = name.getBytes(java.nio.charset.StandardCharsets.UTF_8).length + 2;
        return "unknown variant `" + name + "`, expected one of " + expected + " at line 1 column " + column;
    }

    /** {@code SnowballLanguage}: the stemmers ({@code rust_stemmers::Algorithm}). */
    enum Snowball {
        ARABIC("ar"), ARMENIAN("hy"), DANISH("da"), DUTCH("nl"), ENGLISH("en"), FINNISH("fi"), FRENCH("fr"),
        GERMAN("de"), GREEK("el"), HUNGARIAN("hu"), ITALIAN("it"), NORWEGIAN("no"), PORTUGUESE("pt"),
        ROMANIAN("ro"), RUSSIAN("ru"), SPANISH("es"), SWEDISH("sv"), TAMIL("ta"), TURKISH("tr");

        private final String alias;

        Snowball(String alias) {
            this.alias = alias;
        }

        String serdeName() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Snowball parse(String value) {
            for (Snowball language : values()) {
                if (language.serdeName().equals(value) || language.alias.equals(value)) {
                    return language;
                }
            }
            return null;
        }
    }
}
