package io.github.qdrantscope.embedded.inference;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPInputStream;

/**
 * Generated texts rich in Thai for {@link ThaiDifferentialTest}: words of charabia's Thai dictionary (read from the
 * shipped word list, those with dots, hyphens or spaces included), words cut short, run together or of random Thai
 * letters (mostly outside the dictionary), the Thai vowel and tone marks alone or doubled, ำ (which NFKD splits
 * into a mark and a vowel), Thai digits alone (numbers charabia does not segment) and next to letters, Roman
 * numerals (numeric yet alphabetic, so a number left whole is a token of its own), ฿, ๆ, ๏, ๚,
 * ๛, Lao (no charabia script, so it stays in the Thai run), combining marks of other scripts, Latin, Cyrillic,
 * Greek, Armenian and Hebrew words, ASCII digits, spaces, charabia's separators, control and format characters,
 * emoji, and seldom a code point that needs a refusal (unassigned Thai code points, Han, Arabic).
 */
final class ThaiSamples {

    private static final List<String> WORDS = dictionary();
    private static final List<String> OTHERS = List.of("Thai", "BANGKOK", "café", "Straße", "ﬁ", "x²", "Привет",
            "ΣΟΦΟΣ", "σοφος", "Հայերեն", "ԲԱՐԵՎ", "שָׁלוֹם", "한국어", "😀", "🇹🇭", "123", "3.14", "v2", "ＡＢＣ", "the", "running",
            "a", "I");
    private static final List<String> THAI_EXTRAS = List.of("ำ", "น้ำ", "ฯ", "ๆ", "฿", "๏", "๚", "๛", "ฯลฯ", "ๅ",
            "ลาว", "ພາສາລາວ", "ກ", "\u0EB4", "\u0ECD", "\u0301", "a\u0301", "\u0E4E", "\u0E3A", "เเ", "ะ", "ั", "ิ",
            "่", "้", "๊", "๋", "์", "ํ", "็", "ฺ");
    private static final List<String> DIGITS = List.of("๐", "๑", "๒๓", "๔๕๖", "๗.๘", "๙,๐๐๐", "๑-๒", "๑๒:๓๐", "๓๓๓",
            "๑ก", "ก๒", "๕๕๕", "1๒3", "๑๒๓.", "๑๑๑ร", "x๑", "ⅫⅠ", "Ⅻ", "ⅷⅸ.", "๑Ⅳ");
    private static final List<String> REFUSED = List.of("\u0E3B", "\u0E5C", "\u0E7F", "日本", "中文", "العربية");
    private static final List<String> SEPARATORS = CharabiaTables.separators();
    private static final List<String> SPACES = List.of(" ", " ", " ", "", "", "", "\t", "\n", "\u00A0", "\u3000",
            "\u200B", "\u0001", "\u00AD");

    private final Random random;

    ThaiSamples(long seed) {
        this.random = new Random(seed);
    }

    private static List<String> dictionary() {
        try (InputStream in = new GZIPInputStream(ThaiSamples.class.getResourceAsStream(ThaiSegmenter.WORDS))) {
            return List.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String text() {
        int parts = 1 + random.nextInt(16);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < parts; i++) {
            int kind = random.nextInt(100);
            if (kind < 40) {
                text.append(pick(WORDS));
            } else if (kind < 48) {
                String word = pick(WORDS);
                text.append(word, 0, 1 + random.nextInt(word.length()));
            } else if (kind < 58) {
                for (int n = 1 + random.nextInt(4); n > 0; n--) {
                    text.append((char) (0x0E01 + random.nextInt(0x3A)));
                }
            } else if (kind < 66) {
                text.append(pick(THAI_EXTRAS));
            } else if (kind < 72) {
                text.append(pick(DIGITS));
            } else if (kind < 82) {
                text.append(pick(OTHERS));
            } else if (kind < 88) {
                text.append(pick(SEPARATORS));
            } else if (kind < 92) {
                text.append(pick(OTHERS).toUpperCase(java.util.Locale.ROOT));
            } else if (kind < 96) {
                text.append(random.nextInt(1000));
            } else if (kind < 99) {
                text.appendCodePoint(anyThaiCodePoint());
            } else {
                text.append(pick(REFUSED));
            }
            text.append(pick(SPACES));
        }
        return text.toString();
    }

    // the Thai block and Lao next to it, seldom one Java 17 leaves unassigned (a refusal)
    private int anyThaiCodePoint() {
        while (true) {
            int cp = 0x0E00 + random.nextInt(0x100);
            if (Character.getType(cp) != Character.UNASSIGNED || random.nextInt(10) == 0) {
                return cp;
            }
        }
    }

    private String pick(List<String> values) {
        return values.get(random.nextInt(values.size()));
    }
}
