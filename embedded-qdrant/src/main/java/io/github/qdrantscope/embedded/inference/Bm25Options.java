package io.github.qdrantscope.embedded.inference;

import static io.github.qdrantscope.embedded.inference.SerdeValues.invalid;
import static io.github.qdrantscope.embedded.inference.SerdeValues.isNull;

import io.qdrant.client.grpc.JsonWithInt.ListValue;
import io.qdrant.client.grpc.JsonWithInt.Struct;
import io.qdrant.client.grpc.JsonWithInt.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A {@code Document}'s {@code options} read as Qdrant 1.17's {@code Bm25Config} ({@code lib/api/src/rest/schema.rs}:
 * {@code k}, {@code b}, {@code avg_len}, {@code tokenizer} and the flattened {@code TextPreprocessingConfig}:
 * {@code language}, {@code lowercase}, {@code ascii_folding}, {@code stopwords}, {@code stemmer},
 * {@code min_token_len}, {@code max_token_len}; other keys are ignored, there is no {@code deny_unknown_fields}),
 * with serde's error texts. No range checks: 1.17 takes any number for {@code k}, {@code b}, {@code avg_len}.
 */
final class Bm25Options {

    private static final String DEFAULT_LANGUAGE = "english";

    private Bm25Options() {
    }

    /** The embedder the options describe ({@code Bm25::new} with {@code new_token_processor_from_config}). */
    static Bm25 parse(Map<String, Value> options) {
        double k = options.containsKey("k") ? SerdeValues.f64(options.get("k")) : 1.2;
        double b = options.containsKey("b") ? SerdeValues.f64(options.get("b")) : 0.75;
        double avgLen = options.containsKey("avg_len") ? SerdeValues.f64(options.get("avg_len")) : 256.0;
        TextPipeline.Tokenizer tokenizer = options.containsKey("tokenizer")
                ? tokenizer(options.get("tokenizer")) : TextPipeline.Tokenizer.WORD;
        String language = optional(options, "language") ? SerdeValues.string(options.get("language")) : null;
        Boolean lowercase = optional(options, "lowercase") ? SerdeValues.bool(options.get("lowercase")) : null;
        Boolean asciiFolding = optional(options, "ascii_folding")
                ? SerdeValues.bool(options.get("ascii_folding")) : null;
        StopwordsSpec stopwords = optional(options, "stopwords") ? stopwords(options.get("stopwords")) : null;
        Languages.Snowball stemmer = optional(options, "stemmer") ? stemmer(options.get("stemmer")) : null;
        Long minTokenLen = optional(options, "min_token_len") ? SerdeValues.usize(options.get("min_token_len")) : null;
        Long maxTokenLen = optional(options, "max_token_len") ? SerdeValues.usize(options.get("max_token_len")) : null;

        boolean lower = lowercase == null || lowercase;
        String lang = language == null ? DEFAULT_LANGUAGE : language;
        // an unknown language (e.g. "none") silently means no default stemmer and no default stopwords
        Languages.Snowball snowball = stemmer != null ? stemmer : Languages.Snowball.parse(lang);
        if (stopwords == null) {
            Languages.Stopwords listed = Languages.Stopwords.parse(lang);
            stopwords = new StopwordsSpec(listed == null ? List.of() : List.of(listed), List.of());
        }
        StopwordsFilter filter = stopwords.languages.isEmpty() && stopwords.custom.isEmpty()
                ? StopwordsFilter.none() : StopwordsFilter.of(stopwords.languages, stopwords.custom, lower);
        TextPipeline pipeline = new TextPipeline(tokenizer, lower, asciiFolding != null && asciiFolding, filter,
                snowball == null ? null : new SnowballStemming(snowball), minTokenLen, maxTokenLen);
        return new Bm25(k, b, avgLen, pipeline);
    }

    // Option<_> fields: absent or null is None
    private static boolean optional(Map<String, Value> options, String key) {
        return options.containsKey(key) && !isNull(options.get(key));
    }

