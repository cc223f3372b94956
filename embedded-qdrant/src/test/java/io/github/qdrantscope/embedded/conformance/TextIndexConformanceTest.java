package io.github.qdrantscope.embedded.conformance;

import static io.github.qdrantscope.embedded.conformance.Payloads.payload;
import static io.qdrant.client.ConditionFactory.matchKeyword;
import static io.qdrant.client.ConditionFactory.matchPhrase;
import static io.qdrant.client.ConditionFactory.matchText;
import static io.qdrant.client.ConditionFactory.matchTextAny;
import static io.qdrant.client.ConditionFactory.nested;
import static io.qdrant.client.QueryFactory.nearest;
import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Status;
import io.qdrant.client.grpc.Collections.Distance;
import io.qdrant.client.grpc.Collections.PayloadIndexParams;
import io.qdrant.client.grpc.Collections.PayloadSchemaType;
import io.qdrant.client.grpc.Collections.SnowballParams;
import io.qdrant.client.grpc.Collections.StemmingAlgorithm;
import io.qdrant.client.grpc.Collections.StopwordsSet;
import io.qdrant.client.grpc.Collections.TextIndexParams;
import io.qdrant.client.grpc.Collections.TokenizerType;
import io.qdrant.client.grpc.Common.Condition;
import io.qdrant.client.grpc.Common.Filter;
import io.qdrant.client.grpc.Points.QueryPoints;
import io.qdrant.client.grpc.Points.UpsertPoints;
import io.qdrant.client.grpc.SnapshotsService.SnapshotDescription;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Full-text conditions on a key with a text index, as Qdrant 1.17 answers them through the index
 * ({@code get_match_text_checker} in {@code index/query_optimization/condition_converter/match_converter.rs},
 * {@code full_text_index/inverted_index/mod.rs}, {@code full_text_index/tokenizers/mod.rs}): both sides tokenized
 * with the index's tokenizer; and the substring reading of {@code condition_checker.rs} wherever the key has no
 * text index at the time of the request. Each test builds its own collection of the same seven points.
 */
class TextIndexConformanceTest extends ConformanceTestBase {

    private String seven() {
        String c = newCollection(2, Distance.Dot);
        upsert(c,
                point(1, new float[] {1, 0}, payload("t", "The Quick brown FOX jumps")),
                point(2, new float[] {2, 0}, payload("t", "quick foxes running")),
                point(3, new float[] {3, 0}, payload("t", List.of("lazy dog", "Café au lait"))),
                point(4, new float[] {4, 0}, payload("t", "naïve résumé")),
                point(5, new float[] {5, 0}, payload("t", 7)),
                point(6, new float[] {6, 0}, payload("other", "quick")),
                point(7, new float[] {7, 0}, payload("t", "runs extraordinary")));
        return c;
    }

    private void index(String c, TextIndexParams params) {
        await(client.createPayloadIndexAsync(c, "t", PayloadSchemaType.Text,
                PayloadIndexParams.newBuilder().setTextIndexParams(params).build(), true, null, null));
    }

    private static TextIndexParams.Builder tokenizer(TokenizerType type) {
        return TextIndexParams.newBuilder().setTokenizer(type);
    }

    private List<Object> ids(String c, Condition... must) {
        return scrollIds(c, Filter.newBuilder().addAllMust(List.of(must)).build());
    }

