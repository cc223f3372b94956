package io.github.qdrantscope.embedded.differential;

import io.qdrant.client.grpc.Collections.SnowballParams;
import io.qdrant.client.grpc.Collections.StemmingAlgorithm;
import io.qdrant.client.grpc.Collections.StopwordsSet;
import io.qdrant.client.grpc.Collections.TextIndexParams;
import io.qdrant.client.grpc.Collections.TokenizerType;
import io.qdrant.client.grpc.Common.Condition;
import io.qdrant.client.grpc.Common.FieldCondition;
import io.qdrant.client.grpc.Common.Filter;
import io.qdrant.client.grpc.Common.Match;
import io.qdrant.client.grpc.Common.NestedCondition;
import io.qdrant.client.grpc.JsonWithInt.ListValue;
import io.qdrant.client.grpc.JsonWithInt.Struct;
import io.qdrant.client.grpc.JsonWithInt.Value;
import java.util.Locale;
import java.util.Random;

/**
 * What {@link TextIndexDifferentialTest} draws: text index params, the indexed texts and the full-text
 * conditions asked of them. Texts mix case, punctuation, stopwords, inflected forms and accented letters, so
 * every tokenizer option changes some answer; queries take words of the texts, changed the same ways, or a
 * prefix of one.
 */
final class TextIndexSteps {

    static final String FIELD = "doc";
    /** In nested mode the texts are {@code items[].doc}, and the conditions a nested condition on {@code items}. */
    static final String ARRAY = "items";

    private static final String[] WORDS = {"run", "runs", "running", "ran", "jump", "jumps", "jumped", "jumping",
        "fox", "foxes", "quick", "quickly", "brown", "lazy", "dog", "dogs", "café", "naïve", "résumé", "Über",
        "the", "a", "of", "and", "is", "it", "x", "extraordinary", "day", "days", "42", "C3PO"};
    private static final String[] SEPARATORS = {" ", " ", " ", ", ", "-", "  ", "! ", ". ", "'", "\t"};

    private final Random random;
    private final boolean nested;

    TextIndexSteps(Random random, boolean nested) {
        this.random = random;
        this.nested = nested;
    }

    /** The key the index is created on. */
    String indexKey() {
        return nested ? ARRAY + "[]." + FIELD : FIELD;
    }

    /** The payload key a text is stored under. */
    String payloadKey() {
        return nested ? ARRAY : FIELD;
    }

    /** What is stored under {@link #payloadKey}: the text, or in nested mode one or two objects holding texts. */
    Value stored(Value doc, boolean arrays) {
        if (!nested || doc == null) {
            return doc;
        }
        ListValue.Builder items = ListValue.newBuilder().addValues(object(doc));
        if (random.nextBoolean()) {
            Value other = doc(arrays);
            items.addValues(other == null ? Value.newBuilder().setIntegerValue(3).build() : object(other));
        }
        return Value.newBuilder().setListValue(items).build();
    }

    private static Value object(Value doc) {
        return Value.newBuilder().setStructValue(Struct.newBuilder().putFields(FIELD, doc)).build();
    }

    /**
     * Random params: tokenizer word, whitespace, prefix or multilingual (the words are Latin, which its port segments exactly), each option set or
     * left to its default. {@code arrays} tells whether the texts may be arrays: only without phrase matching
     * ({@link KnownExceptions#EDGE_ENDS_A_PHRASE_AT_AN_ARRAY_ELEMENT}).
     */
    TextIndexParams params(boolean arrays) {
        TextIndexParams.Builder p = TextIndexParams.newBuilder().setTokenizer(
                pick(new TokenizerType[] {TokenizerType.Word, TokenizerType.Whitespace, TokenizerType.Prefix,
                    TokenizerType.Multilingual}));
        if (random.nextInt(3) == 0) {
            p.setLowercase(random.nextBoolean());
        }
        if (random.nextInt(3) == 0) {
            p.setAsciiFolding(random.nextBoolean());
        }
        if (random.nextInt(3) == 0) {
            StopwordsSet.Builder s = StopwordsSet.newBuilder();
            if (random.nextBoolean()) {
                s.addLanguages(random.nextBoolean() ? "english" : "en");
            }
            if (random.nextBoolean()) {
                s.addCustom("Fox").addCustom("day");
            }
            p.setStopwords(s);
        }
        if (random.nextInt(3) == 0) {
            p.setStemmer(StemmingAlgorithm.newBuilder().setSnowball(SnowballParams.newBuilder().setLanguage("english")));
        }
        if (random.nextInt(4) == 0) {
            p.setMinTokenLen(1 + random.nextInt(3));
        }
        if (random.nextInt(4) == 0) {
            p.setMaxTokenLen(3 + random.nextInt(4));
        }
        if (nested) {
            // a nested phrase is checked value by value, so arrays are fine; without positions Edge's answer
            // depends on its plan (KnownExceptions.EDGE_NESTED_PHRASE_WITHOUT_POSITIONS)
            p.setPhraseMatching(true);
        } else if (!arrays && random.nextInt(3) != 0) {
            p.setPhraseMatching(random.nextInt(4) != 0);
        }
        return p.build();
    }