    private static TextPipeline.Tokenizer tokenizer(Value value) {
        if (value.getKindCase() != Value.KindCase.STRING_VALUE) {
            throw SerdeValues.invalidType(value, "string or map");
        }
        for (TextPipeline.Tokenizer tokenizer : TextPipeline.Tokenizer.values()) {
            if (tokenizer.serdeName().equals(value.getStringValue())) {
                return tokenizer;
            }
        }
        throw invalid("unknown variant `" + value.getStringValue()
                + "`, expected one of `prefix`, `whitespace`, `word`, `multilingual`");
    }

    private record StopwordsSpec(List<Languages.Stopwords> languages, List<String> custom) {
    }

    /** {@code StopwordsInterface}: untagged, a language name or a {@code StopwordsSet} (map or sequence). */
    private static StopwordsSpec stopwords(Value value) {
        StopwordsSpec spec = switch (value.getKindCase()) {
            case STRING_VALUE -> {
                Languages.Stopwords language = Languages.Stopwords.parse(value.getStringValue());
                yield language == null ? null : new StopwordsSpec(List.of(language), List.of());
            }
            case STRUCT_VALUE -> {
                Struct fields = value.getStructValue();
                yield stopwordsSet(fields.getFieldsOrDefault("languages", null),
                        fields.getFieldsOrDefault("custom", null));
            }
            case LIST_VALUE -> {
                ListValue list = value.getListValue();
                yield list.getValuesCount() > 2 ? null : stopwordsSet(
                        list.getValuesCount() > 0 ? list.getValues(0) : null,
                        list.getValuesCount() > 1 ? list.getValues(1) : null);
            }
            default -> null;
        };
        if (spec == null) {
            throw invalid("data did not match any variant of untagged enum StopwordsInterface");
        }
        return spec;
    }

    private static StopwordsSpec stopwordsSet(Value languages, Value custom) {
        List<String> languageNames = strings(languages);
        List<String> words = strings(custom);
        if (languageNames == null || words == null) {
            return null;
        }
        List<Languages.Stopwords> parsed = new ArrayList<>();
        for (String name : languageNames) {
            Languages.Stopwords language = Languages.Stopwords.parse(name);
            if (language == null) {
                return null;
            }
            parsed.add(language);
        }
        return new StopwordsSpec(parsed, words);
    }

    // Option<BTreeSet<String>>: absent or null is empty; null (not a list of strings) is a mismatch
    private static List<String> strings(Value value) {
        if (value == null || isNull(value)) {
            return List.of();
        }
        if (value.getKindCase() != Value.KindCase.LIST_VALUE) {
            return null;
        }
        List<String> strings = new ArrayList<>();
        for (Value item : value.getListValue().getValuesList()) {
            if (item.getKindCase() != Value.KindCase.STRING_VALUE) {
                return null;
            }
            strings.add(item.getStringValue());
        }
        return strings;
    }

    /** {@code StemmingAlgorithm}: untagged, only {@code {"type": "snowball", "language": <SnowballLanguage>}}. */
    private static Languages.Snowball stemmer(Value value) {
        Value type = null;
        Value language = null;
        if (value.getKindCase() == Value.KindCase.STRUCT_VALUE) {
            type = value.getStructValue().getFieldsOrDefault("type", null);
            language = value.getStructValue().getFieldsOrDefault("language", null);
        } else if (value.getKindCase() == Value.KindCase.LIST_VALUE && value.getListValue().getValuesCount() == 2) {
            type = value.getListValue().getValues(0);
            language = value.getListValue().getValues(1);
        }
        Languages.Snowball parsed = type != null && language != null
                && type.getKindCase() == Value.KindCase.STRING_VALUE && "snowball".equals(type.getStringValue())
                && language.getKindCase() == Value.KindCase.STRING_VALUE
                ? Languages.Snowball.parse(language.getStringValue()) : null;
        if (parsed == null) {
            throw invalid("data did not match any variant of untagged enum StemmingAlgorithm");
        }
        return parsed;
    }
}