    @Test
    void aNestedConditionChecksEachValueWithTheIndexUnderItsArray() {
        String c = newCollection(2, Distance.Dot);
        upsert(c,
                point(1, new float[] {1, 0}, payload("items", List.of(Map.of("t", "The quick brown FOX")))),
                point(2, new float[] {2, 0}, payload("items", List.of(Map.of("t", List.of("quick", "fox"))))),
                point(3, new float[] {3, 0}, payload("items", List.of(Map.of("t", "quick"), Map.of("t", "fox")))),
                point(4, new float[] {4, 0}, payload("items", List.of(Map.of("t", "goodness only")))));
        // query_checker.rs: a nested check gets the indexes under `items[]` keyed by the rest of their path
        // (select_nested_indexes), and check_field_condition asks the index about each value on its own
        // (special_check_condition); default params: word tokenizer, lowercase, no phrase_matching
        await(client.createPayloadIndexAsync(c, "items[].t", PayloadSchemaType.Text,
                PayloadIndexParams.newBuilder().setTextIndexParams(tokenizer(TokenizerType.Word)).build(), true,
                null, null));
        assertThat(ids(c, nested("items", matchText("t", "QUICK")))).containsExactly(1L, 2L, 3L);
        // each string is a document of its own: only point 1 has both words in one value...
        assertThat(ids(c, nested("items", matchText("t", "quick fox")))).containsExactly(1L);
        // ...while outside a nested condition the index's document is all of a point's strings
        // (get_match_text_checker over the inverted index)
        assertThat(ids(c, matchText("items[].t", "quick fox"))).containsExactly(1L, 2L, 3L);
        // the value check tokenizes the value itself, so a phrase needs no positions there; the index has none
        assertThat(ids(c, nested("items", matchPhrase("t", "brown fox")))).containsExactly(1L);
        assertThat(ids(c, matchPhrase("items[].t", "brown fox"))).isEmpty();
        // 1.17's special_check_condition has no text_any arm: the payload's substring check answers it
        // (qdrant/qdrant#8936, fixed after 1.17), so "good" finds "goodness" there and not through the index
        assertThat(ids(c, nested("items", matchTextAny("t", "good")))).containsExactly(4L);
        assertThat(ids(c, matchTextAny("items[].t", "good"))).isEmpty();
        // an index on `items.t` is not under `items[]`: the nested condition reads substrings
        String plain = newCollection(2, Distance.Dot);
        upsert(plain, point(1, new float[] {1, 0}, payload("items", List.of(Map.of("t", "The quick brown FOX")))));
        await(client.createPayloadIndexAsync(plain, "items.t", PayloadSchemaType.Text,
                PayloadIndexParams.newBuilder().setTextIndexParams(tokenizer(TokenizerType.Word)).build(), true,
                null, null));
        assertThat(ids(plain, nested("items", matchText("t", "fox")))).isEmpty();
        assertThat(ids(plain, nested("items", matchText("t", "FOX")))).containsExactly(1L);
    }

    @Test
    void theIndexInPlaceAtQueryTimeDecides() {
        String c = seven();
        // no index: case-sensitive substrings (condition_checker.rs: stored.contains(text))
        assertThat(ids(c, matchText("t", "quick"))).containsExactly(2L);
        assertThat(ids(c, matchText("t", "fox"))).containsExactly(2L);

        // created after the points, default params: word tokenizer, lowercase (tokenizers/mod.rs
        // new_from_text_index_params: lowercase.unwrap_or(true)); "foxes" is a token of its own
        createIndex(c, "t", PayloadSchemaType.Text);
        assertThat(ids(c, matchText("t", "quick"))).containsExactly(1L, 2L);
        assertThat(ids(c, matchText("t", "fox"))).containsExactly(1L);
        assertThat(ids(c, matchText("t", "QUICK, fox!"))).containsExactly(1L);

        await(client.deletePayloadIndexAsync(c, "t", true, null, null));
        assertThat(ids(c, matchText("t", "quick"))).containsExactly(2L);

        index(c, tokenizer(TokenizerType.Word).setLowercase(false).build());
        assertThat(ids(c, matchText("t", "quick"))).containsExactly(2L);
        assertThat(ids(c, matchText("t", "Quick"))).containsExactly(1L);
        assertThat(ids(c, matchText("t", "uick"))).isEmpty();
    }

