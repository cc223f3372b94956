package io.github.qdrantscope.embedded.inference;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Writes {@link RustUnicode}'s tables ({@code inference/unicode17/}) from the dump of
 * {@code src/test/rust/unicode17} (its header has the commands): for each question, the code points where Rust's
 * answer differs from the Java 17 one {@link RustUnicode} falls back on. Not a test; run by hand, once per Unicode
 * version Edge moves to. Fails if Rust and Java disagree on a question that has no table (White_Space, Cc).
 */
final class RustUnicodeTableWriter {

    private RustUnicodeTableWriter() {
    }

    public static void main(String[] args) throws IOException {
        Path dump = Path.of(args[0]);
        Path out = Path.of(args[1]);
        Map<RustUnicode.Property, List<int[]>> differences = new EnumMap<>(RustUnicode.Property.class);
        for (RustUnicode.Property property : RustUnicode.Property.values()) {
            differences.put(property, new ArrayList<>());
        }
        List<String> lowercase = new ArrayList<>();
        List<String> nfkd = new ArrayList<>();
        for (String line : Files.readAllLines(dump, StandardCharsets.UTF_8)) {
            String[] fields = line.split("\t", -1);
            int cp = Integer.parseInt(fields[0], 16);
            String flags = fields[1];
            if ((flags.charAt(2) == '1') != RustUnicode.isWhitespace(cp)
                    || (flags.charAt(3) == '1') != RustUnicode.isControl(cp)) {
                throw new IllegalStateException(String.format("U+%04X: whitespace or control differs", cp));
            }
            int[] rust = {flags.charAt(0) - '0', flags.charAt(1) - '0', flags.charAt(4) - '0', caseContext(flags)};
            for (RustUnicode.Property property : RustUnicode.Property.values()) {
                int value = rust[property.ordinal()];
                if (value != RustUnicode.java(property, cp)) {
                    differences.get(property).add(new int[] {cp, value});
                }
            }
            if (!fields[2].equals(hex(RustUnicode.javaLowercase(cp)))) {
                lowercase.add(fields[0] + "\t" + fields[2]);
            }
            if (!fields[3].equals(hex(RustUnicode.javaNfkd(cp)))) {
                nfkd.add(fields[0] + "\t" + fields[3]);
            }
        }
        Files.createDirectories(out);
        try (PrintWriter writer = new PrintWriter(Files.newBufferedWriter(out.resolve("properties.txt")))) {
            writer.println("# Rust's answer (std, Unicode 17.0.0) where Java 17's differs: PROPERTY FIRST..LAST VALUE."
                    + " Generated, see README.md");
            differences.forEach((property, list) -> ranges(list).forEach(range -> writer.printf("%s %04X..%04X %s%n",
                    property.name().toLowerCase(Locale.ROOT), range[0], range[1], value(property, range[2]))));
        }
        write(out.resolve("lowercase.txt"), "# char::to_lowercase (std, Unicode 17.0.0) where Java 17's differs."
                + " Generated, see README.md", lowercase);
        write(out.resolve("nfkd.txt"), "# unicode-normalization 0.1.25's NFKD (Unicode 17.0.0) where Java 17's"
                + " differs. Generated, see README.md", nfkd);
    }

    // the dump's two sigma flags: "{c}Σ" ends final only after a cased character that is not case-ignorable, and
    // "A{c}Σ" does not end final only after one that is neither
    private static int caseContext(String flags) {
        if (flags.charAt(6) == '1') {
            return RustUnicode.CaseContext.CASED.ordinal();
        }
        return (flags.charAt(7) == '1' ? RustUnicode.CaseContext.IGNORABLE : RustUnicode.CaseContext.NONE).ordinal();
    }

    private static List<int[]> ranges(List<int[]> points) {
        List<int[]> ranges = new ArrayList<>();
        for (int[] point : points) {
            int[] last = ranges.isEmpty() ? null : ranges.get(ranges.size() - 1);
            if (last != null && last[1] + 1 == point[0] && last[2] == point[1]) {
                last[1] = point[0];
            } else {
                ranges.add(new int[] {point[0], point[0], point[1]});
            }
        }
        return ranges;
    }

    private static String value(RustUnicode.Property property, int value) {
        return property == RustUnicode.Property.CASE
                ? RustUnicode.CaseContext.values()[value].name().toLowerCase(Locale.ROOT) : String.valueOf(value);
    }

    private static String hex(String text) {
        return text.codePoints().mapToObj(cp -> String.format("%04X", cp)).collect(Collectors.joining(" "));
    }

    private static void write(Path file, String header, List<String> lines) throws IOException {
        List<String> all = new ArrayList<>();
        all.add(header);
        all.addAll(lines);
        Files.write(file, all, StandardCharsets.UTF_8);
    }
}
