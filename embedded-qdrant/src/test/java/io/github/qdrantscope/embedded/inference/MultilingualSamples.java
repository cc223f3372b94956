package io.github.qdrantscope.embedded.inference;

import java.util.List;
import java.util.Random;

/**
 * Generated texts for the multilingual tokenizer's differential test: words of the scripts this port segments
 * (Latin with precomposed and combining diacritics, ligatures and quotes, Cyrillic, Greek with final and capital
 * sigma, Georgian in its three alphabets, Armenian (a script of whatlang's vote only), Hebrew with points,
 * Hangul, Devanagari, Ethiopic, Khmer, Tibetan, kana, which charabia leaves whole in a run whatlang finds
 * Japanese), compatibility characters (ﬁ, ①, ², fullwidth letters, mathematical letters), the 38 combining letters Rust
 * finds alphabetic and Java 17 does not, separators from charabia's table, control and format characters,
 * digits, emoji, and now and then any code point at all (unassigned in Java 17's Unicode 13 too) and words of
 * the scripts with differential tests of their own (Han, kana, Thai, Arabic: Chinese, Japanese, Thai and Arabic
 * DifferentialTest), so runs of those meet the others here.
 */
final class MultilingualSamples {

    private static final List<String> WORDS = List.of("The", "quick", "BROWN", "fox", "café", "cafe\u0301", "naïve",
            "Straße", "STRASSE", "ÉCOLE", "école", "über", "Ærø", "æther", "Œuvre", "cœur", "ﬁnance", "ﬀ", "ǅemal",
            "İstanbul", "ıi", "Ångström", "A\u030A", "n\u0303o", "can’t", "it‘s", "‛quoted", "don't", "x²", "H₂O",
            "½", "①", "Ⅻ", "ⅻ", "Ⓐ", "ⓐ", "ｆｕｌｌ", "ＦＵＬＬ", "𝐀𝐁𝐂", "𝒳", "ℌ", "™", "℃", "µ", "ſ", "ʰ", "ᵃ",
            "Привет", "МИР", "ёлка", "Ёж", "Ї", "ѣ", "й", "и\u0306", "ᲀ", "Ελληνικά", "ΣΟΦΟΣ", "σοφος", "σοφός",
            "οδός", "Σ", "ς", "ςα", "ΆΈΉ", "ΐ", "ϐ", "ϑ", "ϕ", "ᾳ", "ᾼ", "ქართული", "ᲥᲐᲠᲗᲣᲚᲘ", "ႠႡ", "ⴀ",
            "שָׁלוֹם", "עברית", "ﬠ", "한국어", "가", "ㄱ", "㉠", "हिन्दी", "क़", "ኢትዮጵያ", "ភាសាខ្មែរ", "៘", "བོད་",
            "ྂ", "ྃ", "\u0F82", "ఄ", "\u0C04", "𑂀", "\uD804\uDC80\uD804\uDC81", "\u0363", "a\u0363", "и\u0364", "\u1DD3",
            "ж\u1DE6", "😀", "🚀rocket", "👍🏽", "123", "3.14", "1,000", "29.3°F", "v2", "\u00AD",
            "\u200B", "\u200D", "\uFEFF", "a\uFEFFb", "\u2060", "ǈ", "Ǆ", "ﬃ", "ﬅ", "ŉ", "ǰ", "ẞ", "ꞵ", "Ꞵ", "ꟶ",
            "ᴫ", "ᵸ", "Ꙁ", "ꙁ", "ⷠ", "ǃ", "℘", "№", "㎏", "ｶ", "ﾟ",
            "Հայերեն", "ԲԱՐԵՎ", "և", "ﬓ", "Աբ", "abՀ", "ՀԱՅ", "՚", "カタカナ", "ひらがな", "テスト", "です", "ー",
            "ｶﾀｶﾅ", "かな漢字", "ゔ", "ヴ", "ゟ", "ヿ");
    private static final List<String> OWN_TESTS = List.of("日本語", "中文", "漢字かな", "ภาษาไทย",
            "العربية", "فارسی", "\u0378", "々", "〹", "٣", "۳");
    private static final List<String> SEPARATORS = CharabiaTables.separators();
    private static final List<String> SPACES = List.of(" ", " ", " ", "  ", "\t", "\n", "\r\n", "\u00A0", "\u2003",
            "\u3000", "\u0085", "\u001F", "\u0001", "\u007F", "\u009F", "", "");

    private final Random random;

    MultilingualSamples(long seed) {
        this.random = new Random(seed);
    }

    String text() {
        int words = random.nextInt(24);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < words; i++) {
            int kind = random.nextInt(100);
            if (kind < 70) {
                text.append(pick(WORDS));
            } else if (kind < 80) {
                text.append(pick(SEPARATORS));
            } else if (kind < 95) {
                text.appendCodePoint(anyCodePoint());
            } else if (kind < 96) {
                text.append(pick(OWN_TESTS));
            } else {
                text.append(random.nextInt(100000));
            }
            if (random.nextInt(3) == 0 && text.length() > 0) {
                text.append(pick(WORDS).toUpperCase(java.util.Locale.ROOT));
            }
            text.append(random.nextInt(4) == 0 ? pick(SEPARATORS) : pick(SPACES));
        }
        return text.toString();
    }

    // anywhere in the BMP or the first supplementary plane, no surrogate (a text is valid UTF-8), and seldom one
    // of the scripts with a differential test of their own, so these texts stay mostly the scripts above
    private int anyCodePoint() {
        while (true) {
            int cp = random.nextInt(4) == 0 ? random.nextInt(0x20000) : random.nextInt(0x3000);
            CharabiaScript script = CharabiaScript.of(cp);
            boolean ownTest = script == CharabiaScript.CJ || script == CharabiaScript.THAI
                    || script == CharabiaScript.ARABIC && cp != 0xFEFF;
            if (Character.getType(cp) != Character.SURROGATE && (!ownTest || random.nextInt(20) == 0)) {
                return cp;
            }
        }
    }

    private String pick(List<String> values) {
        return values.get(random.nextInt(values.size()));
    }
}