    @Test
    void textNeedsEveryTokenTextAnyOneAndTheDocumentIsEveryStringAtTheKey() {
        String c = seven();
        createIndex(c, "t", PayloadSchemaType.Text);
        // MutableFullTextIndex::add_many: the tokens of all strings of an array form one document; an integer
        // is not indexed (FullTextIndex::get_value takes strings only)
        assertThat(ids(c, matchText("t", "dog lait"))).containsExactly(3L);
        assertThat(ids(c, matchText("t", "7"))).isEmpty();
        assertThat(ids(c, matchText("t", "dog fox"))).isEmpty();
        assertThat(ids(c, matchTextAny("t", "dog fox nothing"))).containsExactly(1L, 3L);
        // a query without tokens matches nothing (TokenSet::has_subset / has_any of an empty set)
        assertThat(ids(c, matchText("t", "!?"))).isEmpty();
        assertThat(ids(c, matchTextAny("t", ""))).isEmpty();
        assertThat(scrollIds(c, Filter.newBuilder().addMustNot(matchText("t", "")).build()))
                .containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
    }

    @Test
    void countQueryAndDeleteByFilterReadTheIndexToo() {
        String c = seven();
        createIndex(c, "t", PayloadSchemaType.Text);
        Filter quick = Filter.newBuilder().addMust(matchText("t", "QUICK")).build();
        assertThat(await(client.countAsync(c, quick, true))).isEqualTo(2L);
        assertThat(idsOf(await(client.queryAsync(QueryPoints.newBuilder().setCollectionName(c)
                .setQuery(nearest(1f, 0f)).setFilter(quick).setLimit(10).build())))).containsExactly(2L, 1L);
        await(client.deleteAsync(c, quick));
        assertThat(scrollIds(c, null)).containsExactly(3L, 4L, 5L, 6L, 7L);
    }

    @Test
    void anUpdateFilterReadsTheIndex() {
        String c = seven();
        createIndex(c, "t", PayloadSchemaType.Text);
        // segment_ops.rs select_excluded_by_filter_ids: the points the filter excludes come from read_filtered
        Filter quick = Filter.newBuilder().addMust(matchText("t", "QUICK")).build();
        for (long id : new long[] {2, 4}) {
            await(client.upsertAsync(UpsertPoints.newBuilder().setCollectionName(c).setWait(true).setUpdateFilter(quick)
                    .addPoints(point(id, new float[] {0, 1}, payload("t", "replaced"))).build()));
        }
        assertThat(ids(c, matchText("t", "replaced"))).containsExactly(2L);
    }

    @Test
    void thePrefixTokenizerIndexesEveryPrefix() {
        String c = seven();
        // PrefixTokenizer::tokenize (documents) emits every prefix; tokenize_query keeps the query word whole
        index(c, tokenizer(TokenizerType.Prefix).setPhraseMatching(true).build());
        assertThat(ids(c, matchText("t", "qui"))).containsExactly(1L, 2L);
        assertThat(ids(c, matchText("t", "fox"))).containsExactly(1L, 2L);
        assertThat(ids(c, matchText("t", "foxes"))).containsExactly(2L);
        assertThat(ids(c, matchTextAny("t", "laz zzz"))).containsExactly(3L);
        // a phrase is tokenized as a document: "quick fox" is q..quick f fo fox, in "quick foxes" too
        assertThat(ids(c, matchPhrase("t", "quick fox"))).containsExactly(2L);
        assertThat(ids(c, matchPhrase("t", "brown fox"))).containsExactly(1L);
    }

    @Test
    void phrasesNeedPhraseMatching() {
        String c = seven();
        createIndex(c, "t", PayloadSchemaType.Text);
        // without positions "cannot do phrase matching" (inverted index check_has_phrase): nothing matches
        assertThat(ids(c, matchPhrase("t", "brown fox"))).isEmpty();

        await(client.deletePayloadIndexAsync(c, "t", true, null, null));
        index(c, tokenizer(TokenizerType.Word).setPhraseMatching(true).build());
        assertThat(ids(c, matchPhrase("t", "BROWN fox"))).containsExactly(1L);
        assertThat(ids(c, matchPhrase("t", "fox brown"))).isEmpty();
        // 1.17 concatenates the array's tokens, so a phrase runs on into the next string (qdrant/qdrant#8937)
        assertThat(ids(c, matchPhrase("t", "dog café"))).containsExactly(3L);
        assertThat(ids(c, matchPhrase("t", "..."))).isEmpty();
    }

