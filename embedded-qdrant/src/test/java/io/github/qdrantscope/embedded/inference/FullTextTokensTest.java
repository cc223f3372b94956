package io.github.qdrantscope.embedded.inference;

import static org.assertj.core.api.Assertions.assertThat;

import io.qdrant.client.grpc.Collections.StopwordsSet;
import io.qdrant.client.grpc.Collections.TextIndexParams;
import io.qdrant.client.grpc.Collections.TokenizerType;
import org.junit.jupiter.api.Test;

/**
 * The index tokenizer's two sides. Expected tokens are those of the tests in Qdrant's
 * {@code full_text_index/tokenizers/mod.rs} ({@code test_prefix_tokenizer}, {@code test_prefix_query_tokenizer},
 * {@code test_tokenizer}) where one exists.
 */
class FullTextTokensTest {

    private static TextIndexParams.Builder params(TokenizerType tokenizer) {
        return TextIndexParams.newBuilder().setTokenizer(tokenizer);
    }

    @Test
    void thePrefixTokenizerIndexesEveryPrefixAndQueriesTheLongest() {
        FullTextTokens prefix = FullTextTokens.of(params(TokenizerType.Prefix).setMinTokenLen(1).setMaxTokenLen(4)
                .setLowercase(true).build());
        assertThat(prefix.document("Hello, Мир!")).containsExactly("h", "he", "hel", "hell", "м", "ми", "мир");
        assertThat(prefix.query("hello, мир!")).containsExactly("hell", "мир");
    }

    @Test
    void prefixDocumentsStartAtMinTokenLenAndDropShorterWords() {
        // PrefixTokenizer::tokenize: process_token applies min_token_len to the word, then n-grams from it
        FullTextTokens prefix = FullTextTokens.of(params(TokenizerType.Prefix).setMinTokenLen(3).build());
        assertThat(prefix.document("an apple")).containsExactly("app", "appl", "apple");
        assertThat(prefix.query("ap apple")).containsExactly("apple");
    }

    @Test
    void prefixDocumentsDropStopwordsButQueriesKeepThem() {
        // tokenize_query: "Stopwords filter is not applied here" (a typed prefix may start a longer word)
        FullTextTokens prefix = FullTextTokens.of(params(TokenizerType.Prefix)
                .setStopwords(StopwordsSet.newBuilder().addCustom("the")).build());
        assertThat(prefix.document("the theory")).containsExactly("t", "th", "the", "theo", "theor", "theory");
        assertThat(prefix.query("the")).containsExactly("the");
    }

    @Test
    void defaultsAreTheWordTokenizerLowercasedWithoutPhraseMatching() {
        FullTextTokens defaults = FullTextTokens.of(TextIndexParams.newBuilder().setTokenizer(TokenizerType.Word)
                .build());
        assertThat(defaults.document("Don't STOP-me")).containsExactly("don", "t", "stop", "me");
        assertThat(defaults.phraseMatching()).isFalse();
        FullTextTokens whitespace = FullTextTokens.of(params(TokenizerType.Whitespace).setLowercase(false)
                .setPhraseMatching(true).build());
        assertThat(whitespace.query("Don't STOP-me")).containsExactly("Don't", "STOP-me");
        assertThat(whitespace.phraseMatching()).isTrue();
    }

    @Test
    void theMultilingualTokenizerIsTheInferencesPort() {
        FullTextTokens multilingual = FullTextTokens.of(params(TokenizerType.Multilingual).build());
        // charabia's Latin normalizers (NFKD, nonspacing marks deleted, lowercase) as MultilingualDifferentialTest
        // checks them against Edge
        assertThat(multilingual.document("Naïve RÉSUMÉ, ﬁne")).containsExactly("naive", "resume", "fine");
        // and its Chinese segmentation: charabia's str::tokenize gives 快速, 的, 狐狸 (src/test/rust/chinese_oracle)
        assertThat(multilingual.query("快速的狐狸")).containsExactly("快速", "的", "狐狸");
    }
}
