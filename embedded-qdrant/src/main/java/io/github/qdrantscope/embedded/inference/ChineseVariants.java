package io.github.qdrantscope.embedded.inference;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;

/**
 * charabia 0.10.0's Chinese normalizer with the {@code chinese-normalization} feature alone, as Qdrant builds it
 * ({@code src/normalizer/chinese.rs}, no pinyin): each character found in irg-kvariants 0.1.1's {@code KVARIANTS}
 * becomes its destination ideograph. The map is {@code kvariants/kvariants.tsv.gz} beside this class (as the
 * crate's {@code build.rs} and {@code lib.rs} build it), loaded once on first use into two sorted arrays.
 */
final class ChineseVariants {

    private ChineseVariants() {
    }

    private static final class Table {
        static final int[] SOURCES;
        static final int[] DESTINATIONS;

        static {
            int[][] table = load();
            SOURCES = table[0];
            DESTINATIONS = table[1];
        }
    }

    static int size() {
        return Table.SOURCES.length;
    }

    /** The character's destination ideograph, or the character itself. */
    static int variant(int cp) {
        int index = Arrays.binarySearch(Table.SOURCES, cp);
        return index >= 0 ? Table.DESTINATIONS[index] : cp;
    }

    static String normalize(String lemma) {
        StringBuilder out = new StringBuilder(lemma.length());
        lemma.codePoints().map(ChineseVariants::variant).forEach(out::appendCodePoint);
        return out.toString();
    }

    private static int[][] load() {
        InputStream in = ChineseVariants.class.getResourceAsStream("kvariants/kvariants.tsv.gz");
        if (in == null) {
            throw new IllegalStateException("Missing resource kvariants/kvariants.tsv.gz beside "
                    + ChineseVariants.class.getName());
        }
        int[] sources = new int[16384];
        int[] destinations = new int[16384];
        int count = 0;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(new GZIPInputStream(in),
                StandardCharsets.US_ASCII))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                int tab = line.indexOf('\t');
                if (count == sources.length) {
                    sources = Arrays.copyOf(sources, count * 2);
                    destinations = Arrays.copyOf(destinations, count * 2);
                }
                sources[count] = Integer.parseInt(line.substring(0, tab), 16);
                destinations[count] = Integer.parseInt(line.substring(tab + 1), 16);
                if (count > 0 && sources[count] <= sources[count - 1]) {
                    throw new IllegalStateException("kvariants/kvariants.tsv.gz is not sorted at line " + (count + 1));
                }
                count++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new int[][] {Arrays.copyOf(sources, count), Arrays.copyOf(destinations, count)};
    }
}
