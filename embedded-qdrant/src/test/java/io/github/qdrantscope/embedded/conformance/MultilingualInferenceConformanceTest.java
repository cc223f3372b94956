package io.github.qdrantscope.embedded.conformance;

import static io.github.qdrantscope.embedded.conformance.SparseFixture.documentPoint;
import static io.github.qdrantscope.embedded.conformance.SparseFixture.storedText;
import static io.qdrant.client.QueryFactory.nearest;
import static org.assertj.core.api.Assertions.assertThat;

import io.qdrant.client.grpc.JsonWithInt.Value;
import io.qdrant.client.grpc.Points.Document;
import io.qdrant.client.grpc.Points.QueryPoints;
import io.qdrant.client.grpc.Points.ScoredPoint;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code qdrant/bm25} with {@code "tokenizer": "multilingual"} ({@code tokenizers/multilingual.rs}: charabia 0.10.0
 * runs by script, separators, NFKD, lowercase, final sigma, marks, then the alphabetic filter and the usual token
 * processing; Chinese runs segmented with jieba's dictionary and normalized with kVariants). Expected indices and
 * weights were read off Qdrant Edge 0.9.0 ({@code edge_bm25.py}), the Chinese tokens off charabia itself (the Rust
 * oracle {@code src/test/rust/chinese_oracle}); texts whose segmentation has no exact port answer UNIMPLEMENTED
 * naming the script.
 */
class MultilingualInferenceConformanceTest extends ConformanceTestBase {

    private static final float ONE_IN_ONE = 1.6877434253692627f;
    private static final float ONE_IN_SEVEN = 1.6608669757843018f;
    private static final float ONE_IN_FOUR = 1.6741974353790283f;
    private static final float ONE_IN_THREE = 1.6786885261535645f;
    private static final float ONE_IN_TWO = 1.6832038164138794f;

    private static Document multilingual(String text) {
        return Document.newBuilder().setText(text).setModel("qdrant/bm25")
                .putOptions("tokenizer", Value.newBuilder().setStringValue("multilingual").build()).build();
    }

    private List<ScoredPoint> query(String collection, Document document) {
        return await(client.queryAsync(QueryPoints.newBuilder().setCollectionName(collection)
                .setQuery(nearest(document)).setUsing("text").build()));
    }

    @Test
    void aMultilingualDocumentGetsQdrantsSparseVector() {
        String c = SparseFixture.empty(client, "multilingual");
        // ο, σοφοσ, λογοσ (Greek run: lowercased, accents dropped, final sigma made σ), cafe, finance (ﬁ
        // decomposed inside a Latin run), привет, мир: 7 tokens, each once
        upsert(c, documentPoint(1, multilingual("Ο ΣΟΦΟΣ λόγος: café, ﬁnance & Привет мир")),
                // ﬁ is of no script, so it stays in the Greek run: σοφοσ, fi, nance (a Latin run) are 3 tokens
                documentPoint(2, multilingual("σοφος ﬁnance")));
        assertThat(storedText(client, c, 1).getIndicesList()).containsExactly(306670862, 984398166, 993413998, 1024202978,
                1030173225, 1230453951, 1235207278);
        assertThat(storedText(client, c, 1).getValuesList()).containsOnly(ONE_IN_SEVEN);
        assertThat(storedText(client, c, 2).getIndicesList()).containsExactly(558929077, 1024202978, 1836344936);
        assertThat(storedText(client, c, 2).getValuesList()).containsOnly(ONE_IN_THREE);
        // the query side tokenizes the same way: σοφοσ is shared by both points, weight 1.0
        List<ScoredPoint> hits = query(c, multilingual("ΣΟΦΟΣ"));
        assertThat(hits).extracting(p -> p.getId().getNum()).containsExactly(2L, 1L);
        assertThat(hits.get(0).getScore()).isEqualTo(ONE_IN_THREE);
        assertThat(hits.get(1).getScore()).isEqualTo(ONE_IN_SEVEN);
    }

    @Test
    void charabiaLowercasesArmenianWhateverTheLowercaseOption() {
        String c = SparseFixture.empty(client, "multilingual");
        // Armenian is of no script for charabia's runs, and whatlang's vote makes the run Armenian, a script
        // charabia's lowercase normalizer covers: բարեվ, հայաստան, as with the option on
        Document document = multilingual("ԲԱՐԵՎ Հայաստան").toBuilder()
                .putOptions("lowercase", Value.newBuilder().setBoolValue(false).build()).build();
        upsert(c, documentPoint(1, document));
        assertThat(storedText(client, c, 1).getIndicesList()).containsExactly(1609523581, 1949173121);
        assertThat(storedText(client, c, 1).getValuesList()).containsOnly(ONE_IN_TWO);
        // one Armenian and one Latin letter in a run: whatlang's tie goes to the script nearer the front of its
        // counting order, Latin (raw_detect_script moves Armenian up one place per letter, from last), so the
        // Latin normalizers delete the accent: հ and e, the tokens Edge 0.9.0 gives (with two Armenian letters
        // the run is Armenian and é keeps its mark)
        upsert(c, documentPoint(2, multilingual("Հ e\u0301").toBuilder()
                .putOptions("lowercase", Value.newBuilder().setBoolValue(false).build()).build()));
        assertThat(storedText(client, c, 2).getIndicesList()).containsExactlyInAnyOrder(1701593959, 1748336692);
    }

    @Test
    void chineseIsCutWithJiebasDictionaryAndItsVariantsNormalized() {
        String c = SparseFixture.empty(client, "multilingual");
        // charabia: qdrant (a Latin run), then jieba's cut of 向量数据库 (向量, 数据库), whose cut_for_search splits
        // 数据库 into 数据 and 库; kVariants make 数 數 and 库 庫: qdrant, 向量, 數据, 庫, each once. 數據 is no
        // dictionary word: 數 and 據, one each
        upsert(c, documentPoint(1, multilingual("Qdrant 向量数据库")), documentPoint(2, multilingual("數據")));
        assertThat(storedText(client, c, 1).getIndicesList()).containsExactly(126267786, 802574768, 1169440797,
                1709084520);
        assertThat(storedText(client, c, 1).getValuesList()).containsOnly(ONE_IN_FOUR);
        assertThat(storedText(client, c, 2).getIndicesList()).containsExactly(1729088212, 1920542659);
        assertThat(storedText(client, c, 2).getValuesList()).containsOnly(ONE_IN_TWO);
        // the query 数据 is one dictionary word, normalized to 數据 as in the first document
        List<ScoredPoint> hits = query(c, multilingual("数据"));
        assertThat(hits).extracting(p -> p.getId().getNum()).containsExactly(1L);
        assertThat(hits.get(0).getScore()).isEqualTo(ONE_IN_FOUR);
    }

    @Test
    void anArabicScriptTieGoesToArabic() {
        String c = SparseFixture.empty(client, "multilingual");
        // no trigram of whatlang's Arabic, Urdu or Persian profiles: the three scores tie, and the sort keeps
        // whatlang's order, so the run is Arabic and Persian's yeh normalization does not apply; Edge 0.9.0 gives
        // the same single index
        upsert(c, documentPoint(1, multilingual("ڤيڤ")));
        assertThat(storedText(client, c, 1).getIndicesList()).containsExactly(1294424342);
    }

    @Test
    void thaiIsSegmentedWithCharabiasDictionary() {
        String c = SparseFixture.empty(client, "multilingual");
        // ภาษาไทย, ง่าย, นิดเดียว, ขันน้ำ are dictionary words; marks deleted after NFKD split ำ, so ง่าย is งาย and
        // ขันน้ำ is ขนนา; the Thai number ๑๒๓ stays whole and has no letter: 4 tokens, each once
        upsert(c, documentPoint(1, multilingual("ภาษาไทยง่ายนิดเดียว ขันน้ำ ๑๒๓")),
                documentPoint(2, multilingual("ขันน้ำ")));
        assertThat(storedText(client, c, 1).getIndicesList()).containsExactly(370557942, 424846584, 643128502,
                1692299489);
        assertThat(storedText(client, c, 1).getValuesList()).containsOnly(ONE_IN_FOUR);
        assertThat(storedText(client, c, 2).getIndicesList()).containsExactly(1692299489);
        List<ScoredPoint> hits = query(c, multilingual("ขันน้ำ"));
        assertThat(hits).extracting(p -> p.getId().getNum()).containsExactly(2L, 1L);
        assertThat(hits.get(0).getScore()).isEqualTo(ONE_IN_ONE);
        assertThat(hits.get(1).getScore()).isEqualTo(ONE_IN_FOUR);
    }
}
