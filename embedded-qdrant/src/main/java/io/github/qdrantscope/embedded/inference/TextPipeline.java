package io.github.qdrantscope.embedded.inference;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntPredicate;

/**
 * Qdrant's full-text tokenizer as BM25 uses it, {@code Tokenizer::tokenize_query}
 * ({@code full_text_index/tokenizers/mod.rs}) over a {@code TokensProcessor} ({@code tokens_processor.rs}):
 * per token ASCII folding, lowercase, stopwords, stemming, then the length bounds, in that order.
 * Qdrant 1.17's {@code bm25.rs} tokenizes documents with {@code tokenize_query} too, so the prefix
 * tokenizer yields one token per word there as well.
 */
final class TextPipeline {

    /** {@code TokenizerType}, serde names in declaration order (the order serde lists them in errors). */
    enum Tokenizer {
        PREFIX, WHITESPACE, WORD, MULTILINGUAL;

        String serdeName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final Tokenizer tokenizer;
    private final boolean lowercase;
    private final boolean asciiFolding;
    private final StopwordsFilter stopwords;
    private final SnowballStemming stemmer;
    private final Long minTokenLen;
    private final Long maxTokenLen;
    private boolean edgeJapanese;

    TextPipeline(Tokenizer tokenizer, boolean lowercase, boolean asciiFolding, StopwordsFilter stopwords,
            SnowballStemming stemmer, Long minTokenLen, Long maxTokenLen) {
        this.tokenizer = tokenizer;
        this.lowercase = lowercase;
        this.asciiFolding = asciiFolding;
        this.stopwords = stopwords;
        this.stemmer = stemmer;
        this.minTokenLen = minTokenLen;
        this.maxTokenLen = maxTokenLen;
    }

    List<String> tokenize(String text) {
        List<String> tokens = new ArrayList<>();
        switch (tokenizer) {
            case WHITESPACE -> split(text, RustUnicode::isWhitespace, piece -> process(piece, tokens));
            case WORD -> split(text, cp -> !RustUnicode.isAlphanumeric(cp), piece -> process(piece, tokens));
            case MULTILINGUAL -> MultilingualTokenizer.tokenize(text, piece -> process(piece, tokens),
                    surface -> japanese(surface, tokens));
            default -> split(text, cp -> !RustUnicode.isAlphanumeric(cp), piece -> prefixQuery(piece, tokens));
        }
        return tokens;
    }

    // process_token_cow with check_max_len = true
    private void process(String piece, List<String> tokens) {
        if (piece.isEmpty()) {
            return;
        }
        String token = normalize(piece);
        if (stopwords.isStopword(token)) {
            return;
        }
        token = stem(token);
        long length = token.codePointCount(0, token.length());
        if (minTokenLen != null && length < minTokenLen || maxTokenLen != null && length > maxTokenLen) {
            return;
        }
        tokens.add(token);
    }

    /**
     * Qdrant 1.17's {@code tokenizers/japanese.rs} (qdrant/qdrant 00bb9b74, version 1.17.0): a vaporetto
     * surface is dropped when the stopword filter holds it as it is (before any lowercasing, so with
     * {@code lowercase} a capitalised stopword stays), else kept, lowercased by {@code str::to_lowercase} if
     * {@code lowercase} is on; no ASCII folding, stemming or length bounds. Qdrant Edge 0.9.0's japanese.rs is
     * later and runs the whole {@code process_token_cow} instead ({@link #withEdgeJapanese}).
     */
    private void japanese(String surface, List<String> tokens) {
        if (edgeJapanese) {
            process(surface, tokens);
            return;
        }
        if (stopwords.isStopword(surface)) {
            return;
        }
        tokens.add(lowercase ? RustCase.lowercase(surface) : surface);
    }

    /**
     * This pipeline with Qdrant Edge 0.9.0's later japanese.rs, which hands vaporetto's surfaces to
     * {@code process_token_cow} like charabia's lemmas; JapaneseDifferentialTest compares it with Edge where
     * options make 1.17's rule and Edge's differ. Never used to serve requests.
     */
    TextPipeline withEdgeJapanese() {
        TextPipeline edge = new TextPipeline(tokenizer, lowercase, asciiFolding, stopwords, stemmer, minTokenLen,
                maxTokenLen);
        edge.edgeJapanese = true;
        return edge;
    }

    // PrefixTokenizer::tokenize_query: no stopwords, and the longest prefix instead of a length filter
    private void prefixQuery(String piece, List<String> tokens) {
        if (piece.isEmpty()) {
            return;
        }
        String token = stem(normalize(piece));
        long length = token.codePointCount(0, token.length());
        if (minTokenLen != null && length < minTokenLen) {
            return;
        }
        if (maxTokenLen != null && length > maxTokenLen) {
            token = token.substring(0, token.offsetByCodePoints(0, (int) Math.min(maxTokenLen, Integer.MAX_VALUE)));
        }
        tokens.add(token);
    }

    private String normalize(String piece) {
        String token = asciiFolding ? AsciiFolding.fold(piece) : piece;
        return lowercase ? RustCase.lowercase(token) : token;
    }

    private String stem(String token) {
        return stemmer == null ? token : stemmer.stem(token);
    }

    private static void split(String text, IntPredicate separator, java.util.function.Consumer<String> piece) {
        int start = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int next = i + Character.charCount(cp);
            if (separator.test(cp)) {
                piece.accept(text.substring(start, i));
                start = next;
            }
            i = next;
        }
        piece.accept(text.substring(start));
    }
}
