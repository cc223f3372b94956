package io.github.qdrantscope.embedded.inference;

import io.qdrant.client.grpc.JsonWithInt.ListValue;
import io.qdrant.client.grpc.JsonWithInt.Struct;
import io.qdrant.client.grpc.JsonWithInt.Value;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Generated texts and {@code qdrant/bm25} options for the differential test: English words with their
 * inflections and stopwords, stopwords of other languages (and any language's list as an option), mixed case, punctuation and digits, accented Latin, Cyrillic, Greek, CJK, emoji,
 * letters outside the BMP, several kinds of whitespace, and repeated tokens; options (all four tokenizers, the
 * multilingual one for the texts it accepts) stay where Qdrant 1.17
 * and Edge agree by construction (see docs/embedded-qdrant.md, "Inference").
 */
final class Bm25Samples {

    private static final List<String> WORDS = List.of("the", "The", "THE", "a", "and", "of", "is", "are", "was",
            "running", "runs", "ran", "runner", "connection", "connected", "connecting", "generously", "happiness",
            "happy", "relational", "conditional", "rational", "valency", "hesitancy", "digitizer", "sensibility",
            "fluently", "dying", "lying", "skies", "news", "cats", "cat's", "don't", "won't", "it's", "you're",
            "Qdrant", "vector", "vectors", "search", "searching", "database", "databases", "BM25", "bm25", "x",
            "i", "me", "ourselves", "caresses", "ponies", "ties", "feed", "agreed", "plastered", "bled",
            "motoring", "sing", "conflated", "troubled", "sized", "hopping", "tanned", "falling", "hissing",
            "fizzed", "failing", "filing", "happy", "sky", "triplicate", "formative", "formalize", "electriciti",
            "electrical", "hopeful", "goodness", "revival", "allowance", "inference", "airliner", "gyroscopic",
            "adjustable", "defensible", "irritant", "replacement", "adjustment", "dependent", "adoption", "homologou",
            "communism", "activate", "angulariti", "homologous", "effective", "bowdlerize", "probate", "rate",
            "cease", "controll", "roll", "café", "naïve", "Straße", "ÉCOLE", "über", "façade", "Ærø", "ﬁnance",
            "Привет", "мир", "ёлка", "Ёж", "Ελληνικά", "ΣΟΦΟΣ", "οδός", "日本語", "中文", "한국어", "😀", "🚀rocket",
            "𝐀𝐁𝐂", "𝒳", "Ⅻ", "½", "²", "٣", "x²", "İstanbul", "ǅemal", "ﬀ", "Ⓐ", "ｆｕｌｌ", "e\u0301", "ß",
            "und", "Der", "les", "Et", "и", "которые", "的", "我们", "og", "için", "не", "ve", "hai");
    private static final List<String> SEPARATORS = List.of(" ", " ", " ", "  ", ", ", ". ", "! ", "?", "\t", "\n",
            "\u00A0", "\u2003", "-", "_", "/", "'", "\"", "(", ") ", ": ", "; ", "…", "\u3000", "+", "#");
    static final List<String> STEMMERS = List.of("arabic", "armenian", "danish", "dutch", "english", "finnish",
            "french", "german", "greek", "hungarian", "italian", "norwegian", "portuguese", "romanian", "russian",
            "spanish", "swedish", "tamil", "turkish");

    private final Random random;

    Bm25Samples(long seed) {
        this.random = new Random(seed);
    }

    String text() {
        int words = random.nextInt(40);
        StringBuilder text = new StringBuilder();
        String previous = null;
        for (int i = 0; i < words; i++) {
            String word = previous != null && random.nextInt(5) == 0 ? previous : pick(WORDS);
            if (random.nextInt(12) == 0) {
                word = word + random.nextInt(1000);
            }
            text.append(word).append(pick(SEPARATORS));
            previous = word;
        }
        return text.toString();
    }

    /** Options as the test sends them (JSON-like: Double, Long, Boolean, String, List, Map). */
    Map<String, Object> options(boolean documentSide) {
        Map<String, Object> options = new LinkedHashMap<>();
        if (random.nextInt(3) == 0) {
            options.put("k", Math.round(random.nextDouble() * 300) / 100.0);
        }
        if (random.nextInt(3) == 0) {
            options.put("b", Math.round(random.nextDouble() * 100) / 100.0);
        }
        if (random.nextInt(3) == 0) {
            options.put("avg_len", (double) (1 + random.nextInt(400)));
        }
        int tokenizer = random.nextInt(documentSide ? 4 : 5);
        if (tokenizer > 0) {
            // prefix documents differ by design between 1.17 and Edge: queries only
            options.put("tokenizer", List.of("word", "whitespace", "multilingual", "prefix").get(tokenizer - 1));
        }
        if (random.nextInt(4) == 0) {
            options.put("lowercase", random.nextBoolean());
        }
        if (random.nextInt(3) == 0) {
            options.put("ascii_folding", random.nextBoolean());
        }
        switch (random.nextInt(4)) {
            case 0 -> options.put("stopwords", random.nextBoolean() ? "english"
                    : Languages.Stopwords.values()[random.nextInt(Languages.Stopwords.values().length)].serdeName());
            case 1 -> options.put("stopwords", Map.of("custom", List.of("vector", "Search", "мир")));
            case 2 -> options.put("stopwords", Map.of("languages", List.of("english"), "custom", List.of("qdrant")));
            default -> { }
        }
        if (random.nextInt(3) == 0) {
            options.put("stemmer", Map.of("type", "snowball", "language", pick(STEMMERS)));
        }
        if (random.nextInt(5) == 0) {
            options.put("min_token_len", (long) random.nextInt(4));
        }
        if (random.nextInt(5) == 0) {
            options.put("max_token_len", (long) (1 + random.nextInt(8)));
        }
        return options;
    }

    /**
     * Options for this text: the multilingual tokenizer only where it has an exact port (other texts answer
     * UNIMPLEMENTED, which MultilingualDifferentialTest checks), the word tokenizer instead elsewhere.
     */
    Map<String, Object> options(boolean documentSide, String text) {
        Map<String, Object> options = options(documentSide);
        if ("multilingual".equals(options.get("tokenizer"))) {
            try {
                Bm25Options.parse(grpc(options)).tokens(text);
            } catch (io.grpc.StatusRuntimeException unported) {
                options.put("tokenizer", "word");
            }
        }
        return options;
    }

    private String pick(List<String> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** The gRPC form of JSON-like options. */
    static Map<String, Value> grpc(Map<String, Object> options) {
        Map<String, Value> values = new LinkedHashMap<>();
        options.forEach((key, value) -> values.put(key, value(value)));
        return values;
    }

    @SuppressWarnings("unchecked")
    static Value value(Object value) {
        if (value instanceof String s) {
            return Value.newBuilder().setStringValue(s).build();
        } else if (value instanceof Double d) {
            return Value.newBuilder().setDoubleValue(d).build();
        } else if (value instanceof Long l) {
            return Value.newBuilder().setIntegerValue(l).build();
        } else if (value instanceof Boolean b) {
            return Value.newBuilder().setBoolValue(b).build();
        } else if (value instanceof List<?> list) {
            ListValue.Builder builder = ListValue.newBuilder();
            list.forEach(item -> builder.addValues(value(item)));
            return Value.newBuilder().setListValue(builder).build();
        }
        Struct.Builder struct = Struct.newBuilder();
        ((Map<String, Object>) value).forEach((key, item) -> struct.putFields(key, value(item)));
        return Value.newBuilder().setStructValue(struct).build();
    }
}
