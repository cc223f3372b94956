package io.github.qdrantscope.embedded.inference;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * whatlang 0.18.0's language detection for a text whose main script is Arabic, as charabia 0.10.0 asks it for an
 * Arabic run ({@code StrDetection::language} of {@code src/detection/mod.rs}: no allow list, so
 * {@code Detector::default()}, whose method is {@code Method::Combined}, {@code src/core/options.rs}).
 *
 * <p>{@code combined::raw_detect} ({@code src/combined/mod.rs}) mixes an alphabet score and a trigram score per
 * language. For the Arabic script the alphabet score is a placeholder ({@code build_mock} in
 * {@code src/alphabets/detection.rs}): 1.0 for Ara, Urd and Pes over a count of 1, so every language gets the same
 * alphabet part and the trigram score ({@code src/trigrams/detection.rs}) ranks them. The scores are computed
 * here with the crate's integer and f64 operations in its order, so equal scores are equal here too.
 *
 * <p>The winner is the first of the scores sorted by {@code sort_unstable_by}: for these three scores an insertion
 * sort, which keeps equal scores in the order above, so among equal top scores the first of {@link #LANGUAGES}
 * wins ({@link #leaders} lists them in that order).
 */
final class WhatlangArabic {

    /** The Arabic-script languages, in the order of whatlang's {@code ARABIC_LANGS} (and of the alphabet mock). */
    static final List<CharabiaLanguage> LANGUAGES = List.of(CharabiaLanguage.ARA, CharabiaLanguage.URD,
            CharabiaLanguage.PES);

    /** {@code MAX_TRIGRAM_DISTANCE} of {@code src/trigrams/mod.rs}. */
    private static final int MAX_TRIGRAM_DISTANCE = 300;
    /** {@code TEXT_TRIGRAMS_SIZE}: only the 600 most frequent trigrams of the text have a position. */
    private static final int TEXT_TRIGRAMS_SIZE = 600;
    private static final Map<CharabiaLanguage, long[]> PROFILES = profiles();

    private WhatlangArabic() {
    }

    /** The languages whose combined score is the highest, in whatlang's order (usually one). */
    static List<CharabiaLanguage> leaders(String text) {
        double[] scores = scores(text);
        double top = Double.NEGATIVE_INFINITY;
        for (double score : scores) {
            top = Math.max(top, score);
        }
        List<CharabiaLanguage> leaders = new ArrayList<>();
        for (int i = 0; i < scores.length; i++) {
            if (scores[i] == top) {
                leaders.add(LANGUAGES.get(i));
            }
        }
        return leaders;
    }

    /** {@code combined::raw_detect}'s score of each language, in the order of {@link #LANGUAGES}. */
    static double[] scores(String text) {
        Map<Long, Integer> positions = positions(text);
        double alphabetWeight = alphabetWeight(1);
        double trigramWeight = 1.0 - alphabetWeight;
        double[] scores = new double[LANGUAGES.size()];
        for (int i = 0; i < scores.length; i++) {
            double alphabet = 1.0;
            double trigram = trigramScore(PROFILES.get(LANGUAGES.get(i)), positions);
            scores[i] = alphabet * alphabetWeight + trigram * trigramWeight;
        }
        return scores;
    }

    // calc_alphabet_weight of src/combined/mod.rs, with f64::clamp's bounds
    private static double alphabetWeight(int count) {
        double weight = -(count / 300.0) + 2.0 / 3.0;
        return weight < 1.0 / 3.0 ? 1.0 / 3.0 : weight > 2.0 / 3.0 ? 2.0 / 3.0 : weight;
    }

    // calculate_distance, then distance_to_raw_score: u32 arithmetic that cannot wrap for a profile of 300
    // trigrams (the ones found add less than 300 each, those missing exactly 300)
    private static double trigramScore(long[] profile, Map<Long, Integer> positions) {
        long total = 0;
        for (int i = 0; i < profile.length; i++) {
            Integer position = positions.get(profile[i]);
            total += position == null ? MAX_TRIGRAM_DISTANCE : Math.abs(position - i);
        }
        int count = positions.size();
        if (MAX_TRIGRAM_DISTANCE > count) {
            total -= (long) (MAX_TRIGRAM_DISTANCE - count) * MAX_TRIGRAM_DISTANCE;
        }
        long distance = Math.min(Math.max(total, 0), (long) MAX_TRIGRAM_DISTANCE * MAX_TRIGRAM_DISTANCE);
        long maxDistance = (long) count * MAX_TRIGRAM_DISTANCE;
        return (double) (maxDistance - distance) / (double) maxDistance;
    }

    /**
     * {@code get_trigrams_with_positions} of {@code src/trigrams/utils.rs}: the text lowercased, stop characters
     * as spaces, a space before and after, trigrams counted unless their middle is a space next to another; then
     * ranked by count and, among equal counts, by the trigram itself (its characters compared in order), both
     * descending, and the first 600 numbered from 0.
     */
    static Map<Long, Integer> positions(String text) {
        Map<Long, Integer> counts = new HashMap<>();
        int c1 = ' ';
        int c2 = -1;
        int[] chars = lowercase(text).codePoints().map(cp -> isStopChar(cp) ? ' ' : cp).toArray();
        for (int i = 0; i <= chars.length; i++) {
            int c = i < chars.length ? chars[i] : ' ';
            if (c2 < 0) {
                c2 = c;
                continue;
            }
            if (!(c2 == ' ' && (c1 == ' ' || c == ' '))) {
                counts.merge(key(c1, c2, c), 1, Integer::sum);
            }
            c1 = c2;
            c2 = c;
        }
        List<Map.Entry<Long, Integer>> ranked = new ArrayList<>(counts.entrySet());
        ranked.sort((a, b) -> {
            int byCount = Integer.compare(b.getValue(), a.getValue());
            return byCount != 0 ? byCount : Long.compare(b.getKey(), a.getKey());
        });
        Map<Long, Integer> positions = new HashMap<>();
        for (int i = 0; i < ranked.size() && i < TEXT_TRIGRAMS_SIZE; i++) {
            positions.put(ranked.get(i).getKey(), i);
        }
        return positions;
    }

    /** A trigram as one number that orders as the derived {@code Ord} of whatlang's {@code Trigram} does. */
    static long key(int c1, int c2, int c3) {
        return (long) c1 << 42 | (long) c2 << 21 | c3;
    }

    /** {@code is_stop_char} of {@code src/utils.rs}: ASCII controls, space, punctuation and digits. */
    private static boolean isStopChar(int cp) {
        return cp <= 0x40 || cp >= 0x5B && cp <= 0x60 || cp >= 0x7B && cp <= 0x7E;
    }

    /**
     * {@code LowercaseText::new} ({@code src/core/text.rs}) is Rust's {@code str::to_lowercase}: each character's
     * lowercase mapping (Java's agrees over Java 17's code points, docs/embedded-qdrant.md), with U+0130's two
     * characters; its one context rule, a final capital sigma, cannot meet here: Greek letters are a charabia run
     * of their own, never in an Arabic one.
     */
    private static String lowercase(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (cp == 0x130) {
                out.append("i\u0307");
            } else {
                out.appendCodePoint(Character.toLowerCase(cp));
            }
        });
        return out.toString();
    }

    private static Map<CharabiaLanguage, long[]> profiles() {
        Map<CharabiaLanguage, List<Long>> lists = new EnumMap<>(CharabiaLanguage.class);
        InputStream in = WhatlangArabic.class.getResourceAsStream("whatlang/arabic-trigrams.txt");
        if (in == null) {
            throw new IllegalStateException("Missing resource whatlang/arabic-trigrams.txt beside "
                    + WhatlangArabic.class.getName());
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String[] fields = line.trim().split(" ");
                CharabiaLanguage lang = CharabiaLanguage.valueOf(fields[0].toUpperCase(java.util.Locale.ROOT));
                lists.computeIfAbsent(lang, l -> new ArrayList<>()).add(key(Integer.parseInt(fields[1], 16),
                        Integer.parseInt(fields[2], 16), Integer.parseInt(fields[3], 16)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<CharabiaLanguage, long[]> profiles = new EnumMap<>(CharabiaLanguage.class);
        lists.forEach((lang, list) -> profiles.put(lang, list.stream().mapToLong(Long::longValue).toArray()));
        return profiles;
    }
}