    @Test
    void stopwordsStemmingAndAsciiFolding() {
        String c = seven();
        index(c, tokenizer(TokenizerType.Word).setAsciiFolding(true)
                .setStopwords(StopwordsSet.newBuilder().addLanguages("english"))
                .setStemmer(StemmingAlgorithm.newBuilder().setSnowball(SnowballParams.newBuilder()
                        .setLanguage("english"))).setPhraseMatching(true).build());
        assertThat(ids(c, matchText("t", "the quick"))).containsExactly(1L, 2L);
        assertThat(ids(c, matchText("t", "the"))).isEmpty();
        assertThat(ids(c, matchText("t", "running"))).containsExactly(2L, 7L);
        assertThat(ids(c, matchText("t", "cafe"))).containsExactly(3L);
        assertThat(ids(c, matchText("t", "RESUME naive"))).containsExactly(4L);
        // stopwords leave the phrase as they leave the document: "quick the brown" is quick brown
        assertThat(ids(c, matchPhrase("t", "quick the brown"))).containsExactly(1L);
    }

    @Test
    void customStopwordsAreLowercasedEvenWithoutLowercase() {
        String c = seven();
        // conversions.rs TryFrom<StopwordsSet>: custom.into_iter().map(|word| word.to_lowercase())
        index(c, tokenizer(TokenizerType.Word).setLowercase(false)
                .setStopwords(StopwordsSet.newBuilder().addCustom("Lait")).build());
        assertThat(ids(c, matchText("t", "lait"))).isEmpty();
        assertThat(ids(c, matchText("t", "Lait"))).isEmpty();
        assertThat(ids(c, matchText("t", "Café"))).containsExactly(3L);
    }

    @Test
    void tokenLengthBounds() {
        String c = seven();
        // process_token drops tokens outside min/max_token_len, from documents and queries alike
        index(c, tokenizer(TokenizerType.Word).setMinTokenLen(4).setMaxTokenLen(6).build());
        assertThat(ids(c, matchText("t", "runs"))).containsExactly(7L);
        assertThat(ids(c, matchText("t", "extraordinary"))).isEmpty();
        assertThat(ids(c, matchText("t", "dog"))).isEmpty();
        assertThat(ids(c, matchTextAny("t", "dog quick"))).containsExactly(1L, 2L);
    }

