package io.github.qdrantscope.embedded.inference;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** whatlang 0.18.0's script counting and its Mandarin/Japanese rule, as multilingual.rs and charabia use them. */
class WhatlangCountsTest {

    @Test
    void aCharacterInTwoScriptsCountsForTheOneFoundLastNearTheFront() {
        // U+1D2B is in is_latin's and is_cyrillic's ranges: Latin is tested first until a Cyrillic letter moves
        // Cyrillic one place forward (raw_detect_script's swap)
        assertThat(WhatlangCounts.of("\u1D2B").main()).isEqualTo(WhatlangScript.LATIN);
        WhatlangCounts counts = WhatlangCounts.of("ж\u1D2B");
        assertThat(counts.count(WhatlangScript.CYRILLIC)).isEqualTo(2);
        assertThat(counts.count(WhatlangScript.LATIN)).isZero();
        assertThat(WhatlangCounts.of("\u1D2Bж").count(WhatlangScript.LATIN)).isEqualTo(1);
    }

    @Test
    void stopCharactersCountForNoScriptAndATieGoesToTheScriptNearestTheFront() {
        assertThat(WhatlangCounts.of("1234567890-,;! ").main()).isNull();
        assertThat(WhatlangCounts.of("Hello, мир!").main()).isEqualTo(WhatlangScript.LATIN);
        // Latin starts in front of Cyrillic; a Cyrillic letter moves Cyrillic ahead, a later Latin one moves
        // Latin back in front
        assertThat(WhatlangCounts.of("ab жз").main()).isEqualTo(WhatlangScript.CYRILLIC);
        assertThat(WhatlangCounts.of("a жз b").main()).isEqualTo(WhatlangScript.LATIN);
        // Armenian starts last and moves one place per letter
        assertThat(WhatlangCounts.of("Հ a").main()).isEqualTo(WhatlangScript.LATIN);
    }

    @Test
    void mandarinIsJapaneseWhenMoreThanFivePercentOfItsHanAndKanaAreKana() {
        // the texts of multilingual.rs's test_lang_detection: Japanese, then traditional and simplified Chinese
        WhatlangCounts japanese = WhatlangCounts.of("日本語のテキストです。Qdrantのコードで単体テストで使用されています。");
        assertThat(japanese.main()).isEqualTo(WhatlangScript.HIRAGANA);
        assertThat(japanese.japanese()).isTrue();
        assertThat(WhatlangCounts.of("這是一段德文文本。它用於 Qdrant 程式碼的單元測試中。").japaneseOverMandarin()).isFalse();
        assertThat(WhatlangCounts.of("这是一段德语文本。它用于 Qdrant 代码的单元测试中。").japaneseOverMandarin()).isFalse();
        // 1 kana of 20 is 5%, not more; 1 of 19 is
        assertThat(WhatlangCounts.of("水".repeat(19) + "の").japaneseOverMandarin()).isFalse();
        assertThat(WhatlangCounts.of("水".repeat(18) + "の").japaneseOverMandarin()).isTrue();
    }
}
