package io.github.qdrantscope.embedded.inference;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * Deterministic real-looking words for {@link StemmerDifferentialTest}: syllables of a language's letters, then the
 * suffixes its old Snowball algorithm removes (the among tables of qdrant-rust-stemmers 1.2.2), and now and then a
 * character the algorithm treats specially or not at all: the letters Snowball 2.0 changed (ë ï ÿ è, French H),
 * markers the old algorithms write (I U Y), other accents, digits, apostrophes, marks, ß, ligatures, code points
 * outside the BMP and other scripts, whose UTF-8 lengths (1 to 4 bytes) move the byte offsets the crate counts in.
 * No whitespace: each word is one token of the whitespace tokenizer.
 */
final class StemmerWords {

    private static final String SPECIALS = "HHIIUUYYëëïïÿèèéàçäöåüûîôâùœæáíóúñõøãłšžß0123456789''’-.";
    private static final List<String> OTHERS = List.of("\u0301", "\u0308", "ﬁ", "ﬀ", "ẞ", "İ", "ı", "𝐀", "😀", "𐐷",
            "𝔞", "д", "ё", "Ж", "λ", "ς", "Σ", "日", "本", "ب", "א", "ա", "ก", "\u200D", "²", "½", "Ⅻ", "ǅ");

    private static final String TWO_BYTE_CONSONANTS = "çñßøłšžðþđħ";

    private final Random random;
    private final String consonants;
    private final String vowels;
    private final List<String> suffixes;

    private StemmerWords(long seed, String consonants, String vowels, String suffixes) {
        this.random = new Random(seed);
        this.consonants = consonants;
        this.vowels = vowels;
        this.suffixes = List.of(suffixes.split(" "));
    }

    static StemmerWords of(Languages.Snowball language) {
        return switch (language) {
            case FRENCH -> new StemmerWords(1789L, "bcdfghjklmnpqrstvwxzçbcdlmnprstvqu", "aeiouyéèêëàâîïôûùÿœ",
                    "e es s x ement ements issement issements ment ments amment emment ation ations atrice atrices"
                    + " ateur ateurs ance ances ence ences logie logies able ables isme ismes iste istes euse euses"
                    + " ive ives if ifs usion usions ution utions ité ités ic iqUe iqUes aux eaux eux abil abl iv"
                    + " ativement iquement euses ivité ir ira irai iras ie ies îmes îtes isse isses issante issantes"
                    + " is irais issais irions issions irons issons issants it irait issait issant iraIent issaIent"
                    + " irent issent iront ît iriez issiez irez issez a era asse ante ée ai erai er as eras âmes"
                    + " asses antes âtes ées ais erais ions erions assions erons ants és ait erait ant aIent"
                    + " eraIent èrent assent eront ât ez iez eriez assiez erez é ière Ière ion Ier ier ë guë gue"
                    + " elle eille enne onne ette ell eill enn onn ett col par tap qu y Y ç ès");
            case DUTCH -> new StemmerWords(1602L, "bcdfghjklmnpqrstvwxzbdgklmnprstvz", "aeiouyèèèáäéëíïóöúü",
                    "e en ene se s heden heid heden end ig ing ingen igen lijk lijke baar bare bar en gem gemen"
                    + " dd kk tt dde kke tte aa ee oo uu aar eer oor uur ie ij ije je tje jes tjes c cheid y Y I"
                    + " ë è é ing ende enden heidje baarheid lijkheid");
            case FINNISH -> new StemmerWords(1917L, "bcdfghjklmnprstvhjklmnprstvkp", "aeiouyäöaeiou",
                    "pa sti kaan han kin hän kään ko pä kö nsa mme nne ni si an en än nsä lla na ssa ta lta sta"
                    + " tta llä nä ssä tä ltä stä ttä lle ine ksi n den seen hen tten hin siin hon hön a ä eja mma"
                    + " imma mpa impa mmi immi mpi impi ejä mmä immä mpä impä po i j t aa ee ii oo uu ää öö oj jo"
                    + " ju kse isi ille issa ista iin ita itä ihin kaan kään pa tt kk pp");
            default -> throw new IllegalArgumentException(language.name());
        };
    }

    /** {@code count} distinct words, the same for the same language and count. */
    List<String> distinct(int count) {
        Set<String> words = new LinkedHashSet<>();
        while (words.size() < count) {
            words.add(word());
        }
        return new ArrayList<>(words);
    }

    private String word() {
        StringBuilder word = new StringBuilder();
        if (random.nextInt(8) == 0) {
            // a short stem whose first non-vowel takes two UTF-8 bytes: where the crate's byte offsets (Dutch R1
            // is "at least 3" bytes) and char offsets part
            if (random.nextBoolean()) {
                word.append(pick(consonants));
            }
            word.append(pick(vowels)).append(pick(TWO_BYTE_CONSONANTS));
        }
        int syllables = word.length() > 0 ? random.nextInt(2) : 1 + random.nextInt(random.nextInt(6) == 0 ? 1 : 4);
        for (int i = 0; i < syllables; i++) {
            for (int c = random.nextInt(3); c > 0; c--) {
                word.append(pick(consonants));
            }
            word.append(pick(vowels));
            if (random.nextInt(4) == 0) {
                word.append(pick(vowels));
            }
        }
        if (random.nextInt(3) == 0) {
            word.append(pick(consonants));
        }
        for (int n = random.nextInt(10) < 7 ? 1 + random.nextInt(random.nextInt(4) == 0 ? 3 : 1) : 0; n > 0; n--) {
            word.append(suffixes.get(random.nextInt(suffixes.size())));
        }
        if (random.nextInt(3) == 0) {
            mutate(word);
        }
        if (random.nextInt(40) == 0) {
            return word.toString().toUpperCase(Locale.ROOT);
        }
        if (random.nextInt(25) == 0) {
            int codePoints = 1 + random.nextInt(Math.min(3, word.codePointCount(0, word.length())));
            return word.substring(0, word.offsetByCodePoints(0, codePoints));
        }
        return word.toString();
    }

    // one to three special characters, each replacing a char or inserted (never splitting a surrogate pair)
    private void mutate(StringBuilder word) {
        for (int n = 1 + random.nextInt(random.nextInt(4) == 0 ? 3 : 1); n > 0; n--) {
            String special = random.nextInt(3) == 0 ? OTHERS.get(random.nextInt(OTHERS.size()))
                    : String.valueOf(pick(SPECIALS));
            int at = random.nextInt(word.length() + 1);
            if (at > 0 && at < word.length() && Character.isLowSurrogate(word.charAt(at))) {
                at--;
            }
            if (random.nextBoolean() && at < word.length() && !Character.isSurrogate(word.charAt(at))) {
                word.replace(at, at + 1, special);
            } else {
                word.insert(at, special);
            }
        }
    }

    private char pick(String letters) {
        return letters.charAt(random.nextInt(letters.length()));
    }
}