    /** A text of 1 to 6 words (or an array of two, a number, an empty string), or {@code null}: no key. */
    Value doc(boolean arrays) {
        int r = random.nextInt(20);
        if (r == 0) {
            return null;
        }
        if (r == 1) {
            return Value.newBuilder().setIntegerValue(7).build();
        }
        if (r == 2) {
            return string("");
        }
        if (arrays && r < 6) {
            return Value.newBuilder().setListValue(ListValue.newBuilder().addValues(string(text(1 + random.nextInt(3))))
                    .addValues(Value.newBuilder().setIntegerValue(1)).addValues(string(text(1 + random.nextInt(3)))))
                    .build();
        }
        return string(text(1 + random.nextInt(6)));
    }

    /**
     * One or two full-text conditions on the field, in must, should or must_not; in nested mode the same inside a
     * nested condition, sometimes negated, and never text_any ({@link KnownExceptions#EDGE_NESTED_TEXT_ANY}).
     */
    Filter filter() {
        if (nested) {
            Condition c = Condition.newBuilder().setNested(NestedCondition.newBuilder().setKey(ARRAY)
                    .setFilter(conditions())).build();
            return random.nextInt(4) == 0 ? Filter.newBuilder().addMustNot(c).build()
                    : Filter.newBuilder().addMust(c).build();
        }
        return conditions();
    }

    private Filter conditions() {
        Filter.Builder f = Filter.newBuilder();
        int n = 1 + random.nextInt(2);
        for (int i = 0; i < n; i++) {
            Condition c = Condition.newBuilder().setField(FieldCondition.newBuilder().setKey(FIELD).setMatch(match()))
                    .build();
            switch (random.nextInt(4)) {
                case 0 -> f.addShould(c);
                case 1 -> f.addMustNot(c);
                default -> f.addMust(c);
            }
        }
        return f.build();
    }

    private Match match() {
        String query = switch (random.nextInt(6)) {
            case 0 -> prefix(word());
            case 1 -> "";
            default -> text(1 + random.nextInt(3));
        };
        return switch (random.nextInt(3)) {
            case 0 -> Match.newBuilder().setText(query).build();
            case 1 -> nested ? Match.newBuilder().setText(query).build() : Match.newBuilder().setTextAny(query).build();
            default -> Match.newBuilder().setPhrase(query).build();
        };
    }

    private String text(int words) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < words; i++) {
            if (i > 0) {
                s.append(pick(SEPARATORS));
            }
            s.append(word());
        }
        return random.nextInt(8) == 0 ? s + "?" : s.toString();
    }

    private String word() {
        String w = pick(WORDS);
        return switch (random.nextInt(6)) {
            case 0 -> w.toUpperCase(Locale.ROOT);
            case 1 -> w.isEmpty() ? w : w.substring(0, 1).toUpperCase(Locale.ROOT) + w.substring(1);
            default -> w;
        };
    }

    private String prefix(String word) {
        int cut = 1 + random.nextInt(word.length());
        return word.substring(0, word.offsetByCodePoints(0, Math.min(cut, word.codePointCount(0, word.length()))));
    }

    private static Value string(String s) {
        return Value.newBuilder().setStringValue(s).build();
    }

    private <T> T pick(T[] values) {
        return values[random.nextInt(values.length)];
    }
}
