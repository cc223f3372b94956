package io.github.qdrantscope.embedded.inference;

import java.util.List;
import java.util.Random;

/**
 * Generated texts rich in Chinese for {@link ChineseDifferentialTest}: words of jieba's dictionary (simplified and
 * traditional, in and out of it, near misses cut short or run on), single ideographs of the Unified, Extension A
 * and B blocks (many with a kVariant), CJK compatibility ideographs, radicals, 〇々〻, a little kana (so that
 * whatlang seldom finds a text Japanese), digits, ASCII words jieba's blocks keep together (C++, AT&T, mp3),
 * fullwidth letters and digits, English and accented Latin words, Chinese and other separators of charabia's
 * table, spaces, control characters, and now and then any code point at all.
 */
final class ChineseSamples {

    private static final List<String> ASCII = List.of("Rust", "iPhone", "AT&T", "C++", "C#", "mp3", "x", "Q", "3D",
            "T恤", "B超", "a.b", "1_2", "50%", "4S店", "GB2312", "h5", "the", "running", "Stations", "A", "ok");
    private static final List<String> LATIN = List.of("café", "Straße", "naïve", "ÉCOLE", "cœur", "ﬁnance", "Привет",
            "σοφος", "ｆｕｌｌ", "ＡＢＣ", "１２３", "Ｒｕｓｔ", "①", "²", "Ⅻ", "™", "😀", "한국어");
    private static final List<String> PUNCTUATION = List.of("，", "。", "、", "；", "：", "！", "？", "「", "」", "『",
            "』", "（", "）", "《", "》", "〈", "〉", "…", "—", "·", "﹐", "﹑", "．", "～", "・");
    private static final List<String> SEPARATORS = CharabiaTables.separators();
    private static final List<String> SPACES = List.of(" ", " ", "\t", "\n", "\u3000", "\u00A0", "\r\n", "\u0001");
    private static final List<String> KANA = List.of("の", "は", "カ", "ア", "ー", "ん", "ッ", "ゝ", "ヽ", "ｶ");

    private final Random random;
    private final JiebaDictionary dictionary = JiebaDictionary.get();

    ChineseSamples(long seed) {
        this.random = new Random(seed);
    }

    String text() {
        int parts = 1 + random.nextInt(30);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < parts; i++) {
            int kind = random.nextInt(100);
            if (kind < 42) {
                text.append(dictionary.word(random.nextInt(dictionary.size())));
            } else if (kind < 52) {
                text.appendCodePoint(ideograph());
            } else if (kind < 57) {
                String word = dictionary.word(random.nextInt(dictionary.size()));
                text.append(word.length() > 2 ? word.substring(0, word.length() - 1) : word + (char) ideograph());
            } else if (kind < 65) {
                text.append(pick(PUNCTUATION));
            } else if (kind < 68) {
                text.append(pick(SEPARATORS));
            } else if (kind < 72) {
                text.append(random.nextInt(random.nextBoolean() ? 100 : 1000000));
            } else if (kind < 78) {
                text.append(pick(ASCII));
            } else if (kind < 82) {
                text.append(pick(LATIN));
            } else if (kind < 85) {
                text.appendCodePoint(random.nextBoolean() ? 0x2E80 + random.nextInt(0x1A) : 0x2F00 + random.nextInt(0xD6));
            } else if (kind < 88) {
                text.append("〇々〻".charAt(random.nextInt(3)));
            } else if (kind < 90) {
                text.append(pick(KANA));
            } else if (kind < 92) {
                text.appendCodePoint(anyCodePoint());
            } else {
                text.append(pick(SPACES));
            }
        }
        return text.toString();
    }

    private int ideograph() {
        int kind = random.nextInt(20);
        if (kind < 12) {
            return 0x4E00 + random.nextInt(0x9FFD - 0x4E00);
        } else if (kind < 15) {
            return 0x3400 + random.nextInt(0x4DC0 - 0x3400);
        } else if (kind < 17) {
            return 0xF900 + random.nextInt(0xFADA - 0xF900);
        } else if (kind < 19) {
            return 0x20000 + random.nextInt(0x2A6DE - 0x20000);
        } else {
            return 0x2F800 + random.nextInt(0x2FA1E - 0x2F800);
        }
    }

    // anywhere in the BMP or the first two supplementary planes, no surrogate, unassigned ones seldom
    private int anyCodePoint() {
        while (true) {
            int cp = random.nextInt(0x30000);
            if (Character.getType(cp) != Character.SURROGATE
                    && (Character.getType(cp) != Character.UNASSIGNED || random.nextInt(20) == 0)) {
                return cp;
            }
        }
    }

    private String pick(List<String> values) {
        return values.get(random.nextInt(values.size()));
    }
}
