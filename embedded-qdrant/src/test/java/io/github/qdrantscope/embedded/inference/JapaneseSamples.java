package io.github.qdrantscope.embedded.inference;

import java.util.List;
import java.util.Random;

/**
 * Generated texts for JapaneseDifferentialTest, most of them Japanese to whatlang (kana the main script, or Han
 * with enough kana) and so segmented by vaporetto: Japanese words and sentences, random hiragana, katakana with
 * the long vowel mark ー, half-width katakana, kanji (BMP, extension A, compatibility, astral), the kana block's
 * odd characters (ゟ, ヿ, ・, U+3097-30A0), Japanese punctuation (。、「」・『』【】〜…), Latin words some of them
 * capitalised stopwords or inflected (to meet lowercase, stopwords and the stemmer), fullwidth letters and digits,
 * Greek capital sigma and İ (for Rust's lowercase), digits, emoji and astral characters, spaces, tabs and
 * newlines; now and then a U+0000 (vaporetto refuses the sentence) and a code point Java 17 leaves unassigned.
 */
final class JapaneseSamples {

    private static final List<String> WORDS = List.of("日本語", "テキスト", "です", "東京都", "京都", "大阪", "社長",
            "火星", "猫", "だ", "まぁ", "これ", "は", "テスト", "使用", "されて", "います", "単体", "コード", "の", "で",
            "に", "を", "が", "と", "も", "から", "まで", "より", "私", "あなた", "学校", "先生", "勉強", "します",
            "しました", "食べる", "飲みます", "行きたい", "コンピューター", "プログラミング", "データベース", "ベクトル",
            "検索", "エンジン", "サーバー", "ラーメン", "スーパー", "コーヒー", "ケーキ", "メール", "インターネット",
            "ｶﾀｶﾅ", "ﾃｽﾄ", "ｺｰﾋｰ", "ﾗｰﾒﾝ", "今日", "明日", "天気", "晴れ", "雨", "山田", "太郎", "さん", "様",
            "株式会社", "東京タワー", "富士山", "新幹線", "電車", "駅", "自然言語処理", "形態素解析", "分かち書き",
            "美しい", "楽しかった", "ありがとう", "ございます", "こんにちは", "すみません", "お願いします", "とても",
            "ヴァイオリン", "ゔ", "ゕ", "ヶ", "ヷ", "ヽ", "ゝ", "ゞ", "〆", "々", "〇", "𠮷野家", "𩸽", "ゟ", "ヿ",
            "日本語のテキストです。", "これはテストです", "まぁ社長は火星猫だ", "私は学校で日本語を勉強しました。");
    private static final List<String> LATIN = List.of("Qdrant", "qdrant", "THE", "the", "It", "is", "Running",
            "running", "tests", "vector", "Σίσυφος", "ΟΔΟΣ", "Ölé", "naïve", "İstanbul", "ﬁnance", "ǅemal", "ＡＢＣ",
            "ｑｄｒａｎｔ", "Ｔｈｅ", "１２３", "２０２４年", "3月", "10時", "42", "3.14", "100%", "😀", "👍🏽", "🇯🇵",
            "\uD83C\uDF63");
    private static final List<String> PUNCTUATION = List.of("。", "、", "「", "」", "・", "！", "？", "（", "）", "『",
            "』", "【", "】", "〜", "～", "…", "ー", "ｰ", "･", "｡", "､", "｢", "｣", " ", "  ", "\n", "\t", "　", ".",
            ",", "!", "?", "'", "-", "\r\n");

    private final Random random;

    JapaneseSamples(long seed) {
        this.random = new Random(seed);
    }

    String text() {
        StringBuilder text = new StringBuilder();
        int pieces = 1 + random.nextInt(16);
        for (int i = 0; i < pieces; i++) {
            int kind = random.nextInt(100);
            if (kind < 40) {
                text.append(pick(WORDS));
            } else if (kind < 52) {
                text.append(pick(PUNCTUATION));
            } else if (kind < 60) {
                text.append(pick(LATIN));
            } else if (kind < 68) {
                repeat(text, 1 + random.nextInt(4), 0x3041, 0x3096);
            } else if (kind < 76) {
                for (int n = 1 + random.nextInt(5); n > 0; n--) {
                    text.appendCodePoint(random.nextInt(5) == 0 ? 'ー' : 0x30A1 + random.nextInt(0x30FA - 0x30A1 + 1));
                }
            } else if (kind < 80) {
                repeat(text, 1 + random.nextInt(4), 0xFF66, 0xFF9F);
            } else if (kind < 88) {
                repeat(text, 1 + random.nextInt(3), 0x4E00, 0x9FFF);
            } else if (kind < 92) {
                repeat(text, 1, 0xFF01, 0xFF5E);
            } else if (kind < 98) {
                int[][] ranges = {{0x3000, 0x30FF}, {0x3400, 0x4DBF}, {0xF900, 0xFAFF}, {0x20000, 0x2FA1F},
                        {0x1F300, 0x1FAFF}, {0x80, 0x10FFFF}};
                int[] range = ranges[random.nextInt(ranges.length)];
                repeat(text, 1, range[0], range[1]);
            } else if (kind < 99) {
                text.append('\0');
            } else {
                text.append(random.nextInt(100000));
            }
        }
        return text.toString();
    }

    private void repeat(StringBuilder text, int count, int from, int to) {
        for (int n = 0; n < count; n++) {
            int cp;
            do {
                cp = from + random.nextInt(to - from + 1);
            } while (cp >= 0xD800 && cp <= 0xDFFF);
            text.appendCodePoint(cp);
        }
    }

    private String pick(List<String> list) {
        return list.get(random.nextInt(list.size()));
    }
}
