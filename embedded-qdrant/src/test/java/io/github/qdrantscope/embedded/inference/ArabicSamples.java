package io.github.qdrantscope.embedded.inference;

import java.util.List;
import java.util.Random;

/**
 * Generated texts rich in the Arabic script for {@link ArabicDifferentialTest}: Arabic, Persian and Urdu words
 * and sentences (so whatlang finds each of the three languages, and sometimes ties), words behind the alef-lam
 * prefixes the Arabic segmenter cuts (also written with a decomposed hamza or as a presentation form, which it
 * does not cut), harakat and tatweel, Arabic-Indic and Persian digits in numbers and inside words, Yeh and Kaf
 * variants, ZWNJ, presentation forms and ligatures (ﷲ, ﻻ, ﷺ, ﷼), Arabic punctuation, Thaana and NKo (in
 * charabia's Arabic ranges), U+FEFF, Armenian (whatlang's vote), Latin words, separators from charabia's table,
 * and now and then any code point of the Arabic blocks.
 */
final class ArabicSamples {

    private static final List<String> ARABIC = List.of("السلام", "عليكم", "كيف", "حالكم", "أتمنى", "أن", "تكونوا",
            "بأفضل", "ٱلأحوال", "الشجرة", "شجرة", "البانيا", "الحمــــــد", "رحــيم", "ٱلحمد", "يومى", "النهاردة",
            "مدرسة", "الكتاب", "كتاب", "في", "من", "إلى", "على", "هذا", "التي", "الذي", "مع", "عن", "كان", "قال", "إن",
            "اللغة", "العربية", "مكتبة", "وَالْكِتَابُ", "مُحَمَّدٌ", "بِسْمِ", "اللَّهِ", "الرَّحْمَنِ", "جامعة",
            "القاهرة", "المملكة", "والمدرسة", "بالقلم", "للطلاب", "الأستاذ", "الإسلام", "الآن", "ٱلْعَالَمِينَ",
            "مستشفى", "مصطفى", "ذلك", "لكن", "وقد", "حتى", "أيضا", "بين", "عند", "كل", "بعد", "قبل");
    private static final List<String> PERSIAN = List.of("این", "است", "که", "را", "با", "برای", "می\u200Cشود",
            "کتاب", "زبان", "فارسی", "ایران", "تهران", "نمی\u200Cخواهم", "کشور", "گفت", "پدر", "چه", "ژاله", "یک",
            "هم", "خود", "آن", "شده", "خانه\u200Cها", "همه", "ما", "بود", "دانشگاه", "حقوق", "بشر", "و", "کیک",
            "علي", "كتاب", "خانهٔ", "سال۱۴۰۲", "۱۲۳", "عمیق\u200Cترین", "می", "ها", "بزرگ", "گل", "چشم", "پژوهش");
    private static final List<String> URDU = List.of("اور", "ہے", "کے", "میں", "کی", "یہ", "سے", "کہ", "نہیں",
            "پاکستان", "اردو", "ہم", "ہیں", "گا", "ٹھیک", "بڑا", "ڈاکٹر", "کیا", "ہوں", "والے", "ۓ", "گھر", "بھی",
            "ایک", "لیے", "تھا", "کر", "دیا", "اپنے");
    private static final List<String> OTHER = List.of("١٢٣", "٤٥٦", "٧٨٩٠", "۴۵۶۷", "123", "3.14", "٣٫١٤", "٢٬٠٠٠",
            "ـــ", "ـ", "،", "؛", "؟", "٪", "۔", "«", "»", "\u200C", "\u200D", "\uFEFF", "\u064B", "\u0651", "\u0670",
            "\u06D6", "\u0610", "ﷲ", "ﻻ", "ﷺ", "﷼", "ﺍﻟﺴﻼﻡ", "ﻟﻠﻪ", "ا\u0654لكتاب", "ﺍﻟﻜﺘﺎﺏ", "ދިވެހި", "ߒߞߏ",
            "Հայերեն", "ԲԱՐԵՎ", "The", "quick", "BROWN", "café", "Straße", "Qdrant", "v2", "x²", "ك", "ي", "ى",
            "ۀ", "ی", "ک", "ة", "أ", "إ", "آ", "ٱ", "ال", "أل", "ٱل");
    private static final List<String> PREFIXES = List.of("ال", "أل", "إل", "آل", "ٱل", "و", "ب", "لل", "وال", "فال");
    private static final List<String> SEPARATORS = CharabiaTables.separators();
    private static final List<String> SPACES = List.of(" ", " ", " ", " ", "  ", "\t", "\n", "، ", ". ", "؟ ", "؛",
            "\u200C", "-", "/", ":", "(", ") ", "\"", "'", "!", "…", "\u00A0", "");
    private static final char[] MARKS = {'\u064B', '\u064C', '\u064D', '\u064E', '\u064F', '\u0650', '\u0651',
        '\u0652', '\u0640', '\u0654', '\u0655', '\u0670', '\u200C'};

    private final Random random;

    ArabicSamples(long seed) {
        this.random = new Random(seed);
    }

    String text() {
        List<String> language = switch (random.nextInt(4)) {
            case 0 -> ARABIC;
            case 1 -> PERSIAN;
            case 2 -> URDU;
            default -> null;
        };
        int words = random.nextInt(random.nextInt(5) == 0 ? 60 : 10);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < words; i++) {
            int kind = random.nextInt(100);
            List<String> source = language != null && kind < 50 ? language : pick(List.of(ARABIC, PERSIAN, URDU));
            if (kind < 60) {
                text.append(pick(source));
            } else if (kind < 70) {
                text.append(pick(PREFIXES)).append(pick(source));
            } else if (kind < 78) {
                marked(text, pick(source));
            } else if (kind < 88) {
                text.append(pick(OTHER));
            } else if (kind < 92) {
                text.append(pick(SEPARATORS));
            } else if (kind < 97) {
                text.appendCodePoint(arabicBlock());
            } else {
                text.append(random.nextBoolean() ? random.nextInt(10000) : persianDigits());
            }
            text.append(pick(SPACES));
        }
        return text.toString();
    }

    private void marked(StringBuilder text, String word) {
        word.codePoints().forEach(cp -> {
            text.appendCodePoint(cp);
            if (random.nextInt(3) == 0) {
                text.append(MARKS[random.nextInt(MARKS.length)]);
            }
        });
    }

    private String persianDigits() {
        StringBuilder digits = new StringBuilder();
        int n = 1 + random.nextInt(5);
        int zero = random.nextBoolean() ? 0x06F0 : 0x0660;
        for (int i = 0; i < n; i++) {
            digits.append((char) (zero + random.nextInt(10)));
        }
        return digits.toString();
    }

    // any assigned code point of charabia's Arabic ranges, presentation forms included
    private int arabicBlock() {
        int[] ranges = {0x600, 0x6FF, 0x750, 0x7FF, 0x8A0, 0x8FF, 0xFB50, 0xFDFF, 0xFE70, 0xFEFF, 0x10E60, 0x10E7F,
            0x1EE00, 0x1EEFF};
        while (true) {
            int range = random.nextInt(ranges.length / 2) * 2;
            int cp = ranges[range] + random.nextInt(ranges[range + 1] - ranges[range] + 1);
            if (Character.getType(cp) != Character.UNASSIGNED) {
                return cp;
            }
        }
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