    @Test
    void aMultilingualIndexSegmentsAsCharabiaAndVaporettoDo() {
        String c = seven();
        index(c, tokenizer(TokenizerType.Multilingual).build());
        assertThat(await(client.getCollectionInfoAsync(c)).getPayloadSchemaMap().get("t").getDataType())
                .isEqualTo(PayloadSchemaType.Text);
        // tokenizers/multilingual.rs: charabia's Latin normalizers decompose (NFKD) and delete nonspacing marks,
        // so "naïve résumé" is indexed as "naive" "resume" (the word tokenizer keeps the accents)
        assertThat(ids(c, matchText("t", "resume NAIVE"))).containsExactly(4L);
        assertThat(ids(c, matchText("t", "cafe"))).containsExactly(3L);
        assertThat(ids(c, matchText("t", "quick"))).containsExactly(1L, 2L);
        // only full-text conditions read the tokenizer
        assertThat(ids(c, matchKeyword("t", "naïve résumé"))).containsExactly(4L);
        // Han text is cut with jieba's dictionary (charabia's Chinese segmenter): 狐狸 fox is 狐狸 and fox, so
        // neither 狐 nor 快速 (a word of no text) matches; fox is also point 1's FOX, lowercased (point 2 has foxes)
        upsert(c, point(8, new float[] {8, 0}, payload("t", "狐狸 fox")));
        assertThat(ids(c, matchText("t", "fox"))).containsExactly(1L, 8L);
        assertThat(ids(c, matchText("t", "狐狸"))).containsExactly(8L);
        assertThat(ids(c, matchText("t", "狐"))).isEmpty();
        assertThat(ids(c, matchText("t", "快速"))).isEmpty();
        // Thai is cut with charabia's dictionary (thai.rs's own test: ภาษาไทย | ง่าย | นิดเดียว), then loses its
        // nonspacing marks (ง่าย is indexed as งาย, and so is the query): the whole word matches, a part does not
        upsert(c, point(9, new float[] {9, 0}, payload("t", "ภาษาไทยง่ายนิดเดียว fox")));
        assertThat(ids(c, matchText("t", "ภาษาไทย"))).containsExactly(9L);
        assertThat(ids(c, matchText("t", "ง่าย"))).containsExactly(9L);
        assertThat(ids(c, matchText("t", "ภาษา"))).isEmpty();
        // a text whatlang finds Japanese is cut by vaporetto (japanese.rs's own test: ... テスト | で | 単体 |
        // テスト ...): 単体 is a token, 単 alone is not
        upsert(c, point(10, new float[] {10, 0},
                payload("t", "日本語のテキストです。Qdrantのコードで単体テストで使用されています。")));
        assertThat(ids(c, matchText("t", "単体 テスト"))).containsExactly(10L);
        assertThat(ids(c, matchText("t", "単"))).isEmpty();
        assertThat(ids(c, matchText("t", "fox"))).containsExactly(1L, 8L, 9L);
        await(client.deletePayloadIndexAsync(c, "t", true, null, null));
        assertThat(ids(c, matchText("t", "fox"))).containsExactly(2L, 8L, 9L);
    }

    @Test
    void paramsTheGrpcConversionRefusesCreateNoIndex() {
        String c = seven();
        // conversions.rs TryFrom<TextIndexParams>: the proto default tokenizer (Unknown) is refused, so params
        // without a tokenizer are too
        assertGrpcError(() -> index(c, TextIndexParams.newBuilder().setLowercase(true).build()),
                Status.Code.INVALID_ARGUMENT, "unknown tokenizer type");
        // TryFrom<StemmingParams>: Status::invalid_argument(format!("Language {:?} not found.", language))
        assertGrpcError(() -> index(c, tokenizer(TokenizerType.Word).setStemmer(StemmingAlgorithm.newBuilder()
                .setSnowball(SnowballParams.newBuilder().setLanguage("klingon"))).build()),
                Status.Code.INVALID_ARGUMENT, "Language \"klingon\" not found.");
        // TryFrom<StopwordsSet>: "unknown language: " and serde_json's error of Language::from_str
        assertThat(grpcError(() -> index(c, tokenizer(TokenizerType.Word).setStopwords(StopwordsSet.newBuilder()
                .addLanguages("english").addLanguages("Klingon")).build()))).satisfies(status -> {
                    assertThat(status.getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
                    assertThat(status.getDescription()).startsWith(
                            "unknown language: unknown variant `Klingon`, expected one of `arabic`, ");
                });
        assertThat(await(client.getCollectionInfoAsync(c)).getPayloadSchemaMap()).doesNotContainKey("t");
        // nothing was indexed, so conditions still read substrings
        assertThat(ids(c, matchText("t", "quick"))).containsExactly(2L);
    }

    @Test
    void aRestoredSnapshotKeepsTheTextIndex() {
        String c = seven();
        createIndex(c, "t", PayloadSchemaType.Text);
        SnapshotDescription snapshot = await(client.createSnapshotAsync(c));
        String copy = uniqueName("copy");
        server.restoreSnapshot(server.snapshotsDirectory().resolve(c).resolve(snapshot.getName()), copy);
        assertThat(ids(copy, matchText("t", "quick"))).containsExactly(1L, 2L);
    }
}
