package io.github.qdrantscope.embedded.inference;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The Unicode answers of Qdrant's tokenizers as Qdrant Edge 0.9.0 gives them: Rust's std and unicode-normalization
 * 0.1.25, both Unicode 17.0.0 there, where Java 17 knows Unicode 13. Every question the inference package (and
 * the JSON path parser) asks about a character goes through here: Java's answer, unless the tables in
 * {@code unicode17/} hold Rust's for that code point. The tables list exactly the code points where the two differ
 * (characters assigned since Unicode 13 and the few that changed properties, such as U+0363 becoming
 * Other_Alphabetic in Unicode 14 or U+0295 ceasing to be lowercase in 16); they were written by
 * {@code RustUnicodeTableWriter} from the dump of {@code src/test/rust/unicode17}, and {@code RustUnicodeTest} checks
 * every code point against that program's digests. A code point Unicode 17 leaves unassigned gets Java's answer
 * for an unassigned one, which is Rust's too (no property, no case, no decomposition).
 */
public final class RustUnicode {

    /** The boolean and three-valued questions the tables answer, by the names the tables use. */
    enum Property {
        ALPHABETIC, NUMERIC, UPPERCASE, CASE
    }

    /** What {@code str::to_lowercase}'s final-sigma rule reads: Case_Ignorable first, then Cased. */
    enum CaseContext {
        CASED, IGNORABLE, NONE
    }

    /** Word_Break MidLetter, MidNumLet and Single_Quote: case-ignorable whatever their category. */
    private static final String MID_LETTERS = "'.:\u00B7\u0387\u055F\u05F4\u2018\u2019\u2024\u2027\uFE13\uFE52\uFE55"
            + "\uFF07\uFF0E\uFF1A";

    private static final Map<Property, Ranges> PROPERTIES = properties();
    private static final Map<Integer, String> LOWERCASE = mappings("lowercase.txt");
    private static final Map<Integer, String> NFKD = mappings("nfkd.txt");

    private RustUnicode() {
    }

    /** {@code char::is_alphabetic}. */
    static boolean isAlphabetic(int cp) {
        return answer(Property.ALPHABETIC, cp) == 1;
    }

    /** {@code char::is_numeric}: the categories Nd, Nl and No. */
    static boolean isNumeric(int cp) {
        return answer(Property.NUMERIC, cp) == 1;
    }

    /**
     * {@code char::is_alphanumeric}, which the word and prefix tokenizers split on and Qdrant's JSON path parser
     * accepts in a key ({@code json_path/parse.rs}); public for the latter.
     */
    public static boolean isAlphanumeric(int cp) {
        return isAlphabetic(cp) || isNumeric(cp);
    }

    /** {@code char::is_whitespace}: the White_Space property, the same in Unicode 13 and 17. */
    static boolean isWhitespace(int cp) {
        return cp >= 0x09 && cp <= 0x0D || cp == 0x20 || cp == 0x85 || cp == 0xA0 || cp == 0x1680
                || cp >= 0x2000 && cp <= 0x200A || cp == 0x2028 || cp == 0x2029 || cp == 0x202F || cp == 0x205F
                || cp == 0x3000;
    }

    /** {@code char::is_control}: the category Cc, the same in Unicode 13 and 17. */
    static boolean isControl(int cp) {
        return Character.getType(cp) == Character.CONTROL;
    }

    /** {@code char::is_uppercase}: the Uppercase property. */
    static boolean isUppercase(int cp) {
        return answer(Property.UPPERCASE, cp) == 1;
    }

    /** How {@code str::to_lowercase} sees the character next to a capital sigma. */
    static CaseContext caseContext(int cp) {
        return CaseContext.values()[answer(Property.CASE, cp)];
    }

    /** {@code char::to_lowercase}: no context, U+0130 the one character that becomes two. */
    static String toLowercase(int cp) {
        String rust = LOWERCASE.get(cp);
        return rust != null ? rust : javaLowercase(cp);
    }

    /** unicode-normalization's {@code char::nfkd}, the full compatibility decomposition of one character. */
    static String nfkd(int cp) {
        String rust = NFKD.get(cp);
        return rust != null ? rust : javaNfkd(cp);
    }

