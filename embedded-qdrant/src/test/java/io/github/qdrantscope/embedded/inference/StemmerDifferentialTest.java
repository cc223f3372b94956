package io.github.qdrantscope.embedded.inference;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tartarus.snowball.SnowballStemmer;
import org.tartarus.snowball.ext.DutchStemmer;
import org.tartarus.snowball.ext.FinnishStemmer;
import org.tartarus.snowball.ext.FrenchStemmer;

/**
 * The French, Dutch and Finnish stemmers of {@code qdrant/bm25} (ports of qdrant-rust-stemmers 1.2.2's old Snowball
 * algorithms, {@link OldFrenchStemmer}, {@link OldDutchStemmer}, {@link OldFinnishStemmer}) against Qdrant Edge 0.9.0
 * ({@code edge_bm25.py}), word for word. Each generated word ({@link StemmerWords}) is a query of its own with the
 * whitespace tokenizer, the language's stemmer, no stopwords and no lowercasing, so Edge's vector is the index of its
 * stem alone (Murmur3 of the stem's UTF-8), which must equal the index of ours. The words must also reach where
 * Snowball 2.0 changed the algorithms: Lucene's Snowball 2.x stemmer has to disagree with Edge on some of them.
 * {@code -Dstemmer.diff.words=N} compares N words per language (default 9000; the long local run takes 500,000).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StemmerDifferentialTest {

    private static final int WORDS = Integer.getInteger("stemmer.diff.words", 9000);
    private static final int BATCH = 10_000;
    private static final List<String> GUESSED_TAILS = List.of("", "e", "i", "c", "u", "y", "eau", "al", "eux", "ant",
            "ent", "log", "abl", "iqU", "heid", "ksi", "a", "o");

    private EdgeBm25Oracle oracle;

    @BeforeAll
    void start() {
        oracle = EdgeBm25Oracle.start();
    }

    @AfterAll
    void stop() throws Exception {
        oracle.close();
    }

    @ParameterizedTest
    @EnumSource(value = Languages.Snowball.class, names = {"FRENCH", "DUTCH", "FINNISH"})
    void everyWordStemsAsInEdge(Languages.Snowball language) {
        long started = System.nanoTime();
        List<String> words = StemmerWords.of(language).distinct(WORDS);
        Map<String, Object> options = options(language);
        Bm25 ours = Bm25Options.parse(Bm25Samples.grpc(options));
        SnowballStemmer lucene = switch (language) {
            case FRENCH -> new FrenchStemmer();
            case DUTCH -> new DutchStemmer();
            default -> new FinnishStemmer();
        };
        List<String> differences = new ArrayList<>();
        int changed = 0;
        int luceneDiffers = 0;
        int formerlyRefused = 0;
        for (int from = 0; from < words.size(); from += BATCH) {
            List<String> batch = words.subList(from, Math.min(words.size(), from + BATCH));
            List<int[]> edge = oracle.queries(batch, options);
            for (int i = 0; i < batch.size(); i++) {
                String word = batch.get(i);
                List<String> tokens = ours.tokens(word);
                int[] expected = edge.get(i);
                if (!Arrays.equals(tokens.stream().mapToInt(Murmur3::tokenId).toArray(), expected)) {
                    differences.add(word + " -> ours " + tokens + ", Edge's " + guess(word, expected));
                }
                changed += tokens.equals(List.of(word)) ? 0 : 1;
                lucene.setCurrent(word);
                lucene.stem();
                luceneDiffers += expected.length == 1 && Murmur3.tokenId(lucene.getCurrent()) == expected[0] ? 0 : 1;
                formerlyRefused += formerlyRefused(language, word) ? 1 : 0;
            }
        }
        System.out.printf("StemmerDifferentialTest %s: %d distinct words compared with Edge in %d ms, %d differences;"
                + " %d changed by the stemmer, %d that Snowball 2.x (Lucene) stems otherwise, %d with what was refused"
                + " before the port%n", language.serdeName(), words.size(), (System.nanoTime() - started) / 1_000_000,
                differences.size(), changed, luceneDiffers, formerlyRefused);
        assertThat(differences.subList(0, Math.min(30, differences.size())))
                .as("%s words stemmed otherwise than by Edge (the first 30 of %s)", language, differences.size())
                .isEmpty();
        assertThat(changed).as("words the %s stemmer changes", language).isGreaterThan(words.size() / 2);
        // Snowball 2.0 changed French and Finnish in common places, Dutch only for è (and the byte offsets)
        int perMille = language == Languages.Snowball.DUTCH ? 1 : 10;
        assertThat(luceneDiffers).as("words where Snowball 2.0's %s differs", language)
                .isGreaterThan(words.size() * perMille / 1000);
    }

    private static Map<String, Object> options(Languages.Snowball language) {
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("tokenizer", "whitespace");
        options.put("language", language.serdeName());
        options.put("lowercase", false);
        options.put("stopwords", Map.of("custom", List.of()));
        options.put("stemmer", Map.of("type", "snowball", "language", language.serdeName()));
        return options;
    }

    /** What the stemmer refused with UNIMPLEMENTED before the port (SnowballStemming's refuseUnmatched). */
    private static boolean formerlyRefused(Languages.Snowball language, String word) {
        return switch (language) {
            case FRENCH -> word.chars().anyMatch(c -> "ëïÿH".indexOf(c) >= 0);
            case DUTCH -> word.indexOf('è') >= 0;
            default -> !word.chars().allMatch(c -> c >= 'a' && c <= 'z' || c == 'ä' || c == 'ö');
        };
    }

    /** Edge's stem when it is a prefix of the word plus a usual replacement, for the failure message. */
    private static String guess(String word, int[] indices) {
        if (indices.length != 1) {
            return "indices " + Arrays.toString(indices);
        }
        for (int end = word.length(); end >= 0; end--) {
            for (String tail : GUESSED_TAILS) {
                String candidate = word.substring(0, end) + tail;
                if (Murmur3.tokenId(candidate) == indices[0]) {
                    return "[" + candidate + "]";
                }
            }
        }
        return "index " + Integer.toUnsignedString(indices[0]);
    }
}
