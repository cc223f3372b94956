package io.github.qdrantscope.embedded.inference;

import io.github.qdrantscope.embedded.storage.QdrantErrors;
import io.qdrant.client.grpc.Collections.StopwordsSet;
import io.qdrant.client.grpc.Collections.TextIndexParams;
import io.qdrant.client.grpc.Collections.TokenizerType;
import java.util.ArrayList;
import java.util.List;

/**
 * The tokenizer of a full-text payload index, Qdrant 1.17's {@code Tokenizer::new_from_text_index_params}
 * ({@code full_text_index/tokenizers/mod.rs}) over the BM25 {@link TextPipeline}. Defaults as 1.17:
 * {@code lowercase} true, {@code ascii_folding} false, no stopwords, no stemmer, no length bounds,
 * {@code phrase_matching} false. The gRPC conversion ({@code lib/api/src/grpc/conversions.rs},
 * {@code TryFrom<StopwordsSet>}) lowercases custom stopwords whatever {@code lowercase} says.
 */
public final class FullTextTokens {

    private final TextPipeline query;
    private final TextPipeline prefixWords;
    private final int minPrefix;
    private final long maxPrefix;
    private final boolean phraseMatching;

    private FullTextTokens(TextPipeline query, TextPipeline prefixWords, int minPrefix, long maxPrefix,
            boolean phraseMatching) {
        this.query = query;
        this.prefixWords = prefixWords;
        this.minPrefix = minPrefix;
        this.maxPrefix = maxPrefix;
        this.phraseMatching = phraseMatching;
    }

    /**
     * Refuses the params Qdrant 1.17's gRPC conversion refuses before it creates the index
     * ({@code TryFrom<TextIndexParams>}, {@code TryFrom<StopwordsSet>} and {@code TryFrom<StemmingParams>} in
     * {@code lib/api/src/grpc/conversions.rs}): the tokenizer {@code Unknown} (the proto default, so a
     * {@code TextIndexParams} without a tokenizer too), a stopword language or a stemmer language it does not
     * know. The stopword text after {@code unknown language: } is serde_json's error, modelled here.
     *
     * @throws io.grpc.StatusRuntimeException {@code INVALID_ARGUMENT} naming what was wrong
     */
    public static void validate(TextIndexParams params) {
        if (params.getTokenizer() != TokenizerType.Prefix && params.getTokenizer() != TokenizerType.Whitespace
                && params.getTokenizer() != TokenizerType.Word
                && params.getTokenizer() != TokenizerType.Multilingual) {
            throw QdrantErrors.invalidArgument("unknown tokenizer type");
        }
        for (String name : params.getStopwords().getLanguagesList()) {
            if (Languages.Stopwords.parse(name) == null) {
                throw QdrantErrors.invalidArgument("unknown language: " + Languages.unknownStopwordsLanguage(name));
            }
        }
        if (params.getStemmer().hasSnowball()) {
            String language = params.getStemmer().getSnowball().getLanguage();
            if (Languages.Snowball.parse(language) == null) {
                throw QdrantErrors.invalidArgument("Language " + debugQuoted(language) + " not found.");
            }
        }
    }

    /**
     * The tokenizer an index with these params uses (params {@link #validate} accepted when the index was made).
     */
    public static FullTextTokens of(TextIndexParams params) {
        boolean lowercase = !params.hasLowercase() || params.getLowercase();
        boolean folding = params.hasAsciiFolding() && params.getAsciiFolding();
        StopwordsFilter stopwords = stopwords(params, lowercase);
        SnowballStemming stemmer = stemmer(params);
        Long min = params.hasMinTokenLen() ? params.getMinTokenLen() : null;
        Long max = params.hasMaxTokenLen() ? params.getMaxTokenLen() : null;
        TextPipeline.Tokenizer tokenizer = tokenizer(params.getTokenizer());
        TextPipeline query = new TextPipeline(tokenizer, lowercase, folding, stopwords, stemmer, min, max);
        // PrefixTokenizer::tokenize runs process_token(word, check_max_len = false) on the words the word
        // tokenizer splits, then cuts every prefix from min_token_len (default 1) to max_token_len
        TextPipeline words = tokenizer == TextPipeline.Tokenizer.PREFIX
                ? new TextPipeline(TextPipeline.Tokenizer.WORD, lowercase, folding, stopwords, stemmer, min, null)
                : null;
        return new FullTextTokens(query, words, min == null ? 1 : (int) Math.min(min, Integer.MAX_VALUE),
                max == null ? Long.MAX_VALUE : max, params.hasPhraseMatching() && params.getPhraseMatching());
    }

    /** {@code tokenize_doc}: the tokens a stored string is indexed under, in order (the prefix tokenizer: every prefix). */
    public List<String> document(String text) {
        if (prefixWords == null) {
            return query.tokenize(text);
        }
        List<String> tokens = new ArrayList<>();
        for (String word : prefixWords.tokenize(text)) {
            int length = word.codePointCount(0, word.length());
            for (long n = minPrefix; n <= maxPrefix; n++) {
                if (n >= length) {
                    tokens.add(word);
                    break;
                }
                tokens.add(word.substring(0, word.offsetByCodePoints(0, (int) n)));
            }
        }
        return tokens;
    }

    /** {@code tokenize_query}: the tokens of a {@code text} or {@code text_any} condition. */
    public List<String> query(String text) {
        return query.tokenize(text);
    }

    /** Whether the index keeps token positions ({@code phrase_matching}), without which no phrase matches. */
    public boolean phraseMatching() {
        return phraseMatching;
    }

    // Rust's {:?} of a String for the common characters: quoted, with \\, \" and the \n \r \t escapes
    private static String debugQuoted(String value) {
        return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n")
                .replace("\r", "\\r").replace("\t", "\\t") + '"';
    }

    // an index that exists passed validate(), so Unknown never reaches here but for the default params of an
    // index created with field_type Text and no params (serde's default, word)
    private static TextPipeline.Tokenizer tokenizer(TokenizerType type) {
        return switch (type) {
            case Prefix -> TextPipeline.Tokenizer.PREFIX;
            case Whitespace -> TextPipeline.Tokenizer.WHITESPACE;
            case Multilingual -> TextPipeline.Tokenizer.MULTILINGUAL;
            default -> TextPipeline.Tokenizer.WORD;
        };
    }

    private static StopwordsFilter stopwords(TextIndexParams params, boolean lowercase) {
        if (!params.hasStopwords()) {
            return StopwordsFilter.none();
        }
        StopwordsSet set = params.getStopwords();
        List<Languages.Stopwords> languages = new ArrayList<>();
        for (String name : set.getLanguagesList()) {
            Languages.Stopwords language = Languages.Stopwords.parse(name);
            if (language != null) {
                languages.add(language);
            }
        }
        List<String> custom = new ArrayList<>();
        set.getCustomList().forEach(word -> custom.add(RustCase.lowercase(word)));
        return languages.isEmpty() && custom.isEmpty() ? StopwordsFilter.none()
                : StopwordsFilter.of(languages, custom, lowercase);
    }

    private static SnowballStemming stemmer(TextIndexParams params) {
        if (!params.hasStemmer() || !params.getStemmer().hasSnowball()) {
            return null;
        }
        Languages.Snowball language = Languages.Snowball.parse(params.getStemmer().getSnowball().getLanguage());
        return language == null ? null : new SnowballStemming(language);
    }
}