    /** {@code str::to_lowercase} but the final-sigma rule, which {@link RustCase} adds around it. */
    static String lowercase(String text) {
        boolean java = true;
        for (int i = 0; i < text.length() && java; ) {
            int cp = text.codePointAt(i);
            java = !LOWERCASE.containsKey(cp);
            i += Character.charCount(cp);
        }
        if (java) {
            return text.toLowerCase(Locale.ROOT);
        }
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> out.append(toLowercase(cp)));
        return out.toString();
    }

    private static int answer(Property property, int cp) {
        int rust = PROPERTIES.get(property).value(cp);
        return rust >= 0 ? rust : java(property, cp);
    }

    /** Java 17's answer, which the tables correct; {@code RustUnicodeTableWriter} compares Rust's with it. */
    static int java(Property property, int cp) {
        return switch (property) {
            case ALPHABETIC -> Character.isAlphabetic(cp) ? 1 : 0;
            case NUMERIC -> {
                int type = Character.getType(cp);
                yield type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER
                        || type == Character.OTHER_NUMBER ? 1 : 0;
            }
            case UPPERCASE -> Character.isUpperCase(cp) ? 1 : 0;
            case CASE -> javaCaseContext(cp).ordinal();
        };
    }

    // Case_Ignorable (Mn, Me, Cf, Lm, Sk and the mid-word punctuation) before Cased (Lowercase, Uppercase, Lt), as
    // map_uppercase_sigma in alloc/src/str.rs skips the former and then asks for the latter
    private static CaseContext javaCaseContext(int cp) {
        int type = Character.getType(cp);
        if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.FORMAT
                || type == Character.MODIFIER_LETTER || type == Character.MODIFIER_SYMBOL
                || cp < 0x10000 && MID_LETTERS.indexOf(cp) >= 0) {
            return CaseContext.IGNORABLE;
        }
        return Character.isLowerCase(cp) || Character.isUpperCase(cp) || Character.isTitleCase(cp)
                ? CaseContext.CASED : CaseContext.NONE;
    }

    // String.toLowerCase, not Character.toLowerCase, for U+0130's two characters
    static String javaLowercase(int cp) {
        return new String(Character.toChars(cp)).toLowerCase(Locale.ROOT);
    }

    static String javaNfkd(int cp) {
        return cp < 0x80 ? String.valueOf((char) cp)
                : Normalizer.normalize(new String(Character.toChars(cp)), Normalizer.Form.NFKD);
    }

    /** The sizes of the tables (ranges per property, then the two mappings), pinned by a test. */
    static Map<String, Integer> sizes() {
        Map<String, Integer> sizes = new HashMap<>();
        PROPERTIES.forEach((property, ranges) -> sizes.put(property.name(), ranges.size()));
        sizes.put("lowercase.txt", LOWERCASE.size());
        sizes.put("nfkd.txt", NFKD.size());
        return sizes;
    }

    /** Sorted, disjoint ranges of code points with Rust's answer for each. */
    private record Ranges(int[] firsts, int[] lasts, int[] values) {

        int value(int cp) {
            int low = 0;
            int high = firsts.length - 1;
            while (low <= high) {
                int mid = (low + high) >>> 1;
                if (cp < firsts[mid]) {
                    high = mid - 1;
                } else if (cp > lasts[mid]) {
                    low = mid + 1;
                } else {
                    return values[mid];
                }
            }
            return -1;
        }

        int size() {
            return firsts.length;
        }
    }

    // properties.txt: "PROPERTY FIRST..LAST VALUE", hex code points, ranges in order; VALUE 0/1 or a CaseContext
    private static Map<Property, Ranges> properties() {
        Map<Property, List<int[]>> rows = new EnumMap<>(Property.class);
        for (Property property : Property.values()) {
            rows.put(property, new ArrayList<>());
        }
        read("properties.txt", fields -> {
            Property property = Property.valueOf(fields[0].toUpperCase(Locale.ROOT));
            String[] range = fields[1].split("\\.\\.");
            int value = property == Property.CASE ? CaseContext.valueOf(fields[2].toUpperCase(Locale.ROOT)).ordinal()
                    : Integer.parseInt(fields[2]);
            rows.get(property).add(new int[] {Integer.parseInt(range[0], 16),
                    Integer.parseInt(range[range.length - 1], 16), value});
        });
        Map<Property, Ranges> properties = new EnumMap<>(Property.class);
        rows.forEach((property, list) -> {
            int[] firsts = list.stream().mapToInt(row -> row[0]).toArray();
            for (int i = 1; i < firsts.length; i++) {
                if (firsts[i] <= list.get(i - 1)[1]) {
                    throw new IllegalStateException("unicode17/properties.txt: " + property + " ranges out of order");
                }
            }
            properties.put(property, new Ranges(firsts, list.stream().mapToInt(row -> row[1]).toArray(),
                    list.stream().mapToInt(row -> row[2]).toArray()));
        });
        return properties;
    }

    // "CODE\tMAPPING", hex code points, the mapping's separated by spaces (none for an empty one)
    private static Map<Integer, String> mappings(String name) {
        Map<Integer, String> mappings = new HashMap<>();
        read(name, fields -> {
            StringBuilder mapping = new StringBuilder();
            for (int i = 1; i < fields.length; i++) {
                mapping.appendCodePoint(Integer.parseInt(fields[i], 16));
            }
            mappings.put(Integer.parseInt(fields[0], 16), mapping.toString());
        });
        return Map.copyOf(mappings);
    }

    private static void read(String name, Consumer<String[]> row) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                Objects.requireNonNull(RustUnicode.class.getResourceAsStream("unicode17/" + name), name),
                StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isEmpty() && !line.startsWith("#")) {
                    row.accept(line.trim().split("\\s+"));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
